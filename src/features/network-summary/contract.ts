import { type Static, Type } from '@sinclair/typebox';
import { HALF_YEAR_PATTERN, SUMMARY_COMMENT_MAX, SUMMARY_DESCRIPTION_MAX } from '../../domain/half-year.js';
import { Nullable, Text, Uuid } from '../../server/schemas.js';

// The half-year summary «Erfaringer fra siste halvår» (SPEC section 3, seed 003; never called a
// report), docs/supervision-api.md. Half-years are 'YYYY-H1' (January–June) and 'YYYY-H2'.

const ShownDay = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const HalfYear = Type.String({ pattern: HALF_YEAR_PATTERN, maxLength: 7, description: 'YYYY-H1 or YYYY-H2' });

export const HalfYearQuery = Type.Object({ halfYear: Type.Optional(HalfYear) });
export type HalfYearQuery = Static<typeof HalfYearQuery>;

export const TeamSummaryParams = Type.Object({ networkId: Uuid });
export type TeamSummaryParams = Static<typeof TeamSummaryParams>;
// The half-year is a plain string here: the network is checked first, so another municipality's
// network answers 404 whatever follows it (the route walk of test/integration/tenancy.test.ts).
export const TeamHalfYearParams = Type.Object({ networkId: Uuid, halfYear: Type.String({ maxLength: 16 }) });
export type TeamHalfYearParams = Static<typeof TeamHalfYearParams>;

export const SummaryGathering = Type.Object({
  id: Type.String(),
  date: ShownDay,
  title: Type.String(),
  place: Nullable(Type.String()),
  occasion: Nullable(Type.String()),
  /** member households logged as at the gathering (contact kind 'gathering' on its day) */
  households: Type.Integer(),
});

export const SummaryContacts = Type.Object({
  householdId: Type.String(),
  name: Type.String(),
  call: Type.Integer(),
  visit: Type.Integer(),
  message: Type.Integer(),
  gathering: Type.Integer(),
  total: Type.Integer(),
});
export type SummaryContacts = Static<typeof SummaryContacts>;

export const SummaryComment = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Type.String(),
  createdAt: Type.String(),
});

export const SummaryView = Type.Object({
  networkId: Type.String(),
  networkName: Type.String(),
  halfYear: Type.String(),
  from: ShownDay,
  to: ShownDay,
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  description: Type.String(),
  updatedAt: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  /** from the log: the half-year's gatherings (not cancelled), oldest first */
  gatherings: Type.Array(SummaryGathering),
  /** from the log: contacts per member household in the half-year */
  contacts: Type.Array(SummaryContacts),
  comments: Type.Array(SummaryComment),
  /** the half-years the resource family can open: from the network's start to now, newest first */
  halfYears: Type.Array(Type.String()),
});
export type SummaryView = Static<typeof SummaryView>;

export const SummaryList = Type.Object({ summaries: Type.Array(SummaryView) });
export type SummaryList = Static<typeof SummaryList>;

export const DescriptionInput = Type.Object({
  halfYear: HalfYear,
  description: Text(SUMMARY_DESCRIPTION_MAX),
});
export type DescriptionInput = Static<typeof DescriptionInput>;

export const CommentInput = Type.Object({
  /** made by the browser: the same comment sent twice is saved once */
  id: Uuid,
  body: Text(SUMMARY_COMMENT_MAX, { minLength: 1 }),
});
export type CommentInput = Static<typeof CommentInput>;
