/**
 * Placement stability (SPEC section 4; seed 002: "reduce unplanned moves"), without I/O.
 *
 * The measure: unplanned moves per 100 placement-years. A placement-year is a placement active
 * in a calendar year (started by 31 December, not ended before 1 January); it counts as an
 * unplanned move when the placement ended that year against the plan. A placement-year has at
 * most one such end, so the rate is a share with a 95 % Wilson interval (domain/statistics).
 *
 * Outside the municipality (a programme coordinator) counts go through domain/disclosure: small
 * ones "under 5", complementary ones hidden, and no rate where either of its counts is hidden.
 * The comparison of homes that took part in something with those that did not is observational:
 * the verdict says what the numbers show, not that taking part caused it.
 */
import { type DisclosedCount, discloseParts, discloseTable } from './disclosure.js';
import { verdict } from './insight.js';
import { wilson } from './statistics.js';

/** What the database gives: placement-years and unplanned moves of one group. */
export interface StabilityCounts {
  municipalityId: number;
  year: number;
  /** null: the household was erased, so whether it took part is no longer known */
  goodStart: boolean | null;
  network: boolean | null;
  cafe: boolean | null;
  placementYears: number;
  unplanned: number;
}

/** Unplanned moves per 100 placement-years, with its 95 % interval; null where not shown. */
export interface Rate {
  moves: DisclosedCount;
  placementYears: DisclosedCount;
  per100: number | null;
  low: number | null;
  high: number | null;
}

export const PARTICIPATION = ['good_start', 'network', 'cafe'] as const;
export type Participation = (typeof PARTICIPATION)[number];

/**
 * 'fewer': homes that took part had clearly fewer unplanned moves (95 % intervals apart, at least
 * 20 placement-years in each group); 'more': clearly more; 'too_thin': too little data to tell.
 */
export type StabilityVerdict = 'too_thin' | 'fewer' | 'more';

export interface ParticipationFigure {
  kind: Participation;
  tookPart: Rate;
  didNot: Rate;
  /** placements of erased households: whether the home took part is not known */
  unknown: Rate;
  verdict: StabilityVerdict;
}

export interface StabilityFigures {
  years: number[];
  municipalityIds: number[];
  /** municipality × year, in the order of municipalityIds and years */
  cells: Rate[][];
  byMunicipality: Rate[];
  byYear: Rate[];
  total: Rate;
  participation: ParticipationFigure[];
}

/** A rate from two counts as they may be shown: none when either is hidden. */
export function rate(moves: DisclosedCount, placementYears: DisclosedCount): Rate {
  if (typeof moves !== 'number' || typeof placementYears !== 'number') {
    return { moves, placementYears, per100: null, low: null, high: null };
  }
  const share = wilson(moves, placementYears);
  const per100 = (x: number | null) => (x === null ? null : x * 100);
  return {
    moves,
    placementYears,
    per100: per100(share.share),
    low: per100(share.low),
    high: per100(share.high),
  };
}

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

/**
 * The figures of the stability page from the database's counts. `hide`: counts are shown outside
 * the municipality they are about (a coordinator's pooled view): disclosure rules apply.
 */
export function stabilityFigures(
  rows: readonly StabilityCounts[],
  municipalityIds: readonly number[],
  years: readonly number[],
  hide: boolean,
): StabilityFigures {
  const options = hide ? {} : { threshold: 0 };
  const grid = (field: 'placementYears' | 'unplanned') =>
    municipalityIds.map((m) =>
      years.map((y) => sum(rows.filter((r) => r.municipalityId === m && r.year === y).map((r) => r[field]))),
    );
  const moves = discloseTable(grid('unplanned'), options);
  const placementYears = discloseTable(grid('placementYears'), options);
  const pair = (a: DisclosedCount[], b: DisclosedCount[]) => a.map((m, i) => rate(m, b[i] as DisclosedCount));

  const participation = PARTICIPATION.map((kind): ParticipationFigure => {
    const field = kind === 'good_start' ? 'goodStart' : kind;
    const group = (value: boolean | null) => rows.filter((r) => r[field] === value);
    const groups = [group(true), group(false), group(null)];
    const exact = groups.map((g) => ({
      moves: sum(g.map((r) => r.unplanned)),
      placementYears: sum(g.map((r) => r.placementYears)),
    }));
    // Without erased households there is no "unknown" group: no part of the line, shown as 0 of 0.
    const parts = (exact[2] as { placementYears: number }).placementYears > 0 ? exact : exact.slice(0, 2);
    const shownMoves = discloseParts(
      parts.map((e) => e.moves),
      options,
    ).parts;
    const shownYears = discloseParts(
      parts.map((e) => e.placementYears),
      options,
    ).parts;
    const [tookPart, didNot, unknown = rate(0, 0)] = pair(shownMoves, shownYears) as [Rate, Rate, Rate?];
    const [a, b] = exact as [(typeof exact)[0], (typeof exact)[0]];
    const said = verdict(wilson(a.moves, a.placementYears), wilson(b.moves, b.placementYears));
    return {
      kind,
      tookPart,
      didNot,
      unknown,
      verdict: said === 'too_thin' ? 'too_thin' : said === 'a_better' ? 'more' : 'fewer',
    };
  });

  return {
    years: [...years],
    municipalityIds: [...municipalityIds],
    cells: moves.cells.map((row, r) => pair(row, placementYears.cells[r] as DisclosedCount[])),
    byMunicipality: pair(moves.rowTotals, placementYears.rowTotals),
    byYear: pair(moves.columnTotals, placementYears.columnTotals),
    total: rate(moves.total, placementYears.total),
    participation,
  };
}

/** The years a stability page covers: the last `count` calendar years up to `today`'s. */
export function stabilityYears(today: string, count = 5): number[] {
  const last = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/**
 * The years to show: from the first year of `years` with any placement on. Years before any
 * placement are empty, not small: shown as "under 5" they would only hide the years after them
 * (their zeros would be known from the totals).
 */
export function yearsWithPlacements(rows: readonly StabilityCounts[], years: readonly number[]): number[] {
  const first = Math.min(...rows.filter((r) => r.placementYears > 0).map((r) => r.year));
  return years.filter((y) => y >= first);
}
