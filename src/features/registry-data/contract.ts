import { type Static, Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../server/schemas.js';

export const HouseholdParams = Type.Object({ householdId: Uuid });

/** What erasing a household removed, and what it kept (the placements, without personal data). */
export const ErasureResult = Type.Object({
  householdId: Type.String(),
  erasedAt: Type.String(),
  alreadyErased: Type.Boolean(),
  kept: Type.Object({ placements: Type.Integer() }),
  removed: Type.Object({
    adults: Type.Integer(),
    children: Type.Integer(),
    placements: Type.Integer(),
    historyEntries: Type.Integer(),
  }),
});
export type ErasureResult = Static<typeof ErasureResult>;

/** The municipality's travel times from the office, by postcode. */
export const TravelTimes = Type.Object({
  count: Type.Integer(),
  entries: Type.Array(
    Type.Object({
      postcode: Type.String(),
      place: Nullable(Type.String()),
      minutes: Type.Integer(),
    }),
  ),
});
export type TravelTimes = Static<typeof TravelTimes>;

/** A travel-time file taken: how many postcodes, how many households got a new time, how it was read. */
export const TravelTimesReplaced = Type.Object({
  count: Type.Integer(),
  householdsUpdated: Type.Integer(),
  encoding: Type.String(),
});
export type TravelTimesReplaced = Static<typeof TravelTimesReplaced>;

/** Posten's register taken: the postcodes now, and what changed. */
export const PostcodesReplaced = Type.Object({
  count: Type.Integer(),
  added: Type.Integer(),
  removed: Type.Integer(),
  renamed: Type.Integer(),
  encoding: Type.String(),
});
export type PostcodesReplaced = Static<typeof PostcodesReplaced>;
