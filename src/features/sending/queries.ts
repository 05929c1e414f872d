import type { ChannelName, SendResult } from '../../channels/types.js';
import type { Queryable } from '../../db/connection.js';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'printed' | 'failed';

// --- The event's image and sending settings ---------------------------------------------------------

export async function findEventImageInfo(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ alt: string; contentType: string } | undefined> {
  const [row] = await tx.query<{ alt: string; contentType: string }>(
    `SELECT alt, content_type AS "contentType" FROM event_image WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

export async function findEventImage(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ alt: string; contentType: string; bytes: Uint8Array } | undefined> {
  const [row] = await tx.query<{ alt: string; contentType: string; bytes: Uint8Array }>(
    `SELECT alt, content_type AS "contentType", bytes FROM event_image WHERE municipality_id = $1 AND event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

export interface SendingSettings {
  sendAt: Date | null;
  channel: ChannelName | null;
  sendBy: string | null;
  startsAt: Date;
  status: 'planned' | 'cancelled';
}

/** The event's sending settings; `lock` holds the event until the transaction ends (one sending at a time). */
export async function findSendingSettings(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<SendingSettings | undefined> {
  const [row] = await tx.query<SendingSettings>(
    `SELECT send_at AS "sendAt", channel, send_by AS "sendBy", starts_at AS "startsAt", status
     FROM event WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row && { ...row, sendAt: row.sendAt && new Date(row.sendAt), startsAt: new Date(row.startsAt) };
}

export async function setSendAt(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  sendAt: Date | null,
  userId: string | null,
): Promise<void> {
  await tx.query(
    'UPDATE event SET send_at = $3, send_by = $4, updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId, sendAt, userId],
  );
}

export async function setEventChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  channel: ChannelName | null,
): Promise<void> {
  await tx.query('UPDATE event SET channel = $3, updated_at = now() WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    eventId,
    channel,
  ]);
}

export async function setHouseholdChannel(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
  channel: ChannelName | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, channel) VALUES ($2, $3, $1, $4)
     ON CONFLICT (event_id, household_id) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
    [municipalityId, eventId, householdId, channel],
  );
}

// --- Households: how they can be reached ----------------------------------------------------------------

export interface ReachRow {
  id: string;
  name: string;
  preferred: ChannelName[];
  languages: string[];
  hasEmail: boolean;
  hasMobile: boolean;
  hasAddress: boolean;
  /** The team's choice of channel for this household and event. */
  choice: ChannelName | null;
}

/** For each household: its adults' channel preferences and languages, and which contact data it has. */
export function reachability(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
): Promise<ReachRow[]> {
  return tx.query<ReachRow>(
    `SELECT h.id, h.display_name AS name,
       COALESCE((SELECT array_agg(c.channel ORDER BY a.position, c.n) FROM adult a,
         unnest(a.preferred_channels) WITH ORDINALITY AS c(channel, n) WHERE a.household_id = h.id), '{}') AS preferred,
       COALESCE((SELECT array_agg(a.preferred_language ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '{}') AS languages,
       EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.email IS NOT NULL) AS "hasEmail",
       EXISTS (SELECT 1 FROM adult a WHERE a.household_id = h.id AND a.mobile IS NOT NULL) AS "hasMobile",
       (h.address_line IS NOT NULL AND h.postcode IS NOT NULL AND h.place IS NOT NULL) AS "hasAddress",
       i.channel AS choice
     FROM household h
     LEFT JOIN event_invitee i ON i.event_id = $2 AND i.household_id = h.id AND i.municipality_id = h.municipality_id
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId, eventId, householdIds],
  );
}

// --- Invitations and messages ---------------------------------------------------------------------------

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

export interface ClaimedMessage {
  id: string;
  invitationId: string;
  householdId: string | null;
  channel: ChannelName;
  /** 'invitation', 'confirmation:<version>', 'promotion' or 'reminder:<key>' */
  purpose: string;
  attempts: number;
}

/**
 * Takes up to `limit` messages of the event to send: queued ones that are due, and ones another
 * worker claimed longer than the lease ago (it was killed: resume). SKIP LOCKED lets several
 * workers share an event without taking the same message.
 */
export function claimMessages(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  leaseSeconds: number,
  limit: number,
): Promise<ClaimedMessage[]> {
  return tx.query<ClaimedMessage>(
    `UPDATE message SET status = 'sending', attempts = attempts + 1, claimed_at = now(), updated_at = now()
     WHERE id IN (
       SELECT id FROM message WHERE municipality_id = $1 AND event_id = $2
         AND ((status = 'queued' AND not_before <= now())
           OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $3)))
       ORDER BY created_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
     RETURNING id, invitation_id AS "invitationId", household_id AS "householdId", channel, purpose, attempts`,
    [municipalityId, eventId, leaseSeconds, limit],
  );
}

export interface MessageHouseholdRow {
  householdId: string;
  adults: { firstName: string; lastName: string; email: string | null; mobile: string | null }[];
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  languages: string[];
  note: string | null;
}

/** What the messages of the given households need: names, contact data, address, the personal note. */
export function householdsForMessages(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdIds: string[],
): Promise<MessageHouseholdRow[]> {
  return tx.query<MessageHouseholdRow>(
    `SELECT h.id AS "householdId", h.address_line AS "addressLine", h.postcode, h.place,
       COALESCE((SELECT json_agg(json_build_object('firstName', a.first_name, 'lastName', a.last_name,
         'email', a.email, 'mobile', a.mobile) ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '[]') AS adults,
       COALESCE((SELECT array_agg(a.preferred_language ORDER BY a.position) FROM adult a
         WHERE a.household_id = h.id), '{}') AS languages,
       i.note
     FROM household h
     LEFT JOIN event_invitee i ON i.event_id = $2 AND i.household_id = h.id AND i.municipality_id = h.municipality_id
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])`,
    [municipalityId, eventId, householdIds],
  );
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

/** What the provider answered. A retryable failure goes back in the queue until `retryAt`. */
export async function recordOutcome(
  tx: Queryable,
  municipalityId: number,
  messageId: string,
  result: SendResult,
  retryAt: Date | null,
): Promise<void> {
  const reason = result.reason?.slice(0, 1000) ?? null;
  if (result.status === 'failed' && retryAt) {
    await tx.query(
      `UPDATE message SET status = 'queued', not_before = $3, reason = $4, claimed_at = NULL, updated_at = now()
       WHERE municipality_id = $1 AND id = $2`,
      [municipalityId, messageId, retryAt, reason],
    );
    return;
  }
  await tx.query(
    `UPDATE message SET status = $3, provider_id = COALESCE($4, provider_id), reason = $5, claimed_at = NULL,
       sent_at = CASE WHEN $3 = 'failed' THEN sent_at ELSE COALESCE(sent_at, now()) END, updated_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, messageId, result.status, result.providerId ?? null, reason],
  );
}

/** When the event next has a message to send (a retry waiting, or a claim whose lease runs out). */
export async function nextDue(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  leaseSeconds: number,
): Promise<Date | null> {
  const [row] = await tx.query<{ due: Date | null }>(
    `SELECT min(CASE WHEN status = 'queued' THEN not_before
                     ELSE claimed_at + make_interval(secs => $3) END) AS due
     FROM message WHERE municipality_id = $1 AND event_id = $2 AND status IN ('queued', 'sending')`,
    [municipalityId, eventId, leaseSeconds],
  );
  return row?.due ? new Date(row.due) : null;
}

export interface MessageRow {
  id: string;
  householdId: string;
  channel: ChannelName;
  status: MessageStatus;
  reason: string | null;
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
       sent_at AS "sentAt"
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
       not_before = now(), claimed_at = NULL, reason = NULL, created_at = now(), updated_at = now()
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

// --- Letters for the print room -------------------------------------------------------------------------

/** The letters ready for the print room (their PDF is in the outbox under providerId), by postcode. */
export function lettersToPrint(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  statuses: MessageStatus[],
): Promise<{ id: string; householdId: string | null; providerId: string }[]> {
  return tx.query(
    `SELECT m.id, m.household_id AS "householdId", m.provider_id AS "providerId" FROM message m
     LEFT JOIN household h ON h.id = m.household_id AND h.municipality_id = m.municipality_id
     WHERE m.municipality_id = $1 AND m.event_id = $2 AND m.channel = 'letter' AND m.status = ANY($3::text[])
       AND m.provider_id IS NOT NULL
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

// --- Across municipalities (landsby_system): which events have work, never who ----------------------------

export function eventsWithWork(
  tx: Queryable,
  leaseSeconds: number,
): Promise<{ municipalityId: number; eventId: string }[]> {
  return tx.query(
    `SELECT DISTINCT municipality_id AS "municipalityId", event_id AS "eventId" FROM message
     WHERE (status = 'queued' AND not_before <= now())
        OR (status = 'sending' AND claimed_at < now() - make_interval(secs => $1))`,
    [leaseSeconds],
  );
}

/** Events whose planned sending time has come and that have not been sent yet. */
export function eventsDueForSending(tx: Queryable): Promise<{ municipalityId: number; eventId: string }[]> {
  return tx.query(
    `SELECT e.municipality_id AS "municipalityId", e.id AS "eventId" FROM event e
     WHERE e.status = 'planned' AND e.send_at <= now() AND e.send_at > now() - interval '60 days'
       AND NOT EXISTS (SELECT 1 FROM message m WHERE m.event_id = e.id)`,
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

// --- Digital mail status (SvarUt status-sok) ------------------------------------------------------------

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

// --- Messages after the invitation: confirmations, promotions, reminders ----------------------------

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

export interface AnswerForNotice {
  invitationId: string;
  response: 'coming' | 'not_coming' | 'maybe';
  adults: number;
  children: number;
  /** Place on the waiting list (1 = next), or null. */
  place: number | null;
}

export function answersForNotices(
  tx: Queryable,
  municipalityId: number,
  invitationIds: string[],
): Promise<AnswerForNotice[]> {
  return tx.query<AnswerForNotice>(
    `SELECT a.invitation_id AS "invitationId", a.response, a.adults, a.children,
       CASE WHEN a.waiting_since IS NULL THEN NULL ELSE (
         SELECT count(*) FROM answer w WHERE w.event_id = a.event_id AND w.waiting_since IS NOT NULL
           AND (w.waiting_since, w.invitation_id) <= (a.waiting_since, a.invitation_id)) END AS place
     FROM answer a WHERE a.municipality_id = $1 AND a.invitation_id = ANY($2::uuid[])`,
    [municipalityId, invitationIds],
  );
}

/** Of these households, those that have never been checked in at any event. */
export async function firstTimers(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT h.id FROM unnest($2::uuid[]) AS h(id)
     WHERE NOT EXISTS (SELECT 1 FROM attendance t WHERE t.municipality_id = $1 AND t.household_id = h.id AND t.present)`,
    [municipalityId, householdIds],
  );
  return new Set(rows.map((r) => r.id));
}
