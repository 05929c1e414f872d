/**
 * The arithmetic of the insight pages: shares with honest uncertainty, and small counts hidden
 * where another municipality could see them.
 */

export interface Share {
  /** How many of `of` did it. */
  count: number;
  of: number;
  /** count / of, or null when of = 0 */
  share: number | null;
  /** The 95 % Wilson score interval of the share; null when of = 0. */
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

/**
 * A share with its 95 % Wilson score interval: unlike the textbook ± interval it stays inside
 * 0–1 and is honest for the small counts a municipality has (3 of 7).
 */
export function wilson(count: number, of: number, z = Z95): Share {
  if (!Number.isInteger(count) || !Number.isInteger(of) || count < 0 || of < 0 || count > of) {
    throw new RangeError(`wilson: need whole numbers 0 ≤ count ≤ of, got ${count} of ${of}`);
  }
  if (of === 0) return { count, of, share: null, low: null, high: null };
  const p = count / of;
  const z2 = z * z;
  const denominator = 1 + z2 / of;
  const centre = (p + z2 / (2 * of)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of))) / denominator;
  // At the edges the interval touches 0 or 1 exactly (not 0.9999999999999999).
  const low = count === 0 ? 0 : Math.max(0, centre - half);
  const high = count === of ? 1 : Math.min(1, centre + half);
  return { count, of, share: p, low, high };
}

/** Two shares can be told apart when their 95 % intervals do not overlap (a cautious reading). */
export function clearlyDifferent(a: Share, b: Share): boolean {
  if (a.low === null || a.high === null || b.low === null || b.high === null) return false;
  return a.low > b.high || b.low > a.high;
}

/** Counts under this are shown as "under 5" where another municipality can see them. */
export const SMALL_COUNT = 5;

/** A count as it may be shown: exact, or hidden as { under: 5 }. Zero is hidden too (it is small). */
export type ShownCount = number | { under: number };

export function suppress(count: number, hide: boolean): ShownCount {
  return hide && count < SMALL_COUNT ? { under: SMALL_COUNT } : count;
}
