import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../src/domain/calendar.js';
import {
  compareGroups,
  median,
  shownNumber,
  shownShare,
  termOf,
  termRange,
  travelBand,
  verdict,
} from '../../src/domain/insight.js';
import { wilson } from '../../src/domain/statistics.js';

describe('travel-time bands', () => {
  it('puts each lower bound in its own band and keeps unknown apart', () => {
    expect([0, 14, 15, 29, 30, 59, 60, 89, 90, 600].map(travelBand)).toEqual([
      '0-15',
      '0-15',
      '15-30',
      '15-30',
      '30-60',
      '30-60',
      '60-90',
      '60-90',
      '90+',
      '90+',
    ]);
    expect(travelBand(null)).toBe('unknown');
    expect(travelBand(undefined)).toBe('unknown');
    expect(travelBand(-1)).toBe('unknown');
  });
});

describe('the verdict on two groups', () => {
  it('says "too thin" while a group has under 20, however different the shares', () => {
    expect(verdict(wilson(19, 19), wilson(0, 100))).toBe('too_thin');
    expect(verdict(wilson(0, 100), wilson(19, 19))).toBe('too_thin');
  });

  it('says "too thin" when the 95 % intervals overlap', () => {
    expect(verdict(wilson(12, 30), wilson(9, 30))).toBe('too_thin');
  });

  it('names the better group when the intervals are apart and both have 20 or more', () => {
    expect(verdict(wilson(30, 40), wilson(5, 40))).toBe('a_better');
    expect(verdict(wilson(5, 40), wilson(30, 40))).toBe('b_better');
  });

  it('compares the best group with the worst', () => {
    const groups = [
      { key: 'x', share: wilson(10, 50) },
      { key: 'y', share: wilson(40, 50) },
      { key: 'z', share: wilson(25, 50) },
      { key: 'none', share: wilson(0, 0) },
    ];
    const result = compareGroups(groups);
    expect(result?.a.key).toBe('y');
    expect(result?.b.key).toBe('x');
    expect(result?.verdict).toBe('a_better');
    expect(compareGroups([groups[0] as (typeof groups)[number]])).toBeNull();
  });
});

describe('shares and numbers as they may be shown', () => {
  it('shows everything to the team', () => {
    expect(shownShare(3, 7, false)).toEqual(wilson(3, 7));
  });

  it('hides a count under 5 and the share made from it', () => {
    expect(shownShare(3, 40, true)).toEqual({
      count: { under: 5 },
      of: 40,
      share: null,
      low: null,
      high: null,
    });
    expect(shownShare(4, 4, true)).toMatchObject({ count: { under: 5 }, of: { under: 5 }, share: null });
    expect(shownShare(6, 40, true)).toEqual(wilson(6, 40));
  });

  it('hides a mean that stands on fewer than 5 values', () => {
    expect(shownNumber(4.5, 4, true)).toBeNull();
    expect(shownNumber(4.5, 4, false)).toBe(4.5);
    expect(shownNumber(4.5, 5, true)).toBe(4.5);
  });
});

describe('median, weekdays and seasons', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([63, 7, 120])).toBe(63);
    expect(median([10, 40, 20, 30])).toBe(25);
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf('2024-11-19')).toBe(2); // a Tuesday
    expect(weekdayOf('2024-11-27')).toBe(3); // a Wednesday
    expect(weekdayOf('2024-12-01')).toBe(7); // a Sunday
  });

  it('splits the year into spring and autumn', () => {
    expect(termRange('spring', 2025)).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(termRange('autumn', 2025)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(termOf('2025-06-30')).toEqual({ term: 'spring', year: 2025 });
    expect(termOf('2025-07-01')).toEqual({ term: 'autumn', year: 2025 });
  });
});
