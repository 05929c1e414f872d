import { type Static, Type } from '@sinclair/typebox';
import { Day, Int, literals, Nullable, Text, Uuid } from '../../server/schemas.js';

/**
 * A unit's way from the coordinator's search to a family home moving out. Forward one step at a
 * time; an offer that falls through (offered, approved) goes back to searching; a unit can be
 * given up (ended) from any status.
 */
export const HOUSING_STATUSES = [
  'searching',
  'offered',
  'approved',
  'furnished',
  'occupied',
  'ending',
  'ended',
] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];
export const HousingStatusSchema = literals(HOUSING_STATUSES);

/** Where a unit may go from each status: one step on; an offer that fell through back to searching; given up (ended) from anywhere. */
export const NEXT_STATUSES: Record<HousingStatus, readonly HousingStatus[]> = {
  searching: ['offered', 'ended'],
  offered: ['approved', 'searching', 'ended'],
  approved: ['furnished', 'searching', 'ended'],
  furnished: ['occupied', 'ended'],
  occupied: ['ending', 'ended'],
  ending: ['ended', 'occupied'],
  ended: [],
};

/** The unit's facts as the team registers them; the address may wait while the coordinator searches. */
export const HousingUnitInput = Type.Object({
  address: Type.Object({
    line: Nullable(Text(200)),
    postcode: Nullable(Text(10)),
  }),
  rooms: Nullable(Int({ minimum: 1, maximum: 30 })),
  areaM2: Nullable(Int({ minimum: 1, maximum: 2000 })),
  owner: Nullable(Text(120)),
});
export type HousingUnitInput = Static<typeof HousingUnitInput>;

export const HousingUnitUpdate = Type.Intersect([
  HousingUnitInput,
  Type.Object({ version: Int({ minimum: 1 }) }),
]);
export type HousingUnitUpdate = Static<typeof HousingUnitUpdate>;

/** A move to another status on a day; `householdId` names the family home moving in (to occupied). */
export const HousingStatusChange = Type.Object({
  status: HousingStatusSchema,
  on: Day,
  householdId: Type.Optional(Nullable(Uuid)),
  version: Int({ minimum: 1 }),
});
export type HousingStatusChange = Static<typeof HousingStatusChange>;

const FamilyHome = Type.Object({ id: Type.String(), name: Type.String() });

export const HousingUnitView = Type.Object({
  id: Type.String(),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  rooms: Nullable(Type.Integer()),
  areaM2: Nullable(Type.Integer()),
  owner: Nullable(Type.String()),
  status: HousingStatusSchema,
  statusOn: Type.String({ description: 'YYYY-MM-DD: the day the unit reached its status' }),
  familyHome: Nullable(FamilyHome),
  /** where the unit may go from its status */
  nextStatuses: Type.Array(HousingStatusSchema),
  version: Type.Integer(),
});
export type HousingUnitView = Static<typeof HousingUnitView>;

export const HousingChangeView = Type.Object({
  from: Nullable(HousingStatusSchema),
  to: HousingStatusSchema,
  on: Type.String(),
  familyHome: Nullable(FamilyHome),
  by: Nullable(Type.String({ description: "the user's name" })),
  at: Type.String(),
});

export const HousingUnitDetail = Type.Object({
  unit: HousingUnitView,
  history: Type.Array(HousingChangeView),
});
export type HousingUnitDetail = Static<typeof HousingUnitDetail>;

/** At a glance: homes ready to move into, units still searched for, family homes without a unit. */
export const HousingSummary = Type.Object({
  /** furnished, nobody living there yet */
  ready: Type.Integer(),
  searching: Type.Integer(),
  /** units per status, every status named */
  byStatus: Type.Record(Type.String(), Type.Integer()),
  /** family homes (not archived) that live in no unit */
  homesWithoutUnit: Type.Array(FamilyHome),
});

export const HousingUnitList = Type.Object({
  summary: HousingSummary,
  units: Type.Array(HousingUnitView),
  /** every family home (not archived), for the «moves in» choice */
  familyHomes: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), unitId: Nullable(Type.String()) }),
  ),
});
export type HousingUnitList = Static<typeof HousingUnitList>;

export const HousingUnitParams = Type.Object({ unitId: Uuid });
