import type { Queryable } from '../../db/connection.js';
import type { CandidateStage } from './contract.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export interface CandidateData {
  name: string;
  phone: string | null;
  email: string | null;
  languages: string[];
  firstContactOn: string;
  notes: string | null;
}

export interface CandidateRow extends CandidateData {
  id: string;
  stage: CandidateStage;
  assessmentOn: string | null;
  trainingOn: string | null;
  approvedOn: string | null;
  stoppedOn: string | null;
  stopReason: string | null;
  version: number;
}

const SELECT_CANDIDATE = `SELECT c.id, c.name, c.phone, c.email, c.languages, c.stage,
  c.first_contact_on::text AS "firstContactOn", c.assessment_on::text AS "assessmentOn",
  c.training_on::text AS "trainingOn", c.approved_on::text AS "approvedOn",
  c.stopped_on::text AS "stoppedOn", c.stop_reason AS "stopReason", c.notes, c.version
  FROM family_home_candidate c`;

/** The pipeline in its order, stopped last; the newest contact first within a stage. */
export function listCandidates(tx: Queryable, municipalityId: number): Promise<CandidateRow[]> {
  return tx.query<CandidateRow>(
    `${SELECT_CANDIDATE} WHERE c.municipality_id = $1
     ORDER BY array_position(ARRAY['first_contact', 'assessment', 'training', 'approved', 'stopped'], c.stage),
       c.first_contact_on DESC, c.id`,
    [municipalityId],
  );
}

export async function findCandidate(
  tx: Queryable,
  municipalityId: number,
  candidateId: string,
): Promise<CandidateRow | undefined> {
  const [row] = await tx.query<CandidateRow>(
    `${SELECT_CANDIDATE} WHERE c.municipality_id = $1 AND c.id = $2`,
    [municipalityId, candidateId],
  );
  return row;
}

export async function insertCandidate(
  tx: Queryable,
  municipalityId: number,
  c: CandidateData,
  userId: string | null,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO family_home_candidate (municipality_id, name, phone, email, languages, first_contact_on,
       notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [municipalityId, c.name, c.phone, c.email, c.languages, c.firstContactOn, c.notes, userId],
  );
  return (row as { id: string }).id;
}

/** false when the candidate's version is not `version` any more */
export async function updateCandidate(
  tx: Queryable,
  municipalityId: number,
  candidateId: string,
  c: CandidateData,
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE family_home_candidate SET name = $3, phone = $4, email = $5, languages = $6,
       first_contact_on = $7, notes = $8, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $9 RETURNING id`,
    [municipalityId, candidateId, c.name, c.phone, c.email, c.languages, c.firstContactOn, c.notes, version],
  );
  return rows.length > 0;
}

const STAGE_COLUMN: Record<Exclude<CandidateStage, 'first_contact'>, string> = {
  assessment: 'assessment_on',
  training: 'training_on',
  approved: 'approved_on',
  stopped: 'stopped_on',
};

/** Moves the candidate to `stage` on `on`; false when the version is not `version` any more. */
export async function updateCandidateStage(
  tx: Queryable,
  municipalityId: number,
  candidateId: string,
  change: { stage: Exclude<CandidateStage, 'first_contact'>; on: string; reason: string | null },
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE family_home_candidate SET stage = $3, ${STAGE_COLUMN[change.stage]} = $4,
       stop_reason = COALESCE($5, stop_reason), version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $6 RETURNING id`,
    [municipalityId, candidateId, change.stage, change.on, change.reason, version],
  );
  return rows.length > 0;
}

export async function deleteCandidate(
  tx: Queryable,
  municipalityId: number,
  candidateId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM family_home_candidate WHERE municipality_id = $1 AND id = $2 RETURNING id',
    [municipalityId, candidateId],
  );
  return rows.length > 0;
}

export async function hasCandidates(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM family_home_candidate WHERE municipality_id = $1 LIMIT 1', [
    municipalityId,
  ]);
  return rows.length > 0;
}
