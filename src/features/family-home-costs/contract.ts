import { type Static, Type } from '@sinclair/typebox';
import { Decimal, Int, literals, Nullable, Year } from '../../server/schemas.js';

const Nok = Int({ minimum: 0, maximum: 100_000_000, description: 'NOK per year' });

/** The unit costs of a year as the municipality configures them, NOK per year. */
export const CostSettingsInput = Type.Object({
  year: Year,
  /** one family home: the parents' pay and the home's running costs */
  familyHomeNok: Nok,
  /** the family counsellor's share for one home (a counsellor follows one or two) */
  counsellorShareNok: Nok,
  /** how many youths a family home typically has (e.g. 2–3), to one decimal */
  youthsPerHome: Decimal(1, 6),
  /** one place in a group home (bofellesskap) */
  groupHomePlaceNok: Nok,
  /** one institution place */
  institutionPlaceNok: Nok,
});
export type CostSettingsInput = Static<typeof CostSettingsInput>;

export const CostSettings = Type.Intersect([
  CostSettingsInput,
  Type.Object({
    /** the figures are examples (the demo's), not the municipality's own */
    example: Type.Boolean(),
  }),
]);
export type CostSettings = Static<typeof CostSettings>;

export const ARRANGEMENTS = ['family_home', 'group_home', 'institution'] as const;
export type Arrangement = (typeof ARRANGEMENTS)[number];

/** GET /api/family-home-costs: the cost per youth per year of each arrangement, side by side. */
export const CostComparison = Type.Object({
  year: Type.Integer(),
  /** the settings that apply to the year: its own, or else the latest earlier year's; null when none */
  settings: Nullable(CostSettings),
  /** the years with settings of their own, newest first */
  years: Type.Array(Type.Integer()),
  arrangements: Type.Array(Type.Object({ arrangement: literals(ARRANGEMENTS), perYouthNok: Type.Integer() })),
});
export type CostComparison = Static<typeof CostComparison>;

export const CostQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
