import { type Static, Type } from '@sinclair/typebox';
import { Int, Nullable, Uuid } from '../../server/schemas.js';

/** The venue form: what the team registers about a place for the café. */
export const VenueInput = Type.Object({
  name: Type.String({ maxLength: 200 }),
  address: Type.Optional(
    Type.Object({
      line: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
      postcode: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    }),
  ),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  kitchen: Type.Boolean(),
  parking: Type.Boolean(),
  stepFree: Type.Boolean(),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type VenueInput = Static<typeof VenueInput>;

/** The venue form sent again to replace a venue: with the version it was read at. */
export const VenueUpdate = Type.Intersect([VenueInput, Type.Object({ version: Int({ minimum: 1 }) })]);
export type VenueUpdate = Static<typeof VenueUpdate>;

export const VenueView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  capacity: Nullable(Type.Integer()),
  kitchen: Type.Boolean(),
  parking: Type.Boolean(),
  stepFree: Type.Boolean(),
  notes: Nullable(Type.String()),
  archived: Type.Boolean(),
  version: Type.Integer(),
  /** Cafés held there (not cancelled, up to today). */
  eventsHeld: Type.Integer(),
  lastUsed: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  /**
   * Households checked in per café held there, on average over the cafés with a check-in (one
   * decimal); null when no café there has one.
   */
  averageAttendance: Nullable(Type.Number()),
});
export type VenueView = Static<typeof VenueView>;

export const VenueList = Type.Object({ venues: Type.Array(VenueView) });
export type VenueList = Static<typeof VenueList>;

export const VenueListQuery = Type.Object({
  archived: Type.Union([Type.Literal('false'), Type.Literal('true'), Type.Literal('all')], {
    default: 'false',
  }),
});
export type VenueListQuery = Static<typeof VenueListQuery>;

export const VenueParams = Type.Object({ venueId: Uuid });
export type VenueParams = Static<typeof VenueParams>;
