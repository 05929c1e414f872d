/**
 * The rules of the insight pages, without I/O: travel-time bands, seasons, the median, shares
 * as they may be shown, and the plain-language verdict on two groups.
 */
import {
  clearlyDifferent,
  type Share,
  type ShownCount,
  SMALL_COUNT,
  suppress,
  wilson,
} from './statistics.js';

/** Travel-time bands in minutes: 0–15, 15–30, 30–60, 60–90, 90+ (lower bound included), unknown. */
export const TRAVEL_BANDS = ['0-15', '15-30', '30-60', '60-90', '90+', 'unknown'] as const;
export type TravelBand = (typeof TRAVEL_BANDS)[number];

export function travelBand(minutes: number | null | undefined): TravelBand {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return 'unknown';
  if (minutes < 15) return '0-15';
  if (minutes < 30) return '15-30';
  if (minutes < 60) return '30-60';
  if (minutes < 90) return '60-90';
  return '90+';
}

/** A group needs at least this many households (invitations) before a difference is told. */
const MIN_GROUP = 20;

/**
 * What may honestly be said about two shares: 'too_thin' while either group has fewer than
 * MIN_GROUP or their 95 % intervals overlap ("too little data to say yet"), otherwise which is better.
 */
export type Verdict = 'too_thin' | 'a_better' | 'b_better';

export function verdict(a: Share, b: Share): Verdict {
  if (a.of < MIN_GROUP || b.of < MIN_GROUP || !clearlyDifferent(a, b)) return 'too_thin';
  return (a.share ?? 0) > (b.share ?? 0) ? 'a_better' : 'b_better';
}

/** A share as it may be shown: with small counts hidden, and then no share or interval either. */
export interface ShownShare {
  count: ShownCount;
  of: ShownCount;
  share: number | null;
  low: number | null;
  high: number | null;
}

export function shownShare(count: number, of: number, hide: boolean): ShownShare {
  const share = wilson(count, of);
  if (hide && (count < SMALL_COUNT || of < SMALL_COUNT)) {
    return { count: suppress(count, hide), of: suppress(of, hide), share: null, low: null, high: null };
  }
  return share;
}

/** A mean or median may be shown only when it stands on enough values. */
export function shownNumber(value: number | null, basis: number, hide: boolean): number | null {
  return hide && basis < SMALL_COUNT ? null : value;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export type Term = 'spring' | 'autumn';

/** The café seasons: spring is January–June, autumn July–December. */
export function termRange(term: Term, year: number): { from: string; to: string } {
  return term === 'spring'
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

export function termOf(date: string): { term: Term; year: number } {
  return { term: Number(date.slice(5, 7)) <= 6 ? 'spring' : 'autumn', year: Number(date.slice(0, 4)) };
}

/** Of several groups, the one with the highest share against the one with the lowest (of those with data). */
export function compareGroups<G extends { share: Share }>(
  groups: readonly G[],
): { a: G; b: G; verdict: Verdict } | null {
  const known = groups.filter((g) => g.share.share !== null);
  if (known.length < 2) return null;
  const sorted = [...known].sort((x, y) => (y.share.share ?? 0) - (x.share.share ?? 0));
  const a = sorted[0] as G;
  const b = sorted.at(-1) as G;
  return { a, b, verdict: verdict(a.share, b.share) };
}
