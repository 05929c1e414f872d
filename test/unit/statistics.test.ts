import { describe, expect, it } from 'vitest';
import { clearlyDifferent, suppress, wilson } from '../../src/domain/statistics.js';

describe('shares with a 95 % Wilson interval', () => {
  it('matches the textbook values', () => {
    // Wilson (1927) / Newcombe (1998) example: 81 of 263 → 0.2553 to 0.3662.
    const s = wilson(81, 263);
    expect(s.share).toBeCloseTo(0.308, 3);
    expect(s.low).toBeCloseTo(0.2553, 3);
    expect(s.high).toBeCloseTo(0.3662, 3);
  });

  it('stays inside 0–1 at the edges, where the ± interval does not', () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 3);
    expect(wilson(10, 10).high).toBe(1);
  });

  it('has no share of nobody, and refuses impossible counts', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, of: 0, share: null, low: null, high: null });
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });

  it('tells two shares apart only when their intervals do not overlap', () => {
    expect(clearlyDifferent(wilson(3, 7), wilson(2, 6))).toBe(false);
    expect(clearlyDifferent(wilson(90, 100), wilson(20, 100))).toBe(true);
  });
});

describe('small counts', () => {
  it('are shown as "under 5" only where they must be hidden', () => {
    expect(suppress(4, true)).toEqual({ under: 5 });
    expect(suppress(0, true)).toEqual({ under: 5 });
    expect(suppress(5, true)).toBe(5);
    expect(suppress(3, false)).toBe(3);
  });
});
