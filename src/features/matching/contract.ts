import { type Static, Type } from '@sinclair/typebox';
import { CANDIDATE_STATUSES, SUITABILITY_NOTE_MAX } from '../../domain/matching.js';
import { Day, literals, Nullable, Uuid } from '../../server/schemas.js';

// Matching and the short list of resource-family candidates (SPEC section 3, docs/matching-api.md).

export const CandidateStatus = literals(CANDIDATE_STATUSES);
export const SolidStatus = literals(['complete', 'override', 'none'] as const);
const Estimate = literals(['same_postcode', 'same_area', 'through_office'] as const);

// --- Children to pick (GET /api/matching/children) ------------------------------------------------

export const MatchingChild = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  age: Type.Integer(),
  householdId: Type.String(),
  householdName: Type.String(),
  /** the children of the municipality recorded as this child's siblings (ids) */
  siblingIds: Type.Array(Type.String()),
  /** the home has an open membership in a network already */
  inNetwork: Type.Boolean(),
});
export const MatchingChildList = Type.Object({ children: Type.Array(MatchingChild) });
export type MatchingChildList = Static<typeof MatchingChildList>;

// --- Proposals (POST /api/matching/proposals) ----------------------------------------------------

export const ProposalInput = Type.Object(
  { childIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }) },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalInput>;

/** Why a home is proposed: a code and its values, worded by the page (matching.reasons.*). */
export const Reason = Type.Union([
  Type.Object({ code: Type.Literal('picked'), children: Type.Array(Type.String()) }),
  Type.Object({ code: Type.Literal('sibling'), child: Type.String(), sibling: Type.String() }),
  Type.Object({
    code: Type.Literal('age'),
    child: Type.String(),
    age: Type.Integer(),
    picked: Type.String(),
    pickedAge: Type.Integer(),
  }),
  Type.Object({ code: Type.Literal('cafe'), household: Type.String(), evenings: Type.Integer() }),
  Type.Object({ code: Type.Literal('travel'), minutes: Type.Integer(), estimate: Estimate }),
  Type.Object({ code: Type.Literal('travel_unknown') }),
  Type.Object({ code: Type.Literal('no_solid') }),
  Type.Object({ code: Type.Literal('candidate') }),
]);
export const Proposal = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  score: Type.Integer(),
  reasons: Type.Array(Reason),
});
export const Proposals = Type.Object({
  members: Type.Array(Proposal),
  suggestions: Type.Array(Proposal),
  resourceFamilies: Type.Array(Proposal),
});
export type Proposals = Static<typeof Proposals>;

// --- The team's choice (POST /api/matching/choice) -----------------------------------------------

/**
 * Fills the network `networkId`, or (without it) creates one with `name`, the resource family and
 * the caseworkers; the households are proposed as members (pending until their gate is open).
 */
export const ChoiceInput = Type.Object(
  {
    networkId: Type.Optional(Uuid),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    resourceFamilyHouseholdId: Type.Optional(Uuid),
    caseworkerUserIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 2 })),
    householdIds: Type.Array(Uuid, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type ChoiceInput = Static<typeof ChoiceInput>;
export const ChoiceResult = Type.Object({ networkId: Type.String(), proposed: Type.Integer() });
export type ChoiceResult = Static<typeof ChoiceResult>;

// --- Siblings (POST /api/matching/siblings, /api/matching/siblings/leave) --------------------------

export const SiblingsInput = Type.Object(
  { childIds: Type.Array(Uuid, { minItems: 2, maxItems: 12 }) },
  { additionalProperties: false },
);
export type SiblingsInput = Static<typeof SiblingsInput>;
export const LeaveSiblingsInput = Type.Object({ childId: Uuid }, { additionalProperties: false });
export type LeaveSiblingsInput = Static<typeof LeaveSiblingsInput>;

// --- Resource-family candidates (/api/resource-family-candidates) ---------------------------------

export const CandidateParams = Type.Object({ householdId: Uuid });
export const CandidateInput = Type.Object(
  {
    status: CandidateStatus,
    statusOn: Day,
    /** staff only; at most 1000 characters */
    suitabilityNote: Type.Optional(Nullable(Type.String({ maxLength: SUITABILITY_NOTE_MAX }))),
  },
  { additionalProperties: false },
);
export type CandidateInput = Static<typeof CandidateInput>;

export const CandidateView = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  status: CandidateStatus,
  statusOn: Type.String(),
  suitabilityNote: Nullable(Type.String()),
  solid: Type.Object({
    status: SolidStatus,
    adults: Type.Array(Type.Object({ name: Type.String(), completedOn: Nullable(Type.String()) })),
  }),
  updatedAt: Type.String(),
});
export type CandidateView = Static<typeof CandidateView>;
export const CandidateList = Type.Object({ candidates: Type.Array(CandidateView) });
export type CandidateList = Static<typeof CandidateList>;
