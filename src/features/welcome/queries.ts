import type { Queryable } from '../../db/connection.js';
import type { Channel, HouseholdKind } from '../../domain/household.js';

/** Events that count as "earlier": held (not cancelled) and started before `before`. */
const PAST_EVENTS = `past AS (
  SELECT id, starts_at, date, title FROM event
  WHERE municipality_id = $1 AND status = 'planned' AND starts_at < $2)`;

export interface NeverCameRow {
  id: string;
  name: string;
  kind: HouseholdKind;
  history: {
    eventId: string;
    date: string;
    title: string;
    response: 'coming' | 'not_coming' | 'maybe' | null;
    failed: boolean;
    channel: Channel | null;
  }[];
}

/**
 * Households of the municipality, not archived, with invitations to at least `min` earlier events
 * and never checked in as present anywhere: each with what happened to each invitation, oldest first.
 */
export function neverCame(
  tx: Queryable,
  municipalityId: number,
  before: Date,
  min: number,
): Promise<NeverCameRow[]> {
  return tx.query<NeverCameRow>(
    `WITH ${PAST_EVENTS},
     inv AS (
       SELECT i.household_id, p.id AS event_id, p.starts_at, p.date, p.title, an.response,
         EXISTS (SELECT 1 FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'invitation')
           AND NOT EXISTS (SELECT 1 FROM message m WHERE m.invitation_id = i.id
             AND m.purpose = 'invitation' AND m.status <> 'failed') AS failed,
         (SELECT m.channel FROM message m WHERE m.invitation_id = i.id AND m.purpose = 'invitation'
           ORDER BY m.status = 'failed', m.created_at DESC LIMIT 1) AS channel
       FROM invitation i JOIN past p ON p.id = i.event_id
       LEFT JOIN answer an ON an.invitation_id = i.id AND an.municipality_id = i.municipality_id
       WHERE i.municipality_id = $1 AND i.household_id IS NOT NULL)
     SELECT h.id, h.display_name AS name, h.kind,
       json_agg(json_build_object('eventId', inv.event_id, 'date', inv.date::text, 'title', inv.title,
         'response', inv.response, 'failed', inv.failed, 'channel', inv.channel) ORDER BY inv.starts_at) AS history
     FROM household h JOIN inv ON inv.household_id = h.id
     WHERE h.municipality_id = $1 AND h.archived_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM attendance a
         WHERE a.municipality_id = $1 AND a.household_id = h.id AND a.present)
     GROUP BY h.id
     HAVING count(*) >= $3`,
    [municipalityId, before, min],
  );
}

export interface AdultContact {
  householdId: string;
  language: string;
  mobile: string | null;
}

/** The adults' languages and mobile numbers, first adult first. */
export function adultContacts(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<AdultContact[]> {
  return tx.query<AdultContact>(
    `SELECT household_id AS "householdId", preferred_language AS language, mobile FROM adult
     WHERE municipality_id = $1 AND household_id = ANY($2::uuid[]) ORDER BY household_id, position`,
    [municipalityId, householdIds],
  );
}

export const CALL_OUTCOMES = [
  'reached',
  'no_answer',
  'left_message',
  'wrong_number',
  'not_interested',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface WelcomeCallRow {
  id: string;
  householdId: string;
  eventId: string | null;
  outcome: CallOutcome;
  note: string | null;
  calledAt: string;
  calledBy: string | null;
}

const SELECT_CALL = `SELECT w.id, w.household_id AS "householdId", w.event_id AS "eventId", w.outcome, w.note,
  to_json(w.called_at) #>> '{}' AS "calledAt",
  (SELECT u.first_name || ' ' || u.last_name FROM app_user u WHERE u.id = w.called_by) AS "calledBy"
  FROM welcome_call w`;

/** The last `perHousehold` calls to each household, newest first. */
export function lastCalls(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
  perHousehold: number,
): Promise<WelcomeCallRow[]> {
  return tx.query<WelcomeCallRow>(
    `SELECT * FROM (${SELECT_CALL} WHERE w.municipality_id = $1 AND w.household_id = ANY($2::uuid[])) c
     WHERE c.id IN (SELECT x.id FROM welcome_call x WHERE x.household_id = c."householdId"
       ORDER BY x.called_at DESC, x.id LIMIT $3)
     ORDER BY c."calledAt" DESC, c.id`,
    [municipalityId, householdIds, perHousehold],
  );
}

export async function insertCall(
  tx: Queryable,
  municipalityId: number,
  call: {
    householdId: string;
    eventId: string | null;
    outcome: CallOutcome;
    note: string | null;
    calledBy: string | null;
  },
): Promise<WelcomeCallRow> {
  const [row] = await tx.query<WelcomeCallRow>(
    `WITH w AS (
       INSERT INTO welcome_call (municipality_id, household_id, event_id, outcome, note, called_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
     ${SELECT_CALL.replace('FROM welcome_call w', 'FROM w')}`,
    [municipalityId, call.householdId, call.eventId, call.outcome, call.note, call.calledBy],
  );
  if (!row) throw new Error('welcome_call insert returned nothing');
  return row;
}

export async function householdExists(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM household WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    householdId,
  ]);
  return rows.length > 0;
}

export async function eventExists(tx: Queryable, municipalityId: number, eventId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM event WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    eventId,
  ]);
  return rows.length > 0;
}

// --- The channel that has worked for households like them ---------------------------------------

export interface ChannelRecordRow {
  kind: HouseholdKind;
  channel: Channel;
  /** households of the kind invited by the channel while they had not come yet */
  of: number;
  /** of those, the ones whose first visit followed an invitation by the channel */
  came: number;
}

/**
 * Per kind of household and channel: how many households were reached by an invitation by that
 * channel before or at their first visit, and how many came first after one. The channel of an
 * invitation is that of its latest message that did not fail; failed invitations reached no one.
 */
export function channelRecords(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<ChannelRecordRow[]> {
  return tx.query<ChannelRecordRow>(
    `WITH ${PAST_EVENTS},
     reached AS (
       SELECT DISTINCT ON (i.id) i.household_id, p.starts_at, m.channel
       FROM invitation i JOIN past p ON p.id = i.event_id
       JOIN message m ON m.invitation_id = i.id AND m.purpose = 'invitation' AND m.status <> 'failed'
       WHERE i.municipality_id = $1 AND i.household_id IS NOT NULL
       ORDER BY i.id, m.created_at DESC),
     first_visit AS (
       SELECT a.household_id, min(p.starts_at) AS starts_at
       FROM attendance a JOIN past p ON p.id = a.event_id
       WHERE a.municipality_id = $1 AND a.present
       GROUP BY a.household_id)
     SELECT h.kind, r.channel, count(DISTINCT r.household_id)::int AS of,
       count(DISTINCT r.household_id) FILTER (WHERE r.starts_at = f.starts_at)::int AS came
     FROM reached r
     JOIN household h ON h.id = r.household_id AND h.municipality_id = $1
     LEFT JOIN first_visit f ON f.household_id = r.household_id
     WHERE f.starts_at IS NULL OR r.starts_at <= f.starts_at
     GROUP BY h.kind, r.channel`,
    [municipalityId, before],
  );
}

/** Of the given households: those invited to an earlier event that never came, with their kind. */
export function invitedNeverCame(
  tx: Queryable,
  municipalityId: number,
  before: Date,
  householdIds: string[],
): Promise<{ id: string; kind: HouseholdKind }[]> {
  if (householdIds.length === 0) return Promise.resolve([]);
  return tx.query(
    `WITH ${PAST_EVENTS}
     SELECT h.id, h.kind FROM household h
     WHERE h.municipality_id = $1 AND h.id = ANY($3::uuid[])
       AND EXISTS (SELECT 1 FROM invitation i JOIN past p ON p.id = i.event_id WHERE i.household_id = h.id)
       AND NOT EXISTS (SELECT 1 FROM attendance a
         WHERE a.municipality_id = $1 AND a.household_id = h.id AND a.present)`,
    [municipalityId, before, householdIds],
  );
}
