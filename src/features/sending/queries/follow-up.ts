import type { Queryable } from '../../../db/connection.js';
import type { Round } from '../../../domain/good-start.js';

/**
 * The messages that follow the café's fate rather than an answer: the cancellation, and after the
 * café the thank-you to those who came and the "we missed you" to those who said they were
 * coming and did not.
 */

/** The messages of the event still waiting to go (invitations, reminders …): a cancelled café sends none of them. */
export async function withdrawQueued(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<number> {
  const rows = await tx.query(
    `DELETE FROM message WHERE municipality_id = $1 AND event_id = $2 AND status = 'queued' RETURNING id`,
    [municipalityId, eventId],
  );
  return rows.length;
}

/**
 * Who hears that the café is cancelled: every household that said it is coming (a place or the
 * waiting list), and with `everyone` (cancelled before the answer deadline, or the café has none)
 * also every household whose invitation reached it and that has not said no.
 */
export async function cancellationTargets(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  everyone: boolean,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT i.id FROM invitation i
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.household_id IS NOT NULL
       AND (a.response = 'coming' OR ($3 AND (a.response IS NULL OR a.response <> 'not_coming')
         AND EXISTS (SELECT 1 FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id
           AND m.purpose = 'invitation' AND m.status IN ('sent', 'delivered', 'printed'))))
     ORDER BY i.id`,
    [municipalityId, eventId, everyone],
  );
  return rows.map((r) => r.id);
}

export type AfterCafeGroup = 'thanks' | 'missed';

/** En god start's evaluation questionnaire, and the one reminder to those who have not answered it. */
export type QuestionnaireMessage = 'questionnaire' | 'questionnaire-reminder';

const AFTER_CAFE_CONDITION: Record<AfterCafeGroup, string> = {
  // checked in on the evening (a walk-in too, when it was invited)
  thanks:
    'EXISTS (SELECT 1 FROM attendance t WHERE t.event_id = i.event_id AND t.household_id = i.household_id AND t.present)',
  // said it was coming, had a place, and was not checked in
  missed: `a.response = 'coming' AND a.waiting_since IS NULL AND NOT EXISTS (SELECT 1 FROM attendance t
    WHERE t.event_id = i.event_id AND t.household_id = i.household_id AND t.present)`,
};

/** The invitations of the group after the café, with whether the group's message is already queued or sent. */
export function afterCafeTargets(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  group: AfterCafeGroup,
): Promise<{ id: string; done: boolean }[]> {
  return tx.query<{ id: string; done: boolean }>(
    `SELECT i.id, EXISTS (SELECT 1 FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id
         AND m.purpose = $3) AS done
     FROM invitation i
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.household_id IS NOT NULL
       AND ${AFTER_CAFE_CONDITION[group]}
     ORDER BY i.id`,
    [municipalityId, eventId, group],
  );
}

/**
 * Queues one message of `purpose` for each invitation by the household's channel: e-mail or SMS
 * as for a confirmation (queueNotices), else the channel its invitation went by (a letter or
 * digital mail), so a household reached only by post hears it too. Never twice for an invitation
 * (the UNIQUE on invitation, purpose and channel, and one channel per invitation). Returns the
 * number queued.
 */
export async function queueByHouseholdChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  invitationIds: string[],
  purpose: 'cancellation' | AfterCafeGroup | `${QuestionnaireMessage}:${Round}`,
): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, purpose, channel)
     SELECT * FROM (
       SELECT $1::int, i.id, i.event_id, i.household_id, $4::text,
         CASE
           WHEN invited.channel IN ('email', 'sms') THEN invited.channel
           WHEN EXISTS (SELECT 1 FROM adult a WHERE a.household_id = i.household_id AND a.email IS NOT NULL) THEN 'email'
           WHEN EXISTS (SELECT 1 FROM adult a WHERE a.household_id = i.household_id AND a.mobile IS NOT NULL) THEN 'sms'
           ELSE invited.channel
         END AS channel
       FROM invitation i
       LEFT JOIN LATERAL (SELECT m.channel FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'invitation'
         ORDER BY m.created_at DESC LIMIT 1) invited ON true
       WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.id = ANY($3::uuid[]) AND i.household_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM message d WHERE d.invitation_id = i.id AND d.purpose = $4)
     ) notice WHERE channel IS NOT NULL
     ON CONFLICT (invitation_id, purpose, channel) DO NOTHING
     RETURNING id`,
    [municipalityId, eventId, invitationIds, purpose],
  );
  return rows.length;
}

/**
 * The evaluation link each questionnaire message (or its reminder) carries: the link of the message's round for
 * its household in the cohort whose session the invitation is to.
 */
export async function questionnaireLinks(
  tx: Queryable,
  municipalityId: number,
  messageIds: string[],
): Promise<Map<string, string>> {
  if (messageIds.length === 0) return new Map();
  const rows = await tx.query<{ messageId: string; linkId: string }>(
    `SELECT m.id AS "messageId", l.id AS "linkId"
     FROM message m
     JOIN cohort_session s ON s.event_id = m.event_id
     JOIN evaluation_link l ON l.cohort_id = s.cohort_id AND l.household_id = m.household_id
       AND l.municipality_id = m.municipality_id
       AND m.purpose IN ('questionnaire:' || l.round, 'questionnaire-reminder:' || l.round)
     WHERE m.municipality_id = $1 AND m.id = ANY($2::uuid[])`,
    [municipalityId, messageIds],
  );
  return new Map(rows.map((r) => [r.messageId, r.linkId]));
}
