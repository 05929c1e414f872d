import type { Queryable } from '../../db/connection.js';
import type { FollowUpKind } from '../../domain/family-home.js';

// Every statement names municipality_id; row-level security enforces it again underneath, and for
// a family counsellor (migrations/0024) also keeps out the homes they do not follow.

/** Whose homes a list shows: every family home of the municipality, or one counsellor's. */
export type Scope = { kind: 'team' } | { kind: 'counsellor'; userId: string };

const ofScope = (scope: Scope, param: string) =>
  scope.kind === 'team'
    ? ''
    : `AND EXISTS (SELECT 1 FROM family_home_counsellor fc WHERE fc.household_id = h.id AND fc.user_id = ${param})`;

export interface HomeSummaryRow {
  id: string;
  name: string;
  place: string | null;
  counsellorId: string | null;
  counsellorName: string | null;
  youthCount: number;
  lastFollowUpOn: string | null;
  nextMeetingOn: string | null;
}

/** The municipality's family homes (not archived), by name, with what the list card shows. */
export function listHomes(
  tx: Queryable,
  municipalityId: number,
  scope: Scope,
  today: string,
): Promise<HomeSummaryRow[]> {
  return tx.query<HomeSummaryRow>(
    `SELECT h.id, h.display_name AS name, h.place,
       u.id AS "counsellorId", u.first_name || ' ' || u.last_name AS "counsellorName",
       (SELECT count(*)::int FROM family_home_youth y WHERE y.household_id = h.id) AS "youthCount",
       (SELECT to_char(max(f.date), 'YYYY-MM-DD') FROM family_home_follow_up f WHERE f.household_id = h.id)
         AS "lastFollowUpOn",
       (SELECT to_char(min(m.date), 'YYYY-MM-DD') FROM family_home_meeting m
         WHERE m.household_id = h.id AND m.date >= $2::date) AS "nextMeetingOn"
     FROM household h
     LEFT JOIN family_home_counsellor c ON c.household_id = h.id
     LEFT JOIN app_user u ON u.id = c.user_id
     WHERE h.municipality_id = $1 AND h.kind = 'family_home' AND h.archived_at IS NULL
       ${ofScope(scope, '$3')}
     ORDER BY h.display_name, h.id`,
    scope.kind === 'team' ? [municipalityId, today] : [municipalityId, today, scope.userId],
  );
}

export interface HomeRow {
  id: string;
  name: string;
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  counsellorId: string | null;
  counsellorName: string | null;
  overrideReason: string | null;
}

/** One family home of the municipality in scope, or undefined (another's, another kind, archived). */
export async function findHome(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  scope: Scope,
): Promise<HomeRow | undefined> {
  const [row] = await tx.query<HomeRow>(
    `SELECT h.id, h.display_name AS name, h.address_line AS "addressLine", h.postcode::text AS postcode, h.place,
       u.id AS "counsellorId", u.first_name || ' ' || u.last_name AS "counsellorName",
       c.override_reason AS "overrideReason"
     FROM household h
     LEFT JOIN family_home_counsellor c ON c.household_id = h.id
     LEFT JOIN app_user u ON u.id = c.user_id
     WHERE h.municipality_id = $1 AND h.id = $2 AND h.kind = 'family_home' AND h.archived_at IS NULL
       ${ofScope(scope, '$3')}`,
    scope.kind === 'team' ? [municipalityId, householdId] : [municipalityId, householdId, scope.userId],
  );
  return row;
}

export interface ParentRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  mobile: string | null;
}

export function parentsOf(tx: Queryable, municipalityId: number, householdId: string): Promise<ParentRow[]> {
  return tx.query<ParentRow>(
    `SELECT a.id, a.first_name AS "firstName", a.last_name AS "lastName", a.email, a.mobile
     FROM adult a WHERE a.municipality_id = $1 AND a.household_id = $2 ORDER BY a.position`,
    [municipalityId, householdId],
  );
}

export interface YouthRow {
  id: string;
  firstName: string;
  birthDate: string;
  arrivalDate: string;
  languages: string[];
}

const SELECT_YOUTH = `SELECT y.id, y.first_name AS "firstName", to_char(y.birth_date, 'YYYY-MM-DD') AS "birthDate",
  to_char(y.arrival_date, 'YYYY-MM-DD') AS "arrivalDate", y.languages
  FROM family_home_youth y`;

export function youthsOf(tx: Queryable, municipalityId: number, householdId: string): Promise<YouthRow[]> {
  return tx.query<YouthRow>(
    `${SELECT_YOUTH} WHERE y.municipality_id = $1 AND y.household_id = $2 ORDER BY y.birth_date, y.first_name`,
    [municipalityId, householdId],
  );
}

export async function findYouth(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  youthId: string,
): Promise<YouthRow | undefined> {
  const [row] = await tx.query<YouthRow>(
    `${SELECT_YOUTH} WHERE y.municipality_id = $1 AND y.household_id = $2 AND y.id = $3`,
    [municipalityId, householdId, youthId],
  );
  return row;
}

export interface YouthFields {
  firstName: string;
  birthDate: string;
  arrivalDate: string;
  languages: string[];
}

export async function insertYouth(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  youth: YouthFields & { id: string; createdBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO family_home_youth (id, municipality_id, household_id, first_name, birth_date, arrival_date,
       languages, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      youth.id,
      municipalityId,
      householdId,
      youth.firstName,
      youth.birthDate,
      youth.arrivalDate,
      youth.languages,
      youth.createdBy,
    ],
  );
}

export async function updateYouth(
  tx: Queryable,
  municipalityId: number,
  youthId: string,
  youth: YouthFields,
): Promise<void> {
  await tx.query(
    `UPDATE family_home_youth SET first_name = $3, birth_date = $4, arrival_date = $5, languages = $6
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, youthId, youth.firstName, youth.birthDate, youth.arrivalDate, youth.languages],
  );
}

export async function deleteYouth(tx: Queryable, municipalityId: number, youthId: string): Promise<void> {
  await tx.query('DELETE FROM family_home_youth WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    youthId,
  ]);
}

/** The active family counsellors of the municipality with how many homes each follows now. */
export function counsellors(
  tx: Queryable,
  municipalityId: number,
): Promise<{ id: string; name: string; homeCount: number }[]> {
  return tx.query(
    `SELECT u.id, u.first_name || ' ' || u.last_name AS name,
       (SELECT count(*)::int FROM family_home_counsellor c
        JOIN household h ON h.id = c.household_id AND h.archived_at IS NULL
        WHERE c.user_id = u.id) AS "homeCount"
     FROM app_user u
     WHERE u.municipality_id = $1 AND u.active AND 'family_counsellor' = ANY (u.roles)
     ORDER BY u.first_name, u.last_name, u.id`,
    [municipalityId],
  );
}

/** The homes (not archived) the user follows, other than `exceptHouseholdId`. */
export async function homesFollowedBy(
  tx: Queryable,
  municipalityId: number,
  userId: string,
  exceptHouseholdId: string,
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM family_home_counsellor c
     JOIN household h ON h.id = c.household_id AND h.archived_at IS NULL
     WHERE c.municipality_id = $1 AND c.user_id = $2 AND c.household_id <> $3`,
    [municipalityId, userId, exceptHouseholdId],
  );
  return row?.n ?? 0;
}

/** Makes `userId` the home's family counsellor, replacing the one before. */
export async function setCounsellor(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  assignment: { userId: string; overrideReason: string | null; assignedBy: string | null },
): Promise<void> {
  // Stop others from taking the counsellor's last free home at the same moment: one at a time.
  await tx.query('SELECT id FROM app_user WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [
    municipalityId,
    assignment.userId,
  ]);
  await tx.query(
    `INSERT INTO family_home_counsellor (household_id, municipality_id, user_id, override_reason, assigned_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (household_id) DO UPDATE SET user_id = EXCLUDED.user_id,
       override_reason = EXCLUDED.override_reason, assigned_by = EXCLUDED.assigned_by, assigned_at = now()`,
    [householdId, municipalityId, assignment.userId, assignment.overrideReason, assignment.assignedBy],
  );
}

export async function removeCounsellor(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<void> {
  await tx.query('DELETE FROM family_home_counsellor WHERE municipality_id = $1 AND household_id = $2', [
    municipalityId,
    householdId,
  ]);
}

export interface FollowUpRow {
  id: string;
  date: string;
  kind: FollowUpKind;
  note: string | null;
  by: string | null;
}

export function followUpsOf(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<FollowUpRow[]> {
  return tx.query<FollowUpRow>(
    `SELECT f.id, to_char(f.date, 'YYYY-MM-DD') AS date, f.kind, f.note,
       u.first_name || ' ' || u.last_name AS by
     FROM family_home_follow_up f LEFT JOIN app_user u ON u.id = f.created_by
     WHERE f.municipality_id = $1 AND f.household_id = $2
     ORDER BY f.date DESC, f.created_at DESC`,
    [municipalityId, householdId],
  );
}

export async function insertFollowUp(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  followUp: { id: string; date: string; kind: FollowUpKind; note: string | null; createdBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO family_home_follow_up (id, municipality_id, household_id, date, kind, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      followUp.id,
      municipalityId,
      householdId,
      followUp.date,
      followUp.kind,
      followUp.note,
      followUp.createdBy,
    ],
  );
}

// --- The demo municipality's family homes (service/seed-demo.ts) -----------------------------------

export async function anyYouth(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM family_home_youth WHERE municipality_id = $1 LIMIT 1', [
    municipalityId,
  ]);
  return rows.length > 0;
}

/** The first `count` active family homes by name (the housing demo picks the same ones). */
export function firstHomes(tx: Queryable, municipalityId: number, count: number): Promise<{ id: string }[]> {
  return tx.query(
    `SELECT id FROM household WHERE municipality_id = $1 AND kind = 'family_home' AND archived_at IS NULL
     ORDER BY lower(display_name), id LIMIT $2`,
    [municipalityId, count],
  );
}

/** The registry's children placed in the home now, with the day they came. */
export function placedChildren(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<{ firstName: string; birthDate: string; arrivalDate: string }[]> {
  return tx.query(
    `SELECT c.first_name AS "firstName", to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate",
       to_char(min(p.start_date), 'YYYY-MM-DD') AS "arrivalDate"
     FROM child c JOIN placement p ON p.child_id = c.id AND p.end_date IS NULL
     WHERE c.municipality_id = $1 AND c.household_id = $2
     GROUP BY c.id, c.first_name, c.birth_date ORDER BY c.birth_date`,
    [municipalityId, householdId],
  );
}

export function usersByEmail(
  tx: Queryable,
  municipalityId: number,
  emails: string[],
): Promise<{ id: string; email: string }[]> {
  return tx.query('SELECT id, email FROM app_user WHERE municipality_id = $1 AND email = ANY($2::text[])', [
    municipalityId,
    emails,
  ]);
}
