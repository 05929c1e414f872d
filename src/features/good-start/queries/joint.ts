import type { Queryable } from '../../../db/connection.js';
import type { Theme } from '../../../domain/good-start.js';

// A joint cohort (migrations/0031): the host's own rows are read as any other (row-level security);
// everything of another municipality comes through the SECURITY DEFINER functions of 0031, which
// check the caller's municipality themselves and return first names, municipality names and counts.

/** The cohort's partner municipalities, by name (the host's name comes with the cohort). */
export function listPartners(tx: Queryable, cohortId: string) {
  return tx.query<{ id: number; name: string }>(
    `SELECT m.id, m.name FROM cohort_partner p JOIN municipality_names() m ON m.id = p.municipality_id
     WHERE p.cohort_id = $1 ORDER BY m.name`,
    [cohortId],
  );
}

export async function municipalityName(tx: Queryable, municipalityId: number): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM municipality_names() WHERE id = $1', [
    municipalityId,
  ]);
  return row?.name ?? '';
}

/**
 * The fellow members of the cohort's programme that are not yet partners: whom the host may add.
 * programme_plan() (0021) lists a programme's members for a member municipality.
 */
export function partnerChoices(tx: Queryable, hostId: number, cohortId: string, programmeId: string) {
  return tx.query<{ id: number; name: string }>(
    `SELECT p.municipality_id AS id, p.municipality_name AS name FROM programme_plan($2) p
     WHERE p.municipality_id <> $1
       AND NOT EXISTS (SELECT 1 FROM cohort_partner cp WHERE cp.cohort_id = $3 AND cp.municipality_id = p.municipality_id)
     ORDER BY p.municipality_name`,
    [hostId, programmeId, cohortId],
  );
}

/** Adds a partner municipality to the host's cohort; false when it was one already. */
export async function insertPartner(
  tx: Queryable,
  hostId: number,
  cohortId: string,
  municipalityId: number,
  addedBy: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO cohort_partner (cohort_id, municipality_id, host_municipality_id, added_by)
     VALUES ($2, $3, $1, $4) ON CONFLICT DO NOTHING RETURNING cohort_id`,
    [hostId, cohortId, municipalityId, addedBy],
  );
  return rows.length > 0;
}

/** The host's six sessions, for a partner making its own: theme, date and times. */
export function hostSessions(tx: Queryable, cohortId: string) {
  return tx.query<{ theme: Theme; date: string; startTime: string; endTime: string }>(
    `SELECT theme, date::text AS date, start_time AS "startTime", end_time AS "endTime"
     FROM joint_cohort_sessions($1) ORDER BY theme`,
    [cohortId],
  );
}

/** Per municipality of the cohort and theme: its households in the cohort and how many came. */
export function attendanceCounts(tx: Queryable, cohortId: string) {
  return tx.query<{ municipalityId: number; name: string; theme: Theme; members: number; present: number }>(
    `SELECT municipality_id AS "municipalityId", municipality_name AS name, theme, members, present
     FROM joint_cohort_counts($1)`,
    [cohortId],
  );
}

/** For the host: the partners' households, by the adults' first names and municipality. */
export function partnerHouseholds(tx: Queryable, cohortId: string) {
  return tx.query<{
    householdId: string;
    municipality: string;
    firstNames: string[];
    presentThemes: number[];
  }>(
    `SELECT household_id AS "householdId", municipality_name AS municipality, first_names AS "firstNames",
       present_themes AS "presentThemes"
     FROM joint_cohort_households($1)`,
    [cohortId],
  );
}

/** The host's reading of the partners' households, logged in each partner's audit log too. */
export async function auditPartnerRead(tx: Queryable, cohortId: string, householdIds: string[]) {
  if (householdIds.length === 0) return;
  await tx.query('SELECT joint_cohort_audit_read($1, $2::uuid[])', [cohortId, householdIds]);
}

/** The host's tap for a partner's household at a held session; false when nothing was written. */
export async function markPartnerHousehold(
  tx: Queryable,
  cohortId: string,
  tap: { householdId: string; theme: Theme; present: boolean; tapId: string; tappedAt: string },
): Promise<boolean> {
  const [row] = await tx.query<{ written: boolean }>(
    'SELECT joint_cohort_mark($1, $2, $3, $4, $5, $6::timestamptz) AS written',
    [cohortId, tap.householdId, tap.theme, tap.present, tap.tapId, tap.tappedAt],
  );
  return row?.written === true;
}

/**
 * The host moved or cancelled its session `eventId`: the partners' session events of that theme
 * follow (joint_cohort_follow, 0036). Returns those changed, with whether each was cancelled now;
 * nothing when the event is no session of a joint cohort the caller hosts.
 */
export function followHostSession(tx: Queryable, eventId: string) {
  return tx.query<{ municipalityId: number; eventId: string; cancelled: boolean }>(
    `SELECT municipality_id AS "municipalityId", event_id AS "eventId", cancelled
     FROM joint_cohort_follow($1)`,
    [eventId],
  );
}

/** Is the event this municipality's own session of a cohort another municipality hosts? */
export async function isPartnerSession(tx: Queryable, municipalityId: number, eventId: string) {
  const rows = await tx.query(
    `SELECT 1 FROM cohort_session s JOIN cohort c ON c.id = s.cohort_id
     WHERE s.municipality_id = $1 AND s.event_id = $2 AND c.municipality_id <> $1`,
    [municipalityId, eventId],
  );
  return rows.length > 0;
}

/** The municipality's own cohort of that name (the demo's «Høstkullet»). */
export async function ownCohortNamed(tx: Queryable, municipalityId: number, name: string) {
  const [row] = await tx.query<{ id: string }>(
    'SELECT id FROM cohort WHERE municipality_id = $1 AND name = $2 ORDER BY created_at LIMIT 1',
    [municipalityId, name],
  );
  return row?.id;
}
