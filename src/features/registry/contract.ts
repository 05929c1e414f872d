import { type Static, Type } from '@sinclair/typebox';
import { CHANNELS, END_REASONS, HOUSEHOLD_KINDS, RELATIONS } from '../../domain/household.js';
import { Int, literals, Nullable, Uuid } from '../../server/schemas.js';

// Dates are checked by the domain with the rest of the form, so every problem is reported at once.
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const ShortText = (maxLength: number) => Type.String({ maxLength });

const Kind = literals(HOUSEHOLD_KINDS);
const Relation = literals(RELATIONS);
const Channel = literals(CHANNELS);
const EndReason = literals(END_REASONS);

/** A household as the form (or an API client) sends it, new or changed. */
export const HouseholdInput = Type.Object({
  id: Type.Optional(Uuid),
  kind: Kind,
  relation: Relation,
  externalRef: Type.Optional(Nullable(ShortText(100))),
  address: Type.Optional(
    Type.Object({
      line: Type.Optional(Nullable(ShortText(200))),
      postcode: Type.Optional(Nullable(ShortText(10))),
    }),
  ),
  travelMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
  adults: Type.Array(
    Type.Object({
      id: Type.Optional(Uuid),
      firstName: ShortText(100),
      lastName: ShortText(100),
      email: Type.Optional(Nullable(ShortText(254))),
      mobile: Type.Optional(Nullable(ShortText(30))),
      preferredLanguage: Type.Optional(Nullable(ShortText(12))),
      preferredChannels: Type.Optional(Nullable(Type.Array(Channel, { maxItems: 4 }))),
    }),
    { minItems: 1, maxItems: 4 },
  ),
  children: Type.Optional(
    // A child may be known by its birth date alone: firstName empty, null or left out.
    Type.Array(
      Type.Object({
        id: Type.Optional(Uuid),
        firstName: Type.Optional(Nullable(ShortText(100))),
        birthDate: Day,
      }),
      { maxItems: 20 },
    ),
  ),
  placements: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Optional(Uuid),
        childIndex: Type.Integer({ minimum: 0, maximum: 19 }),
        startDate: Day,
        endDate: Type.Optional(Nullable(Day)),
        endReason: Type.Optional(Nullable(EndReason)),
        careMunicipality: Type.Optional(Nullable(ShortText(100))),
      }),
      { maxItems: 40 },
    ),
  ),
});
export type HouseholdInput = Static<typeof HouseholdInput>;

/** A change: the household and the version it was read at (409 registry.conflict when that is not the stored one). */
export const HouseholdUpdate = Type.Intersect([
  HouseholdInput,
  Type.Object({ version: Int({ minimum: 1 }) }),
]);
export type HouseholdUpdate = Static<typeof HouseholdUpdate>;

/** One household with its people and placements, as GET /api/households/:householdId sends it. */
export const HouseholdView = Type.Object({
  id: Type.String(),
  kind: Kind,
  relation: Relation,
  externalRef: Nullable(Type.String()),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  travelMinutes: Nullable(Type.Integer()),
  travelSource: Nullable(Type.String()),
  adults: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Nullable(Type.String()),
      mobile: Nullable(Type.String()),
      preferredLanguage: Type.String(),
      preferredChannels: Type.Array(Channel),
    }),
  ),
  children: Type.Array(
    Type.Object({ id: Type.String(), firstName: Nullable(Type.String()), birthDate: Type.String() }),
  ),
  placements: Type.Array(
    Type.Object({
      id: Type.String(),
      childId: Type.String(),
      startDate: Type.String(),
      endDate: Nullable(Type.String()),
      endReason: Nullable(EndReason),
      careMunicipality: Nullable(Type.String()),
    }),
  ),
  archivedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type HouseholdView = Static<typeof HouseholdView>;

/** One line of the household list. */
export const HouseholdSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Kind,
  relation: Relation,
  travelMinutes: Nullable(Type.Integer()),
  postcode: Nullable(Type.String()),
  place: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  childrenCount: Type.Integer(),
  archived: Type.Boolean(),
  updatedAt: Type.String(),
});
export type HouseholdSummary = Static<typeof HouseholdSummary>;

export const HouseholdList = Type.Object({ total: Type.Integer(), households: Type.Array(HouseholdSummary) });
export type HouseholdList = Static<typeof HouseholdList>;

/** The list's filters and order, shared by the list and its exports (features/registry-data). */
export const HouseholdListFilter = Type.Object({
  q: Type.Optional(ShortText(200)),
  kind: Type.Optional(Type.Array(Kind, { maxItems: 4 })),
  relation: Type.Optional(Relation),
  language: Type.Optional(ShortText(12)),
  maxTravel: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
  neverAttended: Type.Optional(
    Type.Boolean({ description: 'Only households never checked in as present at any café evening' }),
  ),
  archived: Type.Union([Type.Literal('false'), Type.Literal('true'), Type.Literal('all')], {
    default: 'false',
  }),
  sort: Type.Union(
    [Type.Literal('name'), Type.Literal('kind'), Type.Literal('travel'), Type.Literal('updated')],
    { default: 'name' },
  ),
  dir: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
});
export type HouseholdListFilter = Static<typeof HouseholdListFilter>;

export const HouseholdListQuery = Type.Composite([
  HouseholdListFilter,
  Type.Object({
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  }),
]);
export type HouseholdListQuery = Static<typeof HouseholdListQuery>;

export const HouseholdParams = Type.Object({ householdId: Uuid });
export type HouseholdParams = Static<typeof HouseholdParams>;

/** What changed in a household, newest first. */
export const HouseholdHistory = Type.Object({
  entries: Type.Array(
    Type.Object({
      at: Type.String(),
      actorName: Nullable(Type.String()),
      action: Type.String(),
      changes: Type.Array(
        Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
      ),
    }),
  ),
});
export type HouseholdHistory = Static<typeof HouseholdHistory>;

export const PostcodeParams = Type.Object({ postcode: Type.String({ pattern: '^[0-9]{4}$' }) });
export const PostcodePlace = Type.Object({ postcode: Type.String(), place: Type.String() });
export type PostcodePlace = Static<typeof PostcodePlace>;
