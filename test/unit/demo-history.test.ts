import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../src/domain/calendar.js';
import { DEFAULT_SCHOOL_HOLIDAY_RULES } from '../../src/domain/holidays.js';
import { checkCafeDate, SEASON_MONTHS } from '../../src/domain/season.js';
import { pastCafeDates } from '../../src/features/demo/service/seed-history.js';
import { holidaysAround } from '../../src/features/school-holidays/index.js';

// The demo's held cafés keep the planner's own rules: a team looking at them should not see a
// café on 29 July or in Easter week that Landsby itself would never have proposed.
describe('the demo’s past cafés', () => {
  const today = '2026-12-03';
  const schoolHolidays = holidaysAround(DEFAULT_SCHOOL_HOLIDAY_RULES, 2026);
  const dates = pastCafeDates(today, 6, schoolHolidays);

  it('fall in the season months, on Tuesdays and Wednesdays, before today, oldest first', () => {
    expect(dates).toHaveLength(6);
    const months: number[] = [...SEASON_MONTHS.spring, ...SEASON_MONTHS.autumn];
    for (const date of dates) {
      expect(months, date).toContain(Number(date.slice(5, 7)));
      expect([2, 3], date).toContain(weekdayOf(date));
      expect(date < today).toBe(true);
    }
    expect([...dates].sort()).toEqual(dates);
    expect(dates.map((d) => d.slice(0, 7))).toEqual([
      '2025-11',
      '2026-01',
      '2026-03',
      '2026-05',
      '2026-09',
      '2026-11',
    ]);
  });

  it('break none of the planner’s date rules: no holiday, no Easter week, no summer', () => {
    for (const date of dates) {
      expect(
        checkCafeDate({ date }, { schoolHolidays }).filter((p) => p.severity !== 'info'),
        date,
      ).toEqual([]);
    }
    expect(dates.some((d) => d.slice(5, 7) === '07')).toBe(false);
    // Easter 2026: Palm Sunday 29 March to Easter Monday 6 April.
    expect(dates.some((d) => d >= '2026-03-28' && d <= '2026-04-06')).toBe(false);
  });
});
