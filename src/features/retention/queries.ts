import type { Queryable } from '../../db/connection.js';
import {
  DEFAULT_RETENTION,
  RETENTION_KINDS,
  type RetentionKind,
  type RetentionPeriods,
} from '../../domain/retention.js';

// The one place where retention touches other features' tables (answers, messages, invitations,
// feedback, imports, call notes, households, the audit log, candidates, supervision notes,
// follow-up notes, evaluation answers, attendance). Every statement names
// municipality_id and runs in the municipality's tenant; row-level security enforces it again.

// Each kind's period is the column <kind>_months (migrations 0016, 0027).
const COLUMNS = RETENTION_KINDS.map((kind) => `${kind}_months`);

export async function findPeriods(tx: Queryable, municipalityId: number): Promise<RetentionPeriods> {
  const [row] = await tx.query<RetentionPeriods>(
    `SELECT ${RETENTION_KINDS.map((kind, i) => `${COLUMNS[i]} AS ${kind}`).join(', ')}
     FROM retention_setting WHERE municipality_id = $1`,
    [municipalityId],
  );
  return row ?? DEFAULT_RETENTION;
}

export async function savePeriods(tx: Queryable, municipalityId: number, p: RetentionPeriods): Promise<void> {
  await tx.query(
    `INSERT INTO retention_setting (municipality_id, ${COLUMNS.join(', ')})
     VALUES ($1, ${COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})
     ON CONFLICT (municipality_id) DO UPDATE SET
       ${COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, updated_at = now()`,
    [municipalityId, ...RETENTION_KINDS.map((kind) => p[kind])],
  );
}

/** Which rows of a kind have passed its cut-off; counting and removing use the same condition. */
const PASSED = {
  // An invitation still tied to a household, of an event that ended before the cut-off.
  answers: `FROM invitation i JOIN event e ON e.id = i.event_id
    WHERE i.municipality_id = $1 AND e.ends_at < $2 AND i.household_id IS NOT NULL`,
  feedback: 'FROM feedback_response WHERE municipality_id = $1 AND created_at < $2',
  import_files: 'FROM import_job WHERE municipality_id = $1 AND created_at < $2',
  welcome_notes: 'FROM welcome_call WHERE municipality_id = $1 AND called_at < $2 AND note IS NOT NULL',
  contact_notes: 'FROM contact_log WHERE municipality_id = $1 AND created_at < $2 AND note IS NOT NULL',
  // Archived before the cut-off with every placement ended and no network it is the resource
  // family of: what a team leader may erase.
  archived_households: `FROM household h WHERE h.municipality_id = $1 AND h.archived_at < $2
    AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.household_id = h.id AND p.end_date IS NULL)
    AND NOT EXISTS (SELECT 1 FROM network n WHERE n.resource_family_household_id = h.id)`,
  audit_log: 'FROM audit_log WHERE municipality_id = $1 AND at < $2',
  stopped_family_home_candidates: `FROM family_home_candidate
    WHERE municipality_id = $1 AND stage = 'stopped' AND stopped_on < $2`,
  declined_resource_family_candidates: `FROM resource_family_candidate
    WHERE municipality_id = $1 AND status = 'declined' AND status_on < $2`,
  supervision_notes: `FROM supervision_talk
    WHERE municipality_id = $1 AND held_on < $2 AND note IS NOT NULL`,
  follow_up_notes: `FROM family_home_follow_up
    WHERE municipality_id = $1 AND date < $2 AND note IS NOT NULL`,
  // The answers of cohorts whose last session ended before the cut-off.
  evaluation_answers: `FROM evaluation_answer a WHERE a.municipality_id = $1 AND a.link_id IN (
    SELECT l.id FROM evaluation_link l WHERE l.municipality_id = $1 AND l.cohort_id IN (
      SELECT s.cohort_id FROM cohort_session s JOIN event e ON e.id = s.event_id
      WHERE s.municipality_id = $1 GROUP BY s.cohort_id HAVING max(e.ends_at) < $2))`,
  attendance: `FROM attendance t WHERE t.municipality_id = $1
    AND t.event_id IN (SELECT e.id FROM event e WHERE e.municipality_id = $1 AND e.ends_at < $2)`,
};

async function count(tx: Queryable, from: string, municipalityId: number, before: Date): Promise<number> {
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, [municipalityId, before]);
  return row?.n ?? 0;
}

/** How many of a kind's rows the run would remove or anonymise now. */
export async function countPassed(
  tx: Queryable,
  municipalityId: number,
  kind: RetentionKind,
  before: Date,
): Promise<number> {
  if (kind === 'call_notes') {
    return (
      (await count(tx, PASSED.welcome_notes, municipalityId, before)) +
      (await count(tx, PASSED.contact_notes, municipalityId, before))
    );
  }
  if (kind === 'stopped_candidates') {
    return (
      (await count(tx, PASSED.stopped_family_home_candidates, municipalityId, before)) +
      (await count(tx, PASSED.declined_resource_family_candidates, municipalityId, before))
    );
  }
  return count(tx, PASSED[kind], municipalityId, before);
}

/**
 * Anonymises the answers, messages and invitations of events that ended before the cut-off: the
 * household and what it wrote go, the counts and channels stay for the figures. The team's
 * audience notes of those events go too. Returns the invitations anonymised.
 */
export async function anonymiseAnswers(tx: Queryable, municipalityId: number, before: Date): Promise<number> {
  const ended = 'SELECT id FROM event WHERE municipality_id = $1 AND ends_at < $2';
  await tx.query(
    `UPDATE answer SET household_id = NULL, comment = NULL, diet_note = NULL
     WHERE municipality_id = $1 AND event_id IN (${ended})
       AND (household_id IS NOT NULL OR comment IS NOT NULL OR diet_note IS NOT NULL)`,
    [municipalityId, before],
  );
  await tx.query(
    `UPDATE message SET household_id = NULL, reason = NULL, provider_id = NULL
     WHERE municipality_id = $1 AND event_id IN (${ended}) AND household_id IS NOT NULL`,
    [municipalityId, before],
  );
  await tx.query(`DELETE FROM event_invitee WHERE municipality_id = $1 AND event_id IN (${ended})`, [
    municipalityId,
    before,
  ]);
  const rows = await tx.query(
    `UPDATE invitation SET household_id = NULL
     WHERE municipality_id = $1 AND event_id IN (${ended}) AND household_id IS NOT NULL RETURNING id`,
    [municipalityId, before],
  );
  return rows.length;
}

export async function deleteFeedback(tx: Queryable, municipalityId: number, before: Date): Promise<number> {
  return (await tx.query(`DELETE ${PASSED.feedback} RETURNING id`, [municipalityId, before])).length;
}

export async function deleteImportFiles(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  return (await tx.query(`DELETE ${PASSED.import_files} RETURNING id`, [municipalityId, before])).length;
}

/** Removes the free text of old welcome calls and network contacts; the outcome and date stay. */
export async function removeCallNotes(tx: Queryable, municipalityId: number, before: Date): Promise<number> {
  const welcome = await tx.query(
    `UPDATE welcome_call SET note = NULL WHERE municipality_id = $1 AND called_at < $2 AND note IS NOT NULL
     RETURNING id`,
    [municipalityId, before],
  );
  const contact = await tx.query(
    `UPDATE contact_log SET note = NULL WHERE municipality_id = $1 AND created_at < $2 AND note IS NOT NULL
     RETURNING id`,
    [municipalityId, before],
  );
  return welcome.length + contact.length;
}

export async function archivedHouseholdsPassed(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT h.id ${PASSED.archived_households} ORDER BY h.id`, [
    municipalityId,
    before,
  ]);
  return rows.map((row) => row.id);
}

/** Deletes audit entries older than the cut-off (the database refuses any younger than its period). */
export async function deleteAuditEntries(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  return (await tx.query(`DELETE ${PASSED.audit_log} RETURNING id`, [municipalityId, before])).length;
}

/** Deletes the candidates who stopped or declined before the cut-off, with the team's notes on them. */
export async function deleteStoppedCandidates(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  const params = [municipalityId, before];
  const familyHome = await tx.query(`DELETE ${PASSED.stopped_family_home_candidates} RETURNING 1`, params);
  const resourceFamily = await tx.query(
    `DELETE ${PASSED.declined_resource_family_candidates} RETURNING 1`,
    params,
  );
  return familyHome.length + resourceFamily.length;
}

/** Removes the staff-only note of supervision talks held before the cut-off. */
export async function removeSupervisionNotes(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE supervision_talk SET note = NULL
     WHERE municipality_id = $1 AND held_on < $2 AND note IS NOT NULL RETURNING 1`,
    [municipalityId, before],
  );
  return rows.length;
}

/** Removes the note of family-home follow-up entries dated before the cut-off. */
export async function removeFollowUpNotes(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE family_home_follow_up SET note = NULL
     WHERE municipality_id = $1 AND date < $2 AND note IS NOT NULL RETURNING 1`,
    [municipalityId, before],
  );
  return rows.length;
}

export async function deleteEvaluationAnswers(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<number> {
  return (await tx.query(`DELETE ${PASSED.evaluation_answers} RETURNING 1`, [municipalityId, before])).length;
}

export async function deleteAttendance(tx: Queryable, municipalityId: number, before: Date): Promise<number> {
  return (await tx.query(`DELETE ${PASSED.attendance} RETURNING 1`, [municipalityId, before])).length;
}

/** Every municipality, for the daily run (as landsby_system: ids only). */
export async function municipalityIds(tx: Queryable): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM municipality ORDER BY id');
  return rows.map((row) => row.id);
}
