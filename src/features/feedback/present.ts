import type { Evaluation } from './contract.js';
import type { EvaluationRow } from './queries.js';

/** The evaluation as the API shows it; version 0 and empty notes when there is none yet. */
export function presentEvaluation(eventId: string, row: EvaluationRow | undefined): Evaluation {
  return {
    eventId,
    wentWell: row?.wentWell ?? null,
    changeNext: row?.changeNext ?? null,
    attendanceNote: row?.attendanceNote ?? null,
    programmeNote: row?.programmeNote ?? null,
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    updatedBy: row?.updatedBy ?? null,
  };
}
