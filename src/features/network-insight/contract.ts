import { type Static, Type } from '@sinclair/typebox';
import { Int, Nullable, Uuid, Year } from '../../server/schemas.js';

// The team's insight on its resource-family networks (SPEC section 3, docs/matching-api.md):
// contacts per member household and month, gatherings against six a year, budget used. Money in øre.

/** The figures of /innsikt/nettverk; each id names its export (`/api/insight/networks/<id>.xlsx|.csv`). */
export const NETWORK_FIGURES = ['contacts', 'gatherings', 'budget', 'supervision'] as const;
export type NetworkFigureId = (typeof NETWORK_FIGURES)[number];

export const NetworkInsightQuery = Type.Object(
  { year: Type.Optional(Year) },
  { additionalProperties: false },
);
export type NetworkInsightQuery = Static<typeof NetworkInsightQuery>;

const Ore = Type.Integer({ minimum: 0, description: 'øre (1 krone = 100 øre)' });

export const NetworkFigures = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** member households during the year (own municipality's), with their contacts per month */
  members: Type.Array(
    Type.Object({
      householdId: Type.String(),
      name: Type.String(),
      /** contacts in January … December */
      months: Type.Array(Type.Integer(), { minItems: 12, maxItems: 12 }),
      total: Type.Integer(),
      /** total over the months counted (the year's months up to this one) */
      perMonth: Nullable(Type.Number()),
    }),
  ),
  gatherings: Type.Object({ held: Type.Integer(), planned: Type.Integer(), required: Type.Integer() }),
  budget: Type.Object({
    /** the yearly budget set for the network, or the seed's allowance (see `source`) */
    budgetOre: Ore,
    /** set: by the team; seed: NOK 500 per member household for the Christmas and for the summer gathering */
    source: Type.Union([Type.Literal('set'), Type.Literal('seed')]),
    approvedOre: Ore,
    submittedOre: Ore,
    /** approved / budget; null without a budget */
    used: Nullable(Type.Number()),
  }),
  /** supervision talks of the year: on time when held by the day the one before made due */
  supervision: Type.Object({
    talks: Type.Integer(),
    onTime: Type.Integer(),
    share: Nullable(Type.Number()),
    /** the next talk's due day, and whether it has passed (today) */
    nextDue: Type.String(),
    overdue: Type.Boolean(),
  }),
});
export type NetworkFigures = Static<typeof NetworkFigures>;

/** GET /api/insight/networks */
export const NetworkInsight = Type.Object({
  year: Type.Integer(),
  /** the months of the year counted so far (12 for a past year) */
  monthsCounted: Type.Integer(),
  networks: Type.Array(NetworkFigures),
});
export type NetworkInsight = Static<typeof NetworkInsight>;

export const BudgetParams = Type.Object({ networkId: Uuid });
export const BudgetInput = Type.Object(
  { year: Year, amountKr: Int({ minimum: 0, maximum: 10_000_000 }) },
  { additionalProperties: false },
);
export type BudgetInput = Static<typeof BudgetInput>;
export const BudgetView = Type.Object({ networkId: Type.String(), year: Type.Integer(), amountOre: Ore });
export type BudgetView = Static<typeof BudgetView>;
