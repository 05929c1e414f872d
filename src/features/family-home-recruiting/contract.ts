import { type Static, Type } from '@sinclair/typebox';
import { Day, Int, literals, Nullable, Text, Uuid } from '../../server/schemas.js';

/**
 * The pipeline of a family-home parent: first contact, assessment, training, approved; or stopped
 * (with a reason) at any step before approved. The seed urges recruiting parents with minority
 * backgrounds: Landsby records the languages a candidate speaks, never an ethnicity.
 */
export const CANDIDATE_STAGES = ['first_contact', 'assessment', 'training', 'approved', 'stopped'] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];
export const CandidateStageSchema = literals(CANDIDATE_STAGES);

/** Where a candidate may go from each stage: the next step, or stopped. */
export const NEXT_STAGES: Record<CandidateStage, readonly CandidateStage[]> = {
  first_contact: ['assessment', 'stopped'],
  assessment: ['training', 'stopped'],
  training: ['approved', 'stopped'],
  approved: [],
  stopped: [],
};

/** Least data: a name, a phone number or an e-mail address, the languages spoken, staff-only notes. */
export const CandidateInput = Type.Object({
  name: Text(100),
  phone: Nullable(Text(30)),
  email: Nullable(Text(254)),
  languages: Type.Array(Text(40), { maxItems: 10 }),
  firstContactOn: Day,
  notes: Nullable(Text(1000)),
});
export type CandidateInput = Static<typeof CandidateInput>;

export const CandidateUpdate = Type.Intersect([
  CandidateInput,
  Type.Object({ version: Int({ minimum: 1 }) }),
]);
export type CandidateUpdate = Static<typeof CandidateUpdate>;

export const CandidateStageChange = Type.Object({
  stage: CandidateStageSchema,
  on: Day,
  /** why the candidate stopped: required for stopped */
  reason: Type.Optional(Nullable(Text(500))),
  version: Int({ minimum: 1 }),
});
export type CandidateStageChange = Static<typeof CandidateStageChange>;

export const CandidateView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  stage: CandidateStageSchema,
  /** the day of each step reached, YYYY-MM-DD */
  dates: Type.Object({
    firstContact: Type.String(),
    assessment: Nullable(Type.String()),
    training: Nullable(Type.String()),
    approved: Nullable(Type.String()),
    stopped: Nullable(Type.String()),
  }),
  stopReason: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  nextStages: Type.Array(CandidateStageSchema),
  version: Type.Integer(),
});
export type CandidateView = Static<typeof CandidateView>;

export const CandidateList = Type.Object({ candidates: Type.Array(CandidateView) });
export type CandidateList = Static<typeof CandidateList>;

export const CandidateParams = Type.Object({ candidateId: Uuid });
