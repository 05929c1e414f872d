import type { Queryable } from '../../db/connection.js';
import type { Theme } from '../../domain/good-start.js';

// Every statement names municipality_id; row-level security enforces it again underneath.
// Dates are read as text ('YYYY-MM-DD').

/** The audience rule of a session: nobody by rule; its households are the cohort's, added by hand. */
const NOBODY_BY_RULE = JSON.stringify({ maxTravel: 0, care: false, oversight: false, kinds: [] });

export interface CohortRow {
  id: string;
  /** the host municipality, which owns the cohort (a partner's differs from its own) */
  municipalityId: number;
  name: string;
  startsOn: string;
  programmeId: string | null;
  programmeName: string | null;
}

export async function insertCohort(
  tx: Queryable,
  municipalityId: number,
  c: { id: string; name: string; startsOn: string; programmeId: string | null },
  createdBy: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO cohort (id, municipality_id, name, starts_on, programme_id, created_by)
     VALUES ($2, $1, $3, $4::date, $5, $6)`,
    [municipalityId, c.id, c.name, c.startsOn, c.programmeId, createdBy],
  );
}

export async function insertSession(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
  eventId: string,
  theme: Theme,
): Promise<void> {
  await tx.query(
    `INSERT INTO cohort_session (event_id, cohort_id, municipality_id, theme) VALUES ($2, $3, $1, $4)`,
    [municipalityId, eventId, cohortId, theme],
  );
  await tx.query(`UPDATE event SET audience_rule = $3::jsonb WHERE municipality_id = $1 AND id = $2`, [
    municipalityId,
    eventId,
    NOBODY_BY_RULE,
  ]);
}

/** The cohort is the municipality's own, or it is a partner of it (migrations/0031). */
const HOST_OR_PARTNER = `(c.municipality_id = $1 OR EXISTS (SELECT 1 FROM cohort_partner cp
  WHERE cp.cohort_id = c.id AND cp.municipality_id = $1))`;

export async function findCohort(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
): Promise<CohortRow | undefined> {
  const [row] = await tx.query<CohortRow>(
    `SELECT c.id, c.municipality_id AS "municipalityId", c.name, c.starts_on::text AS "startsOn",
       c.programme_id AS "programmeId", p.name AS "programmeName"
     FROM cohort c LEFT JOIN programme p ON p.id = c.programme_id
     WHERE c.id = $2 AND ${HOST_OR_PARTNER}`,
    [municipalityId, cohortId],
  );
  return row;
}

export function listCohorts(tx: Queryable, municipalityId: number) {
  return tx.query<{
    id: string;
    name: string;
    startsOn: string;
    programme: string | null;
    members: number;
    held: number;
  }>(
    `SELECT c.id, c.name, c.starts_on::text AS "startsOn", p.name AS programme,
       (SELECT count(*) FROM cohort_member m WHERE m.cohort_id = c.id AND m.municipality_id = $1)::int AS members,
       (SELECT count(*) FROM cohort_session s JOIN event e ON e.id = s.event_id
         WHERE s.cohort_id = c.id AND s.municipality_id = $1 AND e.status = 'planned' AND e.ends_at < now())::int AS held
     FROM cohort c LEFT JOIN programme p ON p.id = c.programme_id
     WHERE ${HOST_OR_PARTNER} ORDER BY c.starts_on DESC, c.name`,
    [municipalityId],
  );
}

export interface SessionRow {
  eventId: string;
  theme: Theme;
  date: string;
  startTime: string;
  status: string;
  held: boolean;
  present: number;
  venue: string | null;
}

export function listSessions(tx: Queryable, municipalityId: number, cohortId: string): Promise<SessionRow[]> {
  return tx.query<SessionRow>(
    `SELECT s.event_id AS "eventId", s.theme, e.date::text AS date, e.start_time AS "startTime", e.status,
       (e.status = 'planned' AND e.starts_at < now()) AS held,
       (SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND a.present)::int AS present,
       v.name AS venue
     FROM cohort_session s JOIN event e ON e.id = s.event_id AND e.municipality_id = s.municipality_id
       LEFT JOIN venue v ON v.id = e.venue_id AND v.municipality_id = e.municipality_id
     WHERE s.municipality_id = $1 AND s.cohort_id = $2 ORDER BY s.theme`,
    [municipalityId, cohortId],
  );
}

/** The cohort's households, and of each the sessions they were checked in at. */
export function listMembers(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{ householdId: string; name: string; presentAt: string[] }>(
    `SELECT m.household_id AS "householdId", h.display_name AS name,
       COALESCE((SELECT array_agg(a.event_id) FROM attendance a JOIN cohort_session s ON s.event_id = a.event_id
         WHERE s.cohort_id = m.cohort_id AND a.household_id = m.household_id AND a.present), '{}') AS "presentAt"
     FROM cohort_member m JOIN household h ON h.id = m.household_id AND h.municipality_id = m.municipality_id
     WHERE m.municipality_id = $1 AND m.cohort_id = $2 ORDER BY lower(h.display_name), h.id`,
    [municipalityId, cohortId],
  );
}

export function listLeaders(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{ userId: string; name: string; trained: boolean }>(
    `SELECT u.id AS "userId", u.first_name || ' ' || u.last_name AS name, ${TRAINED('u.id')} AS trained
     FROM cohort_leader l JOIN app_user u ON u.id = l.user_id
     WHERE l.municipality_id = $1 AND l.cohort_id = $2 ORDER BY lower(u.first_name), u.id`,
    [municipalityId, cohortId],
  );
}

/** Has the staff user the contact-person training in the course register (migrations/0017)? */
const TRAINED = (user: string) =>
  `EXISTS (SELECT 1 FROM course_completion cc JOIN course co ON co.id = cc.course_id
     WHERE cc.user_id = ${user} AND co.kind = 'contact_person_training')`;

/** The staff who may lead sessions (caseworkers and team leaders), with their training. */
export function listStaff(tx: Queryable, municipalityId: number) {
  return tx.query<{ id: string; name: string; trained: boolean }>(
    `SELECT u.id, u.first_name || ' ' || u.last_name AS name, ${TRAINED('u.id')} AS trained
     FROM app_user u WHERE u.municipality_id = $1 AND u.active
       AND u.roles && ARRAY['caseworker', 'team_leader']::text[]
     ORDER BY lower(u.first_name), lower(u.last_name), u.id`,
    [municipalityId],
  );
}

export function listProgrammes(tx: Queryable, municipalityId: number) {
  return tx.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM programme_municipality pm JOIN programme p ON p.id = pm.programme_id
     WHERE pm.municipality_id = $1 ORDER BY p.name`,
    [municipalityId],
  );
}

export function listHouseholds(tx: Queryable, municipalityId: number) {
  return tx.query<{ id: string; name: string }>(
    `SELECT id, display_name AS name FROM household
     WHERE municipality_id = $1 AND archived_at IS NULL AND kind IN ('foster', 'emergency')
     ORDER BY lower(display_name), id`,
    [municipalityId],
  );
}

/** The ids among `ids` that are active households of the municipality. */
export async function activeHouseholds(
  tx: Queryable,
  municipalityId: number,
  ids: string[],
): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM household WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND archived_at IS NULL',
    [municipalityId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

export async function staffIds(tx: Queryable, municipalityId: number, ids: string[]): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM app_user WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND active
       AND roles && ARRAY['caseworker', 'team_leader']::text[]`,
    [municipalityId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

export async function isProgrammeMember(tx: Queryable, municipalityId: number, programmeId: string) {
  const rows = await tx.query(
    'SELECT 1 FROM programme_municipality WHERE municipality_id = $1 AND programme_id = $2',
    [municipalityId, programmeId],
  );
  return rows.length > 0;
}

/**
 * Adds a household to the cohort and to the audience of its sessions not yet held. False when it
 * was a member already.
 */
export async function addMember(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
  householdId: string,
) {
  const rows = await tx.query(
    `INSERT INTO cohort_member (cohort_id, household_id, municipality_id) VALUES ($2, $3, $1)
     ON CONFLICT DO NOTHING RETURNING household_id`,
    [municipalityId, cohortId, householdId],
  );
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, included)
     SELECT s.event_id, $3, $1, true FROM cohort_session s JOIN event e ON e.id = s.event_id
     WHERE s.municipality_id = $1 AND s.cohort_id = $2 AND e.starts_at > now()
     ON CONFLICT (event_id, household_id) DO UPDATE SET included = true, updated_at = now()`,
    [municipalityId, cohortId, householdId],
  );
  return rows.length > 0;
}

/** Removes a household from the cohort and from the audience of its sessions not yet held. */
export async function removeMember(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `DELETE FROM cohort_member WHERE municipality_id = $1 AND cohort_id = $2 AND household_id = $3
     RETURNING household_id`,
    [municipalityId, cohortId, householdId],
  );
  await tx.query(
    `DELETE FROM event_invitee i USING cohort_session s, event e
     WHERE i.municipality_id = $1 AND s.cohort_id = $2 AND i.household_id = $3
       AND i.event_id = s.event_id AND e.id = s.event_id AND e.starts_at > now()`,
    [municipalityId, cohortId, householdId],
  );
  return rows.length > 0;
}

export async function setLeaders(tx: Queryable, municipalityId: number, cohortId: string, userIds: string[]) {
  await tx.query('DELETE FROM cohort_leader WHERE municipality_id = $1 AND cohort_id = $2', [
    municipalityId,
    cohortId,
  ]);
  await tx.query(
    `INSERT INTO cohort_leader (cohort_id, user_id, municipality_id) SELECT $2, u, $1 FROM unnest($3::uuid[]) u`,
    [municipalityId, cohortId, userIds],
  );
  // The contact persons host every session: their first names sign the invitation.
  await tx.query(
    `DELETE FROM event_host h USING cohort_session s
     WHERE h.municipality_id = $1 AND s.cohort_id = $2 AND h.event_id = s.event_id`,
    [municipalityId, cohortId],
  );
  await tx.query(
    `INSERT INTO event_host (event_id, user_id, municipality_id, position)
     SELECT s.event_id, u.id, $1, u.n FROM cohort_session s, unnest($3::uuid[]) WITH ORDINALITY u(id, n)
     WHERE s.municipality_id = $1 AND s.cohort_id = $2`,
    [municipalityId, cohortId, userIds],
  );
}

/**
 * Households of this cohort that missed a session already held (not checked in), each with the
 * session of the same theme in the next cohort (the earliest later cohort whose session of that
 * theme is still to come), and whether they are in its audience already.
 */
export function listOffers(tx: Queryable, municipalityId: number, cohortId: string) {
  return tx.query<{
    householdId: string;
    name: string;
    theme: Theme;
    eventId: string;
    cohortName: string;
    date: string;
    added: boolean;
  }>(
    `SELECT m.household_id AS "householdId", h.display_name AS name, s.theme, nxt.event_id AS "eventId",
       nxt.cohort_name AS "cohortName", nxt.date, EXISTS (SELECT 1 FROM event_invitee i
         WHERE i.event_id = nxt.event_id AND i.household_id = m.household_id AND i.included) AS added
     FROM cohort_member m
     JOIN household h ON h.id = m.household_id AND h.municipality_id = m.municipality_id
     JOIN cohort_session s ON s.cohort_id = m.cohort_id AND s.municipality_id = m.municipality_id
     JOIN event e ON e.id = s.event_id AND e.status = 'planned' AND e.starts_at < now()
     JOIN cohort c ON c.id = m.cohort_id
     CROSS JOIN LATERAL (
       SELECT s2.event_id, c2.name AS cohort_name, e2.date::text AS date
       FROM cohort_session s2 JOIN cohort c2 ON c2.id = s2.cohort_id
       JOIN event e2 ON e2.id = s2.event_id AND e2.status = 'planned' AND e2.starts_at > now()
       WHERE s2.municipality_id = m.municipality_id AND s2.theme = s.theme AND c2.id <> c.id
         AND c2.starts_on >= c.starts_on
       ORDER BY e2.starts_at LIMIT 1
     ) nxt
     WHERE m.municipality_id = $1 AND m.cohort_id = $2
       AND NOT EXISTS (SELECT 1 FROM attendance a
         WHERE a.event_id = s.event_id AND a.household_id = m.household_id AND a.present)
     ORDER BY s.theme, lower(h.display_name), m.household_id`,
    [municipalityId, cohortId],
  );
}

/** The theme of a session and its cohort; undefined when `eventId` is no session here. */
export async function findSession(tx: Queryable, municipalityId: number, eventId: string) {
  const [row] = await tx.query<{ cohortId: string; theme: Theme; upcoming: boolean }>(
    `SELECT s.cohort_id AS "cohortId", s.theme, (e.starts_at > now() AND e.status = 'planned') AS upcoming
     FROM cohort_session s JOIN event e ON e.id = s.event_id
     WHERE s.municipality_id = $1 AND s.event_id = $2`,
    [municipalityId, eventId],
  );
  return row;
}

export async function isMember(tx: Queryable, municipalityId: number, cohortId: string, householdId: string) {
  const rows = await tx.query(
    'SELECT 1 FROM cohort_member WHERE municipality_id = $1 AND cohort_id = $2 AND household_id = $3',
    [municipalityId, cohortId, householdId],
  );
  return rows.length > 0;
}

export async function includeInvitee(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
) {
  await tx.query(
    `INSERT INTO event_invitee (event_id, household_id, municipality_id, included) VALUES ($2, $3, $1, true)
     ON CONFLICT (event_id, household_id) DO UPDATE SET included = true, updated_at = now()`,
    [municipalityId, eventId, householdId],
  );
}

// --- The demo municipality's cohorts (features/demo) ---

export async function anyCohort(tx: Queryable, municipalityId: number): Promise<boolean> {
  return (
    (await tx.query('SELECT 1 FROM cohort WHERE municipality_id = $1 LIMIT 1', [municipalityId])).length > 0
  );
}

/** Foster homes of the demo by name, from `offset` (the first few are the demo network's). */
export function demoFosterHomes(tx: Queryable, municipalityId: number, offset: number, count: number) {
  return tx.query<{ id: string }>(
    `SELECT id FROM household WHERE municipality_id = $1 AND kind = 'foster' AND archived_at IS NULL
     ORDER BY lower(display_name), id OFFSET $2 LIMIT $3`,
    [municipalityId, offset, count],
  );
}

export function usersByEmail(tx: Queryable, municipalityId: number, emails: string[]) {
  return tx.query<{ id: string }>(
    'SELECT id FROM app_user WHERE municipality_id = $1 AND email = ANY($2::text[])',
    [municipalityId, emails],
  );
}

/** The first programme the municipality is a member of, if any. */
export async function firstProgramme(tx: Queryable, municipalityId: number): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT p.id FROM programme_municipality pm JOIN programme p ON p.id = pm.programme_id
     WHERE pm.municipality_id = $1 ORDER BY p.created_at, p.id LIMIT 1`,
    [municipalityId],
  );
  return row?.id ?? null;
}

/** A household checked in at a session, as the check-in's tap leaves it. */
export async function insertPresent(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  householdId: string,
) {
  await tx.query(
    `INSERT INTO attendance (event_id, household_id, municipality_id, present, last_tap, tapped_at)
     SELECT $2, $3, $1, true, gen_random_uuid(), e.starts_at FROM event e WHERE e.municipality_id = $1 AND e.id = $2
     ON CONFLICT DO NOTHING`,
    [municipalityId, eventId, householdId],
  );
}
