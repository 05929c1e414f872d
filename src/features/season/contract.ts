import { type Static, Type } from '@sinclair/typebox';
import { TERMS } from '../../domain/season.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';
import { DateProblem, Day, EventList } from '../events/contract.js';

/** A season's term (domain/season.ts Term). */
export const Season = literals(TERMS);
export type Season = Static<typeof Season>;

export const SeasonPlanQuery = Type.Object({
  season: Season,
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
export type SeasonPlanQuery = Static<typeof SeasonPlanQuery>;

/** One month of the plan (domain/season.ts SeasonSlot): a proposed date, a kept café, or why none. */
export const SeasonSlot = Type.Object({
  month: Type.Integer(),
  status: literals(['proposed', 'kept', 'none', 'removed', 'invalid'] as const),
  date: Type.Optional(Type.String()),
  startsAt: Type.Optional(Type.String()),
  endsAt: Type.Optional(Type.String()),
  eventId: Type.Optional(Type.String()),
  venueId: Type.Optional(Nullable(Type.String())),
  problems: Type.Array(DateProblem),
  alternatives: Type.Optional(Type.Array(Type.String())),
  reason: Type.Optional(Type.String()),
});
export type SeasonSlot = Static<typeof SeasonSlot>;

export const SeasonPlan = Type.Object({
  season: Type.String(),
  year: Type.Integer(),
  slots: Type.Array(SeasonSlot),
});
export type SeasonPlan = Static<typeof SeasonPlan>;

/** The dates the team accepts, each with its venue. */
export const SeasonAccept = Type.Object({
  dates: Type.Array(Type.Object({ date: Day, venueId: Type.Optional(Nullable(Uuid)) }), {
    minItems: 1,
    maxItems: 24,
  }),
});
export type SeasonAccept = Static<typeof SeasonAccept>;

/** The cafés of the accepted dates. */
export const SeasonAccepted = EventList;
export type SeasonAccepted = Static<typeof SeasonAccepted>;
