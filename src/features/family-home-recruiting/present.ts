import { type CandidateView, NEXT_STAGES } from './contract.js';
import type { CandidateRow } from './queries.js';

export function presentCandidate(row: CandidateRow): CandidateView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    languages: row.languages,
    stage: row.stage,
    dates: {
      firstContact: row.firstContactOn,
      assessment: row.assessmentOn,
      training: row.trainingOn,
      approved: row.approvedOn,
      stopped: row.stoppedOn,
    },
    stopReason: row.stopReason,
    notes: row.notes,
    nextStages: [...NEXT_STAGES[row.stage]],
    version: row.version,
  };
}
