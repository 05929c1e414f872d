import type { Queryable } from '../../db/connection.js';
import type { StabilityCounts } from '../../domain/stability.js';
import type { NewPerson, Person } from './contract.js';

// The programme's SQL. What crosses municipalities goes through the SECURITY DEFINER functions of
// migrations 0021, 0025 and 0026 (programme_access, programme_plan, programme_stability_counts,
// programme_cohort_attendance), which return the plan and counts only; the rest is the caller's
// own municipality's rows (RLS).

export type Access = 'coordinator' | 'member';

export async function programmeAccess(tx: Queryable, programmeId: string): Promise<Access | null> {
  const [row] = await tx.query<{ access: Access | null }>('SELECT programme_access($1) AS access', [
    programmeId,
  ]);
  return row?.access ?? null;
}

export function programmesOfCaller(tx: Queryable) {
  return tx.query<{ id: string; name: string; access: Access }>(
    'SELECT id, name, access FROM programmes_of_caller()',
  );
}

export async function programmeName(tx: Queryable, programmeId: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM programme WHERE id = $1', [programmeId]);
  return row?.name ?? '';
}

export function programmePlan(tx: Queryable, programmeId: string) {
  return tx.query<{ municipalityId: number; name: string; phase: number; joinedOn: string; done: string[] }>(
    `SELECT municipality_id AS "municipalityId", municipality_name AS name, phase,
       joined_on::text AS "joinedOn", done
     FROM programme_plan($1)`,
    [programmeId],
  );
}

export function programmePeople(tx: Queryable, programmeId: string): Promise<Person[]> {
  return tx.query<Person>(
    `SELECT id, name, organisation, role, email, groups,
       represents_municipality AS "representsMunicipality"
     FROM programme_person WHERE programme_id = $1 ORDER BY name, id`,
    [programmeId],
  );
}

export async function insertPerson(tx: Queryable, programmeId: string, person: NewPerson): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO programme_person (programme_id, name, organisation, role, email, groups, represents_municipality)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      programmeId,
      person.name.trim(),
      person.organisation.trim(),
      person.role.trim(),
      person.email?.trim() || null,
      person.groups,
      person.representsMunicipality ?? null,
    ],
  );
  return (row as { id: string }).id;
}

export async function deletePerson(tx: Queryable, programmeId: string, personId: string): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM programme_person WHERE programme_id = $1 AND id::text = $2 RETURNING id',
    [programmeId, personId],
  );
  return rows.length > 0;
}

/** The caller's own municipality's phase (RLS: only its own row can change). */
export async function updatePhase(tx: Queryable, programmeId: string, municipalityId: number, phase: number) {
  const rows = await tx.query(
    `UPDATE programme_municipality SET phase = $3
     WHERE programme_id = $1 AND municipality_id = $2 RETURNING phase`,
    [programmeId, municipalityId, phase],
  );
  return rows.length > 0;
}

export async function setCheck(
  tx: Queryable,
  programmeId: string,
  municipalityId: number,
  item: string,
  done: boolean,
  userId: string | null,
): Promise<void> {
  if (done) {
    await tx.query(
      `INSERT INTO programme_check (programme_id, municipality_id, item, done_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (programme_id, municipality_id, item) DO NOTHING`,
      [programmeId, municipalityId, item, userId],
    );
  } else {
    await tx.query(
      'DELETE FROM programme_check WHERE programme_id = $1 AND municipality_id = $2 AND item = $3',
      [programmeId, municipalityId, item],
    );
  }
}

export function stabilityCounts(
  tx: Queryable,
  programmeId: string,
  firstYear: number,
  lastYear: number,
): Promise<StabilityCounts[]> {
  return tx.query<StabilityCounts>(
    `SELECT municipality_id AS "municipalityId", year, good_start AS "goodStart", network, cafe,
       placement_years AS "placementYears", unplanned
     FROM programme_stability_counts($1, $2, $3)`,
    [programmeId, firstYear, lastYear],
  );
}

export interface CohortAttendanceRow {
  cohortId: string;
  cohortName: string;
  startsOn: string;
  municipalityId: number;
  municipalityName: string;
  members: number;
  theme: number | null;
  sessionDate: string | null;
  invited: number;
  attended: number;
}

/** Per session of each of the programme's cohorts: households invited and present (0026). */
export function cohortAttendance(tx: Queryable, programmeId: string): Promise<CohortAttendanceRow[]> {
  return tx.query<CohortAttendanceRow>(
    `SELECT cohort_id AS "cohortId", cohort_name AS "cohortName", starts_on::text AS "startsOn",
       municipality_id AS "municipalityId", municipality_name AS "municipalityName", members, theme,
       session_date::text AS "sessionDate", invited, attended
     FROM programme_cohort_attendance($1)`,
    [programmeId],
  );
}

// Setting up a programme, as landsby_system.

export async function insertProgramme(tx: Queryable, name: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>('INSERT INTO programme (name) VALUES ($1) RETURNING id', [
    name,
  ]);
  return (row as { id: string }).id;
}

export async function insertMember(
  tx: Queryable,
  programmeId: string,
  member: { municipalityId: number; phase: number; done: readonly string[] },
): Promise<void> {
  await tx.query(
    'INSERT INTO programme_municipality (programme_id, municipality_id, phase) VALUES ($1, $2, $3)',
    [programmeId, member.municipalityId, member.phase],
  );
  for (const item of member.done) {
    await tx.query('INSERT INTO programme_check (programme_id, municipality_id, item) VALUES ($1, $2, $3)', [
      programmeId,
      member.municipalityId,
      item,
    ]);
  }
}

export async function insertCoordinator(tx: Queryable, programmeId: string, userId: string): Promise<void> {
  await tx.query('INSERT INTO programme_coordinator (programme_id, user_id) VALUES ($1, $2)', [
    programmeId,
    userId,
  ]);
}
