import type { Queryable } from '../../db/connection.js';
import { BUILTIN_COURSE_KINDS, type CourseKind, type PamphletType } from '../../domain/course.js';

// Every statement names municipality_id; row-level security enforces it again underneath. Dates
// are selected as text (YYYY-MM-DD) and hours as float8 so PGlite and PostgreSQL give the same.

// --- Courses -------------------------------------------------------------------------------------

export interface CourseRow {
  id: string;
  kind: CourseKind;
  name: string | null;
  provider: string | null;
  archived: boolean;
}

const SELECT_COURSE = 'SELECT c.id, c.kind, c.name, c.provider, c.archived FROM course c';

/** The built-in courses exist in every municipality: made on first use, once (the unique index). */
export async function ensureBuiltinCourses(tx: Queryable, municipalityId: number): Promise<void> {
  await tx.query(
    `INSERT INTO course (municipality_id, kind)
     SELECT $1, k FROM unnest($2::text[]) AS k
     WHERE NOT EXISTS (SELECT 1 FROM course c WHERE c.municipality_id = $1 AND c.kind = k)
     ON CONFLICT DO NOTHING`,
    [municipalityId, [...BUILTIN_COURSE_KINDS]],
  );
}

export function listCourses(tx: Queryable, municipalityId: number, archived: boolean): Promise<CourseRow[]> {
  return tx.query<CourseRow>(
    // The built-in courses first, in the catalogue's order, then the municipality's own by name.
    `${SELECT_COURSE} WHERE c.municipality_id = $1 AND ($2 OR NOT c.archived)
     ORDER BY array_position($3::text[], c.kind), lower(c.name), c.created_at`,
    [municipalityId, archived, [...BUILTIN_COURSE_KINDS, 'other']],
  );
}

export async function findCourse(
  tx: Queryable,
  municipalityId: number,
  courseId: string,
): Promise<CourseRow | undefined> {
  const [row] = await tx.query<CourseRow>(`${SELECT_COURSE} WHERE c.municipality_id = $1 AND c.id = $2`, [
    municipalityId,
    courseId,
  ]);
  return row;
}

export async function findCourseByKind(
  tx: Queryable,
  municipalityId: number,
  kind: CourseKind,
): Promise<CourseRow | undefined> {
  const [row] = await tx.query<CourseRow>(
    `${SELECT_COURSE} WHERE c.municipality_id = $1 AND c.kind = $2 AND c.kind <> 'other'`,
    [municipalityId, kind],
  );
  return row;
}

export async function insertCourse(
  tx: Queryable,
  municipalityId: number,
  course: { name: string; provider: string | null; createdBy: string | null },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO course (municipality_id, kind, name, provider, created_by)
     VALUES ($1, 'other', $2, $3, $4) RETURNING id`,
    [municipalityId, course.name, course.provider, course.createdBy],
  );
  return (row as { id: string }).id;
}

/** Archives (or brings back) a course the municipality added; false for a built-in one. */
export async function setCourseArchived(
  tx: Queryable,
  municipalityId: number,
  courseId: string,
  archived: boolean,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE course SET archived = $3 WHERE municipality_id = $1 AND id = $2 AND kind = 'other' RETURNING id`,
    [municipalityId, courseId, archived],
  );
  return rows.length > 0;
}

// --- Completions ---------------------------------------------------------------------------------

export interface CompletionRow {
  id: string;
  courseId: string;
  kind: CourseKind;
  adultId: string | null;
  householdId: string | null;
  householdName: string | null;
  userId: string | null;
  firstName: string;
  lastName: string;
  completedOn: string;
  hours: number | null;
  givenBy: string | null;
  part: number | null;
  pamphletType: PamphletType | null;
  pamphletBytes: number | null;
}

// An adult's name from the registry, a staff user's from the accounts.
const SELECT_COMPLETION = `SELECT cc.id, cc.course_id AS "courseId", c.kind, cc.adult_id AS "adultId",
  a.household_id AS "householdId", h.display_name AS "householdName", cc.user_id AS "userId",
  coalesce(a.first_name, u.first_name) AS "firstName", coalesce(a.last_name, u.last_name) AS "lastName",
  cc.completed_on::text AS "completedOn", cc.hours::float8 AS hours, cc.given_by AS "givenBy", cc.part,
  cc.pamphlet_type AS "pamphletType",
  octet_length(cc.pamphlet) AS "pamphletBytes"
  FROM course_completion cc
  JOIN course c ON c.id = cc.course_id
  LEFT JOIN adult a ON a.id = cc.adult_id AND a.municipality_id = cc.municipality_id
  LEFT JOIN household h ON h.id = a.household_id AND h.municipality_id = cc.municipality_id
  LEFT JOIN app_user u ON u.id = cc.user_id AND u.municipality_id = cc.municipality_id`;
const COMPLETION_ORDER = 'ORDER BY cc.completed_on DESC, cc.part NULLS FIRST, cc.created_at DESC';

/** Every completion of the municipality's courses (the course list page). */
export function listCompletions(
  tx: Queryable,
  municipalityId: number,
  courseIds: string[],
): Promise<CompletionRow[]> {
  return tx.query<CompletionRow>(
    `${SELECT_COMPLETION} WHERE cc.municipality_id = $1 AND cc.course_id = ANY($2::uuid[]) ${COMPLETION_ORDER}`,
    [municipalityId, courseIds],
  );
}

/** The completions of the given adults. */
export function completionsOfAdults(
  tx: Queryable,
  municipalityId: number,
  adultIds: string[],
): Promise<CompletionRow[]> {
  return tx.query<CompletionRow>(
    `${SELECT_COMPLETION} WHERE cc.municipality_id = $1 AND cc.adult_id = ANY($2::uuid[]) ${COMPLETION_ORDER}`,
    [municipalityId, adultIds],
  );
}

/** The completions of the given staff users (contact-person training). */
export function completionsOfUsers(
  tx: Queryable,
  municipalityId: number,
  userIds: string[],
): Promise<CompletionRow[]> {
  return tx.query<CompletionRow>(
    `${SELECT_COMPLETION} WHERE cc.municipality_id = $1 AND cc.user_id = ANY($2::uuid[]) ${COMPLETION_ORDER}`,
    [municipalityId, userIds],
  );
}

export async function findCompletion(
  tx: Queryable,
  municipalityId: number,
  completionId: string,
): Promise<CompletionRow | undefined> {
  const [row] = await tx.query<CompletionRow>(
    `${SELECT_COMPLETION} WHERE cc.municipality_id = $1 AND cc.id = $2`,
    [municipalityId, completionId],
  );
  return row;
}

export async function insertCompletion(
  tx: Queryable,
  municipalityId: number,
  c: {
    courseId: string;
    adultId: string | null;
    userId: string | null;
    completedOn: string;
    hours: number | null;
    givenBy: string | null;
    part: number | null;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO course_completion (municipality_id, course_id, adult_id, user_id, completed_on, hours, given_by,
       part, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [municipalityId, c.courseId, c.adultId, c.userId, c.completedOn, c.hours, c.givenBy, c.part, c.createdBy],
  );
  return (row as { id: string }).id;
}

export async function deleteCompletion(
  tx: Queryable,
  municipalityId: number,
  completionId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM course_completion WHERE municipality_id = $1 AND id = $2 RETURNING id',
    [municipalityId, completionId],
  );
  return rows.length > 0;
}

export async function setPamphlet(
  tx: Queryable,
  municipalityId: number,
  completionId: string,
  pamphlet: { bytes: Uint8Array; type: PamphletType },
): Promise<void> {
  await tx.query(
    `UPDATE course_completion SET pamphlet = $3, pamphlet_type = $4 WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, completionId, pamphlet.bytes, pamphlet.type],
  );
}

export async function findPamphlet(
  tx: Queryable,
  municipalityId: number,
  completionId: string,
): Promise<{ bytes: Uint8Array; type: PamphletType } | undefined> {
  const [row] = await tx.query<{ bytes: Uint8Array; type: PamphletType }>(
    `SELECT pamphlet AS bytes, pamphlet_type AS type FROM course_completion
     WHERE municipality_id = $1 AND id = $2 AND pamphlet IS NOT NULL`,
    [municipalityId, completionId],
  );
  return row;
}

// --- People and the Solid gate -------------------------------------------------------------------

export interface AdultRow {
  id: string;
  householdId: string;
  firstName: string;
  lastName: string;
}

export function adultsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<AdultRow[]> {
  return tx.query<AdultRow>(
    `SELECT id, household_id AS "householdId", first_name AS "firstName", last_name AS "lastName" FROM adult
     WHERE municipality_id = $1 AND household_id = $2 ORDER BY position`,
    [municipalityId, householdId],
  );
}

export async function findAdult(
  tx: Queryable,
  municipalityId: number,
  adultId: string,
): Promise<AdultRow | undefined> {
  const [row] = await tx.query<AdultRow>(
    `SELECT id, household_id AS "householdId", first_name AS "firstName", last_name AS "lastName" FROM adult
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, adultId],
  );
  return row;
}

export async function householdExists(tx: Queryable, municipalityId: number, householdId: string) {
  const rows = await tx.query('SELECT 1 FROM household WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    householdId,
  ]);
  return rows.length > 0;
}

export async function staffUserExists(tx: Queryable, municipalityId: number, userId: string) {
  const rows = await tx.query('SELECT 1 FROM app_user WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    userId,
  ]);
  return rows.length > 0;
}

/** Whether an adult now in the household has completed a built-in course of `kind`. */
export async function householdHasCompleted(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  kind: CourseKind,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM course_completion cc
       JOIN course c ON c.id = cc.course_id AND c.municipality_id = cc.municipality_id
       JOIN adult a ON a.id = cc.adult_id AND a.municipality_id = cc.municipality_id
     WHERE cc.municipality_id = $1 AND a.household_id = $2 AND c.kind = $3 LIMIT 1`,
    [municipalityId, householdId, kind],
  );
  return rows.length > 0;
}

export interface OverrideRow {
  reason: string;
  decidedAt: Date;
}

export async function findSolidOverride(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<OverrideRow | undefined> {
  const [row] = await tx.query<OverrideRow>(
    `SELECT reason, created_at AS "decidedAt" FROM course_override
     WHERE municipality_id = $1 AND household_id = $2 AND kind = 'solid'`,
    [municipalityId, householdId],
  );
  return row;
}

/** Records (or replaces the reason of) the team leader's Solid override for the household. */
export async function upsertSolidOverride(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  reason: string,
  decidedBy: string | null,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO course_override (municipality_id, household_id, kind, reason, decided_by)
     VALUES ($1, $2, 'solid', $3, $4)
     ON CONFLICT (household_id, kind) DO UPDATE SET reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by,
       created_at = now()
     RETURNING id`,
    [municipalityId, householdId, reason, decidedBy],
  );
  return (row as { id: string }).id;
}

// --- Demo ----------------------------------------------------------------------------------------

export async function anyCompletion(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM course_completion WHERE municipality_id = $1 LIMIT 1', [
    municipalityId,
  ]);
  return rows.length > 0;
}

/** The adults of the municipality's active households of `kind`, in the order the demo network picks them. */
export function adultsOfKind(
  tx: Queryable,
  municipalityId: number,
  kind: string,
  limit: number,
): Promise<AdultRow[]> {
  return tx.query<AdultRow>(
    `SELECT a.id, a.household_id AS "householdId", a.first_name AS "firstName", a.last_name AS "lastName"
     FROM adult a JOIN household h ON h.id = a.household_id
     WHERE a.municipality_id = $1 AND h.kind = $2 AND h.archived_at IS NULL
     ORDER BY lower(h.display_name), h.id, a.position LIMIT $3`,
    [municipalityId, kind, limit],
  );
}
