import type { Queryable } from '../../db/connection.js';
import type { Channel, HouseholdKind } from '../../domain/household.js';
import type { CallOutcome } from '../../domain/welcome.js';

/**
 * Events that count as "earlier": held (not cancelled) and started before `before`. A `WITH`
 * entry named `past` for a statement whose $1 is the municipality and $2 `before`; the channel
 * statistics (sending/) count earlier events by it too, through welcome/index.ts.
 */
export const PAST_EVENTS = `past AS (
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

/** When the event starts: what "earlier" is measured from. */
export async function eventStart(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
): Promise<Date | string | undefined> {
  const [row] = await tx.query<{ startsAt: Date | string }>(
    'SELECT starts_at AS "startsAt" FROM event WHERE municipality_id = $1 AND id = $2',
    [municipalityId, eventId],
  );
  return row?.startsAt;
}
