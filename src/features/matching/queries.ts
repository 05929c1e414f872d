import type { Queryable } from '../../db/connection.js';
import type { CafeMeeting, CandidateStatus, MatchChild } from '../../domain/matching.js';

// The registry as matching reads it: children of the foster, emergency and family homes, the homes'
// postcodes and travel minutes, café evenings shared, Solid completions; and the candidate list.

const FOSTER_KINDS = ['foster', 'emergency', 'family_home'];

export interface ChildRow extends MatchChild {
  householdName: string;
  inNetwork: boolean;
}

/** Every child of the municipality's (not archived) foster, emergency and family homes. */
export function childrenToPick(tx: Queryable, municipalityId: number): Promise<ChildRow[]> {
  return tx.query<ChildRow>(
    `SELECT c.id, c.household_id AS "householdId", c.first_name AS "firstName",
            c.birth_date::text AS "birthDate", c.sibling_group::text AS "siblingGroup",
            h.display_name AS "householdName",
            EXISTS (SELECT 1 FROM network_member m
                    WHERE m.household_id = h.id AND m.left_on IS NULL) AS "inNetwork"
     FROM child c JOIN household h ON h.id = c.household_id
     WHERE c.municipality_id = $1 AND h.archived_at IS NULL AND h.kind = ANY($2)
     ORDER BY h.display_name, h.id, c.birth_date, c.id`,
    [municipalityId, FOSTER_KINDS],
  );
}

export interface HomeRow {
  id: string;
  name: string;
  kind: string;
  postcode: string | null;
  travelMinutes: number | null;
  inNetwork: boolean;
}

/** The homes matching may propose: foster, emergency and family homes and resource families. */
export function homes(tx: Queryable, municipalityId: number): Promise<HomeRow[]> {
  return tx.query<HomeRow>(
    `SELECT h.id, h.display_name AS name, h.kind, h.postcode::text AS postcode,
            h.travel_minutes AS "travelMinutes",
            EXISTS (SELECT 1 FROM network_member m
                    WHERE m.household_id = h.id AND m.left_on IS NULL) AS "inNetwork"
     FROM household h
     WHERE h.municipality_id = $1 AND h.archived_at IS NULL
     ORDER BY h.display_name, h.id`,
    [municipalityId],
  );
}

/** The children of the given homes. */
export function childrenOf(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<MatchChild[]> {
  return tx.query<MatchChild>(
    `SELECT id, household_id AS "householdId", first_name AS "firstName", birth_date::text AS "birthDate",
            sibling_group::text AS "siblingGroup"
     FROM child WHERE municipality_id = $1 AND household_id = ANY($2::uuid[])
     ORDER BY birth_date, id`,
    [municipalityId, householdIds],
  );
}

/** Café evenings (kind café, present at check-in) each picked home shared with another home. */
export function cafeMeetings(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<CafeMeeting[]> {
  return tx.query<CafeMeeting>(
    `SELECT a1.household_id AS a, a2.household_id AS b, count(*)::int AS evenings
     FROM attendance a1
     JOIN attendance a2 ON a2.event_id = a1.event_id AND a2.household_id <> a1.household_id AND a2.present
     JOIN event e ON e.id = a1.event_id AND e.kind = 'cafe'
     WHERE a1.municipality_id = $1 AND a1.present AND a1.household_id = ANY($2::uuid[])
     GROUP BY a1.household_id, a2.household_id`,
    [municipalityId, householdIds],
  );
}

export interface SolidRow {
  householdId: string;
  adultName: string;
  completedOn: string | null;
}

/** Each adult of the homes with the date of their (latest) Solid completion, if any. */
export function solidOf(tx: Queryable, municipalityId: number, householdIds: string[]): Promise<SolidRow[]> {
  return tx.query<SolidRow>(
    `SELECT a.household_id AS "householdId", a.first_name || ' ' || a.last_name AS "adultName",
            (SELECT max(cc.completed_on)::text FROM course_completion cc
             JOIN course co ON co.id = cc.course_id AND co.kind = 'solid'
             WHERE cc.adult_id = a.id AND cc.municipality_id = $1) AS "completedOn"
     FROM adult a WHERE a.municipality_id = $1 AND a.household_id = ANY($2::uuid[])
     ORDER BY a.household_id, a.position`,
    [municipalityId, householdIds],
  );
}

/** The homes among `householdIds` a team leader has let be a resource family without Solid. */
export function solidOverrides(
  tx: Queryable,
  municipalityId: number,
  householdIds: string[],
): Promise<{ householdId: string }[]> {
  return tx.query<{ householdId: string }>(
    `SELECT household_id AS "householdId" FROM course_override
     WHERE municipality_id = $1 AND kind = 'solid' AND household_id = ANY($2::uuid[])`,
    [municipalityId, householdIds],
  );
}

/** Gives the children one sibling group (merging the groups some of them were in already). */
export async function joinSiblings(
  tx: Queryable,
  municipalityId: number,
  childIds: string[],
  group: string,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE child SET sibling_group = $3
     WHERE municipality_id = $1 AND (id = ANY($2::uuid[]) OR sibling_group IN (
       SELECT sibling_group FROM child WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND sibling_group IS NOT NULL))
     RETURNING id`,
    [municipalityId, childIds, group],
  );
  return rows.length;
}

export async function countChildren(
  tx: Queryable,
  municipalityId: number,
  childIds: string[],
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM child WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, childIds],
  );
  return row?.n ?? 0;
}

/** Takes the child out of its sibling group; a group of one left behind is dissolved. */
export async function leaveSiblings(
  tx: Queryable,
  municipalityId: number,
  childId: string,
): Promise<string | null> {
  const [row] = await tx.query<{ householdId: string }>(
    `UPDATE child SET sibling_group = NULL WHERE municipality_id = $1 AND id = $2
     RETURNING household_id AS "householdId"`,
    [municipalityId, childId],
  );
  await tx.query(
    `UPDATE child SET sibling_group = NULL
     WHERE municipality_id = $1 AND sibling_group IS NOT NULL AND sibling_group IN (
       SELECT sibling_group FROM child WHERE municipality_id = $1 AND sibling_group IS NOT NULL
       GROUP BY sibling_group HAVING count(*) = 1)`,
    [municipalityId],
  );
  return row?.householdId ?? null;
}

export function householdsOfChildren(
  tx: Queryable,
  municipalityId: number,
  childIds: string[],
): Promise<{ householdId: string }[]> {
  return tx.query<{ householdId: string }>(
    'SELECT DISTINCT household_id AS "householdId" FROM child WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, childIds],
  );
}

// --- The candidate list -------------------------------------------------------------------------

export interface CandidateRow {
  householdId: string;
  name: string;
  kind: string;
  status: CandidateStatus;
  statusOn: string;
  suitabilityNote: string | null;
  updatedAt: string;
}

const CANDIDATE = `SELECT rc.household_id AS "householdId", h.display_name AS name, h.kind, rc.status,
         rc.status_on::text AS "statusOn", rc.suitability_note AS "suitabilityNote",
         to_char(rc.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
  FROM resource_family_candidate rc JOIN household h ON h.id = rc.household_id`;

export function candidates(tx: Queryable, municipalityId: number): Promise<CandidateRow[]> {
  return tx.query<CandidateRow>(
    `${CANDIDATE} WHERE rc.municipality_id = $1 AND h.archived_at IS NULL
     ORDER BY CASE rc.status WHEN 'declined' THEN 1 ELSE 0 END, h.display_name, rc.household_id`,
    [municipalityId],
  );
}

export async function candidate(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<CandidateRow | undefined> {
  const [row] = await tx.query<CandidateRow>(
    `${CANDIDATE} WHERE rc.municipality_id = $1 AND rc.household_id = $2`,
    [municipalityId, householdId],
  );
  return row;
}

export async function upsertCandidate(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
  input: { status: CandidateStatus; statusOn: string; suitabilityNote: string | null },
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO resource_family_candidate
       (municipality_id, household_id, status, status_on, suitability_note, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (household_id) DO UPDATE SET status = EXCLUDED.status, status_on = EXCLUDED.status_on,
       suitability_note = EXCLUDED.suitability_note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [municipalityId, householdId, input.status, input.statusOn, input.suitabilityNote, userId],
  );
}

export async function deleteCandidate(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM resource_family_candidate WHERE municipality_id = $1 AND household_id = $2 RETURNING household_id',
    [municipalityId, householdId],
  );
  return rows.length > 0;
}

/** Households on the short list not yet declined: resource families matching may propose. */
export function openCandidateIds(tx: Queryable, municipalityId: number): Promise<{ householdId: string }[]> {
  return tx.query<{ householdId: string }>(
    `SELECT household_id AS "householdId" FROM resource_family_candidate
     WHERE municipality_id = $1 AND status <> 'declined'`,
    [municipalityId],
  );
}
