import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';
import type { ReminderGroup } from '../../../domain/reminders.js';

/** Invitations: made with their first message, and who a reminder goes to. */

export interface NewInvitation {
  id: string;
  householdId: string;
  /** sha256 of the answer link's token, hex */
  tokenHash: string;
  language: string;
  channel: ChannelName;
}

/**
 * Each household's invitation and its first message, in one statement; a household that already
 * has an invitation to the event keeps it (a double click, two workers). Returns how many were new.
 */
export async function insertInvitations(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  invitations: NewInvitation[],
): Promise<number> {
  if (invitations.length === 0) return 0;
  const rows = await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[])
         AS t(id, household_id, token_hash, language, channel)),
     created AS (
       INSERT INTO invitation (id, municipality_id, event_id, household_id, token_hash, language)
       SELECT id, $1, $2, household_id, decode(token_hash, 'hex'), language FROM input
       ON CONFLICT (event_id, household_id) DO NOTHING
       RETURNING id, household_id)
     INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel)
     SELECT $1, created.id, $2, created.household_id, input.channel FROM created JOIN input ON input.id = created.id
     RETURNING id`,
    [
      municipalityId,
      eventId,
      invitations.map((i) => i.id),
      invitations.map((i) => i.householdId),
      invitations.map((i) => i.tokenHash),
      invitations.map((i) => i.language),
      invitations.map((i) => i.channel),
    ],
  );
  return rows.length;
}

/** The invitations' languages (chosen when the invitation was made). */
export async function invitationLanguages(
  tx: Queryable,
  municipalityId: number,
  invitationIds: string[],
): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; language: string }>(
    'SELECT id, language FROM invitation WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, invitationIds],
  );
  return new Map(rows.map((r) => [r.id, r.language]));
}

export function invitedHouseholdIds(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<string[]> {
  return tx
    .query<{ id: string }>(
      'SELECT household_id AS id FROM invitation WHERE municipality_id = $1 AND event_id = $2 AND household_id IS NOT NULL',
      [municipalityId, eventId],
    )
    .then((rows) => rows.map((r) => r.id));
}

/** Statuses of an invitation message that mean it reached the household (or its letterbox). */
const DELIVERED_STATUSES = ['sent', 'delivered', 'printed'] as const;

/** Who a scheduled reminder goes to: everyone who has not said no and is not waiting for a place. */
export type ReminderAudience = ReminderGroup | 'not_declined';

const AUDIENCE_CONDITION: Record<ReminderAudience, string> = {
  silent: 'a.invitation_id IS NULL',
  coming: "a.response = 'coming' AND a.waiting_since IS NULL",
  maybe: "a.response = 'maybe'",
  not_declined:
    "(a.invitation_id IS NULL OR a.response = 'maybe' OR (a.response = 'coming' AND a.waiting_since IS NULL))",
};

/**
 * The invitations of the event in `audience` whose invitation message reached the household
 * (sent, delivered or printed) — before `sentBefore` when given — leaving out those that have had
 * a reminder whose purpose starts with `notSince.prefix` since `notSince.at`.
 */
export async function reminderTargets(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  audience: ReminderAudience,
  options: { sentBefore?: Date; notSince?: { prefix: string; at: Date } } = {},
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT i.id FROM invitation i
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.household_id IS NOT NULL
       AND ${AUDIENCE_CONDITION[audience]}
       AND EXISTS (SELECT 1 FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id
         AND m.purpose = 'invitation' AND m.status = ANY($3::text[])
         AND ($4::timestamptz IS NULL OR m.sent_at < $4))
       AND ($5::text IS NULL OR NOT EXISTS (SELECT 1 FROM message r WHERE r.municipality_id = $1
         AND r.invitation_id = i.id AND starts_with(r.purpose, $5) AND r.created_at >= $6))
     ORDER BY i.id`,
    [
      municipalityId,
      eventId,
      [...DELIVERED_STATUSES],
      options.sentBefore ?? null,
      options.notSince?.prefix ?? null,
      options.notSince?.at ?? null,
    ],
  );
  return rows.map((r) => r.id);
}
