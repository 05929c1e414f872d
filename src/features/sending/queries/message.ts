import type { ChannelName, SendResult } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';
import type { MessageStatus } from '../../../domain/sending.js';
import type { GAVE_UP_REASONS } from '../contract.js';

/** Messages: queued, claimed, sent, retried, delivered or printed; notices after the invitation. */

export interface ClaimedMessage {
  id: string;
  invitationId: string;
  householdId: string | null;
  channel: ChannelName;
  /** 'invitation', 'confirmation:<version>', 'promotion' or 'reminder:<key>' */
  purpose: string;
  attempts: number;
}

export const CLAIMED = `RETURNING id, invitation_id AS "invitationId", household_id AS "householdId", channel, purpose,
  attempts`;

/**
 * Takes up to `limit` messages of the event to send: queued ones that are due at `now`, and ones
 * another worker claimed longer than the lease ago (it was killed: resume), leaving out the
 * channels in `except` (failing: they are probed instead). SKIP LOCKED lets several workers share
 * an event without taking the same message.
 */
export function claimMessages(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  leaseSeconds: number,
  limit: number,
  now: Date,
  except: ChannelName[],
): Promise<ClaimedMessage[]> {
  return tx.query<ClaimedMessage>(
    `UPDATE message SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
     WHERE id IN (
       SELECT id FROM message WHERE municipality_id = $1 AND event_id = $2 AND channel <> ALL($6::text[])
         AND ((status = 'queued' AND not_before <= $5)
           OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $3)))
       ORDER BY created_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
     ${CLAIMED}`,
    [municipalityId, eventId, leaseSeconds, limit, now, except],
  );
}

/**
 * What the provider answered. A retryable failure goes back in the queue until `retryAt`, failing
 * since `now` unless it already was (its time to give up counts from its first failure).
 */
export async function recordOutcome(
  tx: Queryable,
  municipalityId: number,
  messageId: string,
  result: SendResult,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  const reason = result.reason?.slice(0, 1000) ?? null;
  if (result.status === 'failed' && retryAt) {
    await tx.query(
      `UPDATE message SET status = 'queued', not_before = $3, reason = $4, claimed_at = NULL,
         failing_since = COALESCE(failing_since, $5), updated_at = now()
       WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, messageId, retryAt, reason, now],
    );
    return;
  }
  await tx.query(
    `UPDATE message SET status = $3, provider_id = COALESCE($4, provider_id), reason = $5, claimed_at = NULL,
       sent_at = CASE WHEN $3 = 'failed' THEN sent_at ELSE COALESCE(sent_at, now()) END, updated_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, messageId, result.status, result.providerId ?? null, reason],
  );
  if (result.letterPdf) {
    // In the same transaction as 'sent': a letter counted for the print room is always there.
    await tx.query(
      `INSERT INTO letter_pdf (message_id, municipality_id, pdf) VALUES ($2, $1, $3)
       ON CONFLICT (message_id) DO UPDATE SET pdf = EXCLUDED.pdf, created_at = now()`,
      [municipalityId, messageId, result.letterPdf],
    );
  }
}

/**
 * When the event next has a message to send: a retry waiting, a claim whose lease runs out, or,
 * for a failing channel, its next probe.
 */
export async function nextDue(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  leaseSeconds: number,
): Promise<Date | null> {
  const [row] = await tx.query<{ due: Date | null }>(
    `SELECT min(CASE WHEN h.failing_since IS NOT NULL THEN h.next_probe_at
                     WHEN m.status = 'queued' THEN m.not_before
                     ELSE m.claimed_at + make_interval(secs => $3) END) AS due
     FROM message m
     LEFT JOIN channel_health h ON h.municipality_id = m.municipality_id AND h.channel = m.channel
     WHERE m.municipality_id = $1 AND m.event_id = $2 AND m.status IN ('queued', 'sending')`,
    [municipalityId, eventId, leaseSeconds],
  );
  return row?.due ? new Date(row.due) : null;
}

/** Why a message held back by passing failures was given up: its time ran out (queries/held-back.ts). */
export type GaveUp = (typeof GAVE_UP_REASONS)[number];

export interface MessageRow {
  id: string;
  householdId: string;
  channel: ChannelName;
  status: MessageStatus;
  reason: string | null;
  gaveUp: GaveUp | null;
  sentAt: Date | null;
}

/** Each household's latest invitation message for the event (what the sending page shows). */
export function latestMessages(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<MessageRow[]> {
  return tx.query<MessageRow>(
    `SELECT DISTINCT ON (household_id) id, household_id AS "householdId", channel, status, reason,
       gave_up AS "gaveUp", sent_at AS "sentAt"
     FROM message WHERE municipality_id = $1 AND event_id = $2 AND household_id IS NOT NULL
       AND purpose = 'invitation'
     ORDER BY household_id, created_at DESC, id`,
    [municipalityId, eventId],
  );
}

/**
 * Queues failed invitations again, each by `channelOf` its household now: the same message when
 * the channel is the same, a new one when the team chose another. Returns the number queued.
 */
export async function requeueFailed(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  retries: { invitationId: string; householdId: string; channel: ChannelName }[],
): Promise<number> {
  if (retries.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, channel)
     SELECT $1, t.invitation_id, $2, t.household_id, t.channel
     FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS t(invitation_id, household_id, channel)
     ON CONFLICT (invitation_id, purpose, channel) DO UPDATE SET status = 'queued', attempts = 0,
       not_before = now(), claimed_at = NULL, reason = NULL, failing_since = NULL, gave_up = NULL,
       created_at = now(), updated_at = now()
     WHERE message.status = 'failed'
     RETURNING id`,
    [
      municipalityId,
      eventId,
      retries.map((r) => r.invitationId),
      retries.map((r) => r.householdId),
      retries.map((r) => r.channel),
    ],
  );
  return rows.length;
}

/** The failed invitations of an event (their latest message failed), optionally one household's or one channel's. */
export function failedInvitations(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  filter: { householdId?: string; channel?: ChannelName },
): Promise<{ invitationId: string; householdId: string; channel: ChannelName }[]> {
  return tx.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (invitation_id) invitation_id AS "invitationId", household_id AS "householdId",
         channel, status
       FROM message WHERE municipality_id = $1 AND event_id = $2 AND household_id IS NOT NULL
         AND purpose = 'invitation'
       ORDER BY invitation_id, created_at DESC, id) latest
     WHERE status = 'failed' AND ($3::uuid IS NULL OR "householdId" = $3) AND ($4::text IS NULL OR channel = $4)`,
    [municipalityId, eventId, filter.householdId ?? null, filter.channel ?? null],
  );
}

/** The letters ready for the print room, with their PDFs (letter_pdf), by postcode. */
export function lettersToPrint(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  statuses: MessageStatus[],
): Promise<{ id: string; householdId: string | null; pdf: Uint8Array }[]> {
  return tx.query(
    `SELECT m.id, m.household_id AS "householdId", l.pdf FROM message m
     JOIN letter_pdf l ON l.message_id = m.id AND l.municipality_id = m.municipality_id
     LEFT JOIN household h ON h.id = m.household_id AND h.municipality_id = m.municipality_id
     WHERE m.municipality_id = $1 AND m.event_id = $2 AND m.channel = 'letter' AND m.status = ANY($3::text[])
     ORDER BY h.postcode NULLS LAST, h.display_name, m.id`,
    [municipalityId, eventId, statuses],
  );
}

export async function markLettersPrinted(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<string[]> {
  const rows = await tx.query<{ householdId: string | null }>(
    `UPDATE message SET status = 'printed', updated_at = now()
     WHERE municipality_id = $1 AND event_id = $2 AND channel = 'letter' AND status = 'sent'
     RETURNING household_id AS "householdId"`,
    [municipalityId, eventId],
  );
  return rows.flatMap((r) => (r.householdId ? [r.householdId] : []));
}

/**
 * Events with messages due or left claimed by a stopped process. A failing channel's messages
 * are its probes' to send: they count only when the probe is a minute overdue (no process is
 * probing it, e.g. after a restart).
 */
export function eventsWithWork(
  tx: Queryable,
  leaseSeconds: number,
): Promise<{ municipalityId: number; eventId: string }[]> {
  return tx.query(
    `SELECT DISTINCT m.municipality_id AS "municipalityId", m.event_id AS "eventId" FROM message m
     LEFT JOIN channel_health h ON h.municipality_id = m.municipality_id AND h.channel = m.channel
     WHERE CASE WHEN h.failing_since IS NOT NULL
                THEN m.status IN ('queued', 'sending') AND h.next_probe_at <= now() - interval '1 minute'
                ELSE (m.status = 'queued' AND m.not_before <= now())
                  OR (m.status = 'sending' AND m.claimed_at < now() - make_interval(secs => $1)) END`,
    [leaseSeconds],
  );
}

/** The municipality a message belongs to, for a delivery report that names only our message id. */
export async function messageMunicipality(tx: Queryable, messageId: string): Promise<number | undefined> {
  const [row] = await tx.query<{ municipalityId: number }>(
    'SELECT municipality_id AS "municipalityId" FROM message WHERE id = $1',
    [messageId],
  );
  return row?.municipalityId;
}

/** A delivery report for an SMS: delivered, or failed with the provider's reason. */
export async function applySmsDeliveryReport(
  tx: Queryable,
  municipalityId: number,
  messageId: string,
  report: { status: 'delivered' | 'failed'; reason: string | null },
): Promise<{ householdId: string | null; eventId: string } | undefined> {
  const [row] = await tx.query<{ householdId: string | null; eventId: string }>(
    `UPDATE message SET status = $3, reason = $4, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND channel = 'sms' AND status IN ('sent', 'delivered', 'failed')
     RETURNING household_id AS "householdId", event_id AS "eventId"`,
    [municipalityId, messageId, report.status, report.reason?.slice(0, 1000) ?? null],
  );
  return row;
}

/**
 * As landsby_system: the municipalities with digital mail that is 'sent' (SvarUt has it, no final
 * status yet), not asked about in the last `recheckMinutes`, sent within `maxAgeDays`.
 */
export async function municipalitiesWithDigitalMailToCheck(
  tx: Queryable,
  recheckMinutes: number,
  maxAgeDays: number,
): Promise<number[]> {
  const rows = await tx.query<{ municipalityId: number }>(
    `SELECT DISTINCT municipality_id AS "municipalityId" FROM message
     WHERE channel = 'digital_mail' AND status = 'sent'
       AND sent_at > now() - make_interval(days => $2)
       AND (status_checked_at IS NULL OR status_checked_at <= now() - make_interval(mins => $1))
     ORDER BY 1`,
    [recheckMinutes, maxAgeDays],
  );
  return rows.map((r) => r.municipalityId);
}

export interface DigitalMailToCheck {
  id: string;
  providerId: string;
  householdId: string | null;
  eventId: string;
}

/** The municipality's digital mail to ask SvarUt about, the longest unasked first. */
export function digitalMailToCheck(
  tx: Queryable,
  municipalityId: number,
  recheckMinutes: number,
  maxAgeDays: number,
  limit: number,
): Promise<DigitalMailToCheck[]> {
  return tx.query<DigitalMailToCheck>(
    `SELECT id, provider_id AS "providerId", household_id AS "householdId", event_id AS "eventId"
     FROM message
     WHERE municipality_id = $1 AND channel = 'digital_mail' AND status = 'sent' AND provider_id IS NOT NULL
       AND sent_at > now() - make_interval(days => $3)
       AND (status_checked_at IS NULL OR status_checked_at <= now() - make_interval(mins => $2))
     ORDER BY status_checked_at NULLS FIRST, sent_at, id
     LIMIT $4`,
    [municipalityId, recheckMinutes, maxAgeDays, limit],
  );
}

/** SvarUt answered for these messages: asked now, whatever the answer. */
export async function markDigitalMailChecked(
  tx: Queryable,
  municipalityId: number,
  messageIds: string[],
): Promise<void> {
  if (messageIds.length === 0) return;
  await tx.query(
    `UPDATE message SET status_checked_at = now()
     WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND channel = 'digital_mail'`,
    [municipalityId, messageIds],
  );
}

/**
 * SvarUt's news for one message: delivered, printed or failed with SvarUt's words. Only a message
 * still 'sent' changes (a retry or another job may have moved it meanwhile); returns it if it did.
 */
export async function applyDigitalMailStatus(
  tx: Queryable,
  municipalityId: number,
  messageId: string,
  update: { status: 'delivered' | 'printed' | 'failed'; reason: string | null },
): Promise<{ householdId: string | null; eventId: string } | undefined> {
  const [row] = await tx.query<{ householdId: string | null; eventId: string }>(
    `UPDATE message SET status = $3, reason = $4, status_checked_at = now(), updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND channel = 'digital_mail' AND status = 'sent'
     RETURNING household_id AS "householdId", event_id AS "eventId"`,
    [municipalityId, messageId, update.status, update.reason?.slice(0, 1000) ?? null],
  );
  return row;
}

/**
 * Queues one message of `purpose` for each invitation, by e-mail or SMS: the invitation's own
 * channel when it was one of those, else whichever the household has. A household reached only
 * by letter gets none (a printed confirmation would come after the event). A purpose already
 * queued or sent for an invitation is not queued again. Returns the number queued.
 */
export async function queueNotices(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  invitationIds: string[],
  purpose: string,
): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const rows = await tx.query(
    `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, purpose, channel)
     SELECT * FROM (
       SELECT $1::int, i.id, i.event_id, i.household_id, $4::text,
         CASE
           WHEN (SELECT m.channel FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'invitation'
                 ORDER BY m.created_at DESC LIMIT 1) IN ('email', 'sms')
             THEN (SELECT m.channel FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'invitation'
                   ORDER BY m.created_at DESC LIMIT 1)
           WHEN EXISTS (SELECT 1 FROM adult a WHERE a.household_id = i.household_id AND a.email IS NOT NULL) THEN 'email'
           WHEN EXISTS (SELECT 1 FROM adult a WHERE a.household_id = i.household_id AND a.mobile IS NOT NULL) THEN 'sms'
         END AS channel
       FROM invitation i
       WHERE i.municipality_id = $1 AND i.event_id = $2 AND i.id = ANY($3::uuid[]) AND i.household_id IS NOT NULL
     ) notice WHERE channel IS NOT NULL
     ON CONFLICT (invitation_id, purpose, channel) DO NOTHING
     RETURNING id`,
    [municipalityId, eventId, invitationIds, purpose],
  );
  return rows.length;
}

/** Holds the reminders of `purpose` back until `notBefore` (a reminder asked for in quiet hours). */
export async function holdReminders(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  purpose: string,
  notBefore: Date,
): Promise<void> {
  await tx.query(
    `UPDATE message SET not_before = $4, updated_at = now()
     WHERE municipality_id = $1 AND event_id = $2 AND purpose = $3 AND status = 'queued' AND not_before < $4`,
    [municipalityId, eventId, purpose, notBefore],
  );
}
