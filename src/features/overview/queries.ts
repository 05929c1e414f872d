import type { ChannelName } from '../../channels/types.js';
import type { Queryable } from '../../db/connection.js';
import type { Diet } from '../answers/queries.js';

/** Statuses of an invitation message that mean it reached the household (or its letterbox). */
export const DELIVERED_STATUSES = ['sent', 'delivered', 'printed'] as const;

export interface OverviewRow {
  invitationId: string;
  id: string;
  name: string;
  /** The channel of the household's invitation message (its latest one). */
  channel: ChannelName;
  response: 'coming' | 'not_coming' | 'maybe' | null;
  adults: number | null;
  children: number | null;
  diet: Diet[] | null;
  dietNote: string | null;
  comment: string | null;
  /** Place on the waiting list (1 = next), or null. */
  place: number | null;
  /** Never checked in at any other event. */
  firstTime: boolean;
  answeredBy: 'household' | 'team' | null;
}

/** Every household invited to the event (it has an invitation), with its answer, sorted by name. */
export function overviewRows(tx: Queryable, municipalityId: number, eventId: string): Promise<OverviewRow[]> {
  return tx.query<OverviewRow>(
    `SELECT i.id AS "invitationId", h.id, h.display_name AS name,
       (SELECT m.channel FROM message m WHERE m.municipality_id = $1 AND m.invitation_id = i.id
          AND m.purpose = 'invitation' ORDER BY m.created_at DESC, m.id LIMIT 1) AS channel,
       a.response, a.adults, a.children, a.diet, a.diet_note AS "dietNote", a.comment,
       a.answered_by AS "answeredBy",
       CASE WHEN a.waiting_since IS NULL THEN NULL ELSE (
         SELECT count(*) FROM answer w WHERE w.municipality_id = $1 AND w.event_id = a.event_id
           AND w.waiting_since IS NOT NULL
           AND (w.waiting_since, w.invitation_id) <= (a.waiting_since, a.invitation_id)) END AS place,
       NOT EXISTS (SELECT 1 FROM attendance t WHERE t.municipality_id = $1 AND t.household_id = h.id
         AND t.present AND t.event_id <> $2) AS "firstTime"
     FROM invitation i
     JOIN household h ON h.id = i.household_id AND h.municipality_id = i.municipality_id
     LEFT JOIN answer a ON a.invitation_id = i.id AND a.municipality_id = i.municipality_id
     WHERE i.municipality_id = $1 AND i.event_id = $2
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId, eventId],
  );
}

export interface ReminderSettings {
  reminders: number[];
  startsAt: Date;
  status: 'planned' | 'cancelled';
  capacity: number | null;
  food: boolean;
}

/** The event's reminder schedule; `lock` holds the event until the transaction ends. */
export async function findReminderSettings(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  lock = false,
): Promise<ReminderSettings | undefined> {
  const [row] = await tx.query<ReminderSettings>(
    `SELECT reminders, starts_at AS "startsAt", status, capacity, food FROM event
     WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, eventId],
  );
  return row && { ...row, startsAt: new Date(row.startsAt) };
}

export async function setReminders(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  days: number[],
): Promise<void> {
  await tx.query(
    'UPDATE event SET reminders = $3::int[], updated_at = now() WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId, days],
  );
}

/** The reminders already queued or sent for the event: per purpose, how many households and when first. */
export function remindersSent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<{ purpose: string; households: number; at: Date }[]> {
  return tx.query(
    `SELECT purpose, count(DISTINCT invitation_id)::int AS households, min(created_at) AS at FROM message
     WHERE municipality_id = $1 AND event_id = $2 AND purpose LIKE 'reminder:%'
     GROUP BY purpose ORDER BY min(created_at), purpose`,
    [municipalityId, eventId],
  );
}

export type ReminderGroup = 'silent' | 'coming' | 'maybe';
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

/** The invitation of a household to the event, if it has one. */
export async function invitationOf(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM invitation WHERE municipality_id = $1 AND event_id = $2 AND household_id = $3',
    [municipalityId, eventId, householdId],
  );
  return row?.id;
}

// --- Across municipalities (landsby_system): which events may have reminders due, never who -------------

/**
 * Planned events that have not started by `now`, start within `withinDays`, have a reminder
 * schedule and some message (the invitations have gone out). Only ids, dates and the schedule.
 */
export function eventsWithReminders(
  tx: Queryable,
  now: Date,
  withinDays: number,
): Promise<{ municipalityId: number; eventId: string; reminders: number[]; startsAt: Date }[]> {
  return tx.query(
    `SELECT e.municipality_id AS "municipalityId", e.id AS "eventId", e.reminders, e.starts_at AS "startsAt"
     FROM event e
     WHERE e.status = 'planned' AND cardinality(e.reminders) > 0
       AND e.starts_at > $1 AND e.starts_at <= $1 + make_interval(days => $2)
       AND EXISTS (SELECT 1 FROM message m WHERE m.event_id = e.id)
     ORDER BY e.starts_at`,
    [now, withinDays],
  );
}
