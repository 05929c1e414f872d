import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Channel } from '../../domain/household.js';
import type { ShownShare, Verdict as VerdictName } from '../../domain/insight.js';
import type { ShownCount } from '../../domain/statistics.js';
import { Day, literals, Nullable } from '../../server/schemas.js';

/** The figures of the insight page; each id names its export (`/api/insight/<id>.xlsx|.csv`). */
export const FIGURES = [
  'attendance-over-time',
  'returners',
  'ever-came',
  'channels',
  'deadline',
  'venues',
  'weekdays',
  'travel-time',
  'feedback',
  'topics',
] as const;
export type FigureId = (typeof FIGURES)[number];

/** The cafés held from `from` to `to` (default: all up to today). */
export const Period = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);
export const Count = Type.Union([Type.Integer(), Type.Object({ under: Type.Integer() })], {
  description: 'A count of households, or { under: 5 } where small counts are hidden',
});
/** A share with its 95 % (Wilson) interval; counts under 5 hidden for viewers outside the team. */
export const Share = Type.Object({
  count: Count,
  of: Count,
  share: Nullable(Type.Number()),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
});
export const Verdict = literals(['too_thin', 'a_better', 'b_better'] as const);
/** A comparison by group (deadline, venue, weekday, travel time): rows and, where two groups are compared, the verdict. */
export const GroupComparison = Type.Object({
  rows: Type.Array(
    Type.Object({ group: Type.String(), events: Type.Integer(), invited: Count, came: Share }),
  ),
  comparison: Nullable(Type.Object({ a: Type.String(), b: Type.String(), verdict: Verdict })),
});
const dated = <T extends Record<string, TSchema>>(fields: T) =>
  Type.Object({ date: Type.String(), title: Type.String(), ...fields });

/** GET /api/insight: every figure of the insight page. */
export const InsightFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  municipality: Type.String(),
  hidden: Type.Boolean(),
  events: Type.Integer(),
  attendance: Type.Array(
    dated({ venue: Nullable(Type.String()), invited: Count, coming: Count, came: Count, firstTimers: Count }),
  ),
  returners: Type.Object({
    rows: Type.Array(dated({ firstTimers: Count, cameAgain: Count, medianDays: Nullable(Type.Number()) })),
    total: Type.Object({ cameAgain: Share, medianDays: Nullable(Type.Number()) }),
  }),
  everCame: Share,
  channels: Type.Object({
    rows: Type.Array(Type.Object({ channel: Type.String(), answered: Share, came: Share })),
    comparisons: Type.Array(
      Type.Object({
        a: Type.String(),
        b: Type.String(),
        measure: literals(['answered', 'came'] as const),
        verdict: Verdict,
      }),
    ),
  }),
  deadline: GroupComparison,
  venues: GroupComparison,
  weekdays: GroupComparison,
  travel: GroupComparison,
  feedback: Type.Object({
    rows: Type.Array(dated({ responses: Count, mean: Nullable(Type.Number()) })),
  }),
  topics: Type.Object({ rows: Type.Array(Type.Object({ topic: Type.String(), count: Count })) }),
});
export type Period = Static<typeof Period>;
export type Count = Static<typeof Count>;
export type Share = Static<typeof Share>;
export type GroupComparison = Static<typeof GroupComparison>;
export type Verdict = Static<typeof Verdict>;
export type InsightFigures = Static<typeof InsightFigures>;

/** The season report: one A4 page for a term. */
export const SeasonQuery = Type.Object(
  {
    term: literals(['spring', 'autumn'] as const),
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export type SeasonQuery = Static<typeof SeasonQuery>;

// The figures as the service computes them (the API's InsightFigures above, with the domain's types).

export interface EventFigure {
  date: string;
  title: string;
  venue: string | null;
  invited: ShownCount;
  coming: ShownCount;
  came: ShownCount;
  firstTimers: ShownCount;
}
export interface GroupRow {
  group: string;
  events: number;
  invited: ShownCount;
  came: ShownShare;
}
export interface GroupFigure {
  rows: GroupRow[];
  /** The group that did best against the one that did worst, and what may be said about it. */
  comparison: { a: string; b: string; verdict: VerdictName } | null;
}

export interface Insight {
  from: string;
  to: string;
  municipality: string;
  /** true: counts under 5 are shown as { under: 5 } (a programme coordinator's view) */
  hidden: boolean;
  events: number;
  attendance: EventFigure[];
  returners: {
    rows: {
      date: string;
      title: string;
      firstTimers: ShownCount;
      cameAgain: ShownCount;
      medianDays: number | null;
    }[];
    total: { cameAgain: ShownShare; medianDays: number | null };
  };
  everCame: ShownShare;
  channels: {
    rows: { channel: Channel; answered: ShownShare; came: ShownShare }[];
    comparisons: { a: Channel; b: Channel; measure: 'answered' | 'came'; verdict: VerdictName }[];
  };
  deadline: GroupFigure;
  venues: GroupFigure;
  weekdays: GroupFigure;
  travel: GroupFigure;
  feedback: { rows: { date: string; title: string; responses: ShownCount; mean: number | null }[] };
  topics: { rows: { topic: string; count: ShownCount }[] };
}
