import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekMonday,
  isoWeekOf,
  weekdayOf,
  zonedDateTime,
  zonedInstant,
} from '../../src/domain/calendar.js';
import {
  checkSchoolHolidayRules,
  DEFAULT_SCHOOL_HOLIDAY_RULES,
  easterSunday,
  publicHolidays,
  publicHolidaysOn,
  schoolHolidayOn,
  schoolHolidaysOf,
} from '../../src/domain/holidays.js';

// Hand-checked against the almanac: Easter Sunday, then Ascension Day (Easter + 39) and Whit
// Sunday/Monday (Easter + 49/50).
const EASTER = [
  { year: 2025, easter: '2025-04-20', ascension: '2025-05-29', whit: '2025-06-08', whitMonday: '2025-06-09' },
  { year: 2026, easter: '2026-04-05', ascension: '2026-05-14', whit: '2026-05-24', whitMonday: '2026-05-25' },
  { year: 2027, easter: '2027-03-28', ascension: '2027-05-06', whit: '2027-05-16', whitMonday: '2027-05-17' },
  { year: 2028, easter: '2028-04-16', ascension: '2028-05-25', whit: '2028-06-04', whitMonday: '2028-06-05' },
  { year: 2029, easter: '2029-04-01', ascension: '2029-05-10', whit: '2029-05-20', whitMonday: '2029-05-21' },
  { year: 2030, easter: '2030-04-21', ascension: '2030-05-30', whit: '2030-06-09', whitMonday: '2030-06-10' },
];

const dateOf = (year: number, key: string) => publicHolidays(year).find((h) => h.key === key)?.date;

describe('Norwegian public holidays', () => {
  it.each(EASTER)('computes Easter and the holidays that move with it in $year', (row) => {
    expect(easterSunday(row.year)).toBe(row.easter);
    expect(weekdayOf(row.easter)).toBe(7);
    expect(dateOf(row.year, 'easter_sunday')).toBe(row.easter);
    expect(dateOf(row.year, 'maundy_thursday')).toBe(addDays(row.easter, -3));
    expect(dateOf(row.year, 'good_friday')).toBe(addDays(row.easter, -2));
    expect(dateOf(row.year, 'easter_monday')).toBe(addDays(row.easter, 1));
    expect(dateOf(row.year, 'ascension_day')).toBe(row.ascension);
    expect(dateOf(row.year, 'whit_sunday')).toBe(row.whit);
    expect(dateOf(row.year, 'whit_monday')).toBe(row.whitMonday);
    expect(weekdayOf(row.ascension)).toBe(4);
  });

  it.each(EASTER)(
    'lists the twelve public holidays of $year and the fixed ones on their days',
    ({ year }) => {
      const list = publicHolidays(year);
      expect(list).toHaveLength(12);
      expect(new Set(list.map((h) => h.key)).size).toBe(12);
      expect(dateOf(year, 'new_years_day')).toBe(`${year}-01-01`);
      expect(dateOf(year, 'labour_day')).toBe(`${year}-05-01`);
      expect(dateOf(year, 'constitution_day')).toBe(`${year}-05-17`);
      expect(dateOf(year, 'christmas_day')).toBe(`${year}-12-25`);
      expect(dateOf(year, 'boxing_day')).toBe(`${year}-12-26`);
    },
  );

  it('names both holidays when 17 May is also Whit Monday (2027)', () => {
    expect(publicHolidaysOn('2027-05-17').map((h) => h.key)).toEqual(['constitution_day', 'whit_monday']);
    expect(publicHolidaysOn('2027-05-17')[0]?.name).toBe('Grunnlovsdagen');
  });

  it('does not count Christmas Eve, Palm Sunday or an ordinary Tuesday as public holidays', () => {
    expect(publicHolidaysOn('2026-12-24')).toEqual([]);
    expect(publicHolidaysOn('2026-03-29')).toEqual([]);
    expect(publicHolidaysOn('2026-03-17')).toEqual([]);
  });
});

describe('ISO weeks', () => {
  it('finds the Monday of a week and the week of a date', () => {
    expect(isoWeekMonday(2027, 9)).toBe('2027-03-01');
    expect(isoWeekMonday(2026, 9)).toBe('2026-02-23');
    expect(isoWeekMonday(2026, 40)).toBe('2026-09-28');
    expect(isoWeekMonday(2027, 40)).toBe('2027-10-04');
    expect(isoWeekOf('2027-03-03')).toEqual({ year: 2027, week: 9 });
    // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });
});

describe('school holidays', () => {
  it('expands the default rules (winter week 9, autumn week 40) for 2027', () => {
    expect(schoolHolidaysOf(2027)).toEqual([
      { kind: 'christmas', start: '2026-12-21', end: '2027-01-02' },
      { kind: 'winter', start: '2027-03-01', end: '2027-03-05', week: 9 },
      { kind: 'easter', start: '2027-03-21', end: '2027-03-29' },
      { kind: 'summer', start: '2027-06-20', end: '2027-08-15' },
      { kind: 'autumn', start: '2027-10-04', end: '2027-10-08', week: 40 },
      { kind: 'christmas', start: '2027-12-21', end: '2028-01-02' },
    ]);
  });

  it('follows a municipality with winter break in week 8, autumn break in week 41 and a planning day', () => {
    const holidays = schoolHolidaysOf(2026, {
      ...DEFAULT_SCHOOL_HOLIDAY_RULES,
      winterWeek: 8,
      autumnWeek: 41,
      extra: [{ kind: 'other', start: '2026-11-13', end: '2026-11-13', label: 'planleggingsdag' }],
    });
    expect(holidays.find((h) => h.kind === 'winter')).toEqual({
      kind: 'winter',
      start: '2026-02-16',
      end: '2026-02-20',
      week: 8,
    });
    expect(holidays.find((h) => h.kind === 'autumn')).toMatchObject({
      start: '2026-10-05',
      end: '2026-10-09',
    });
    expect(schoolHolidayOn('2026-11-13', holidays)?.label).toBe('planleggingsdag');
    expect(schoolHolidayOn('2026-02-24', holidays)).toBeNull();
    expect(schoolHolidayOn('2026-04-01', holidays)?.kind).toBe('easter');
  });

  it('leaves out breaks set to none', () => {
    const kinds = schoolHolidaysOf(2026, {
      winterWeek: null,
      autumnWeek: null,
      easter: false,
      christmas: null,
      summer: null,
      extra: [],
    });
    expect(kinds).toEqual([]);
  });

  it('reports every bad rule at once', () => {
    expect(checkSchoolHolidayRules(DEFAULT_SCHOOL_HOLIDAY_RULES)).toEqual([]);
    expect(
      checkSchoolHolidayRules({
        ...DEFAULT_SCHOOL_HOLIDAY_RULES,
        winterWeek: 0,
        summer: { start: '08-15', end: '06-20' },
        christmas: { start: '12-32', end: '01-02' },
        extra: [{ kind: 'other', start: '2026-11-14', end: '2026-11-13' }],
      }),
    ).toEqual([
      { field: 'winterWeek', rule: 'week' },
      { field: 'christmas.start', rule: 'month_day' },
      { field: 'summer.end', rule: 'order' },
      { field: 'extra.0.end', rule: 'order' },
    ]);
  });
});

describe('Oslo wall-clock time to UTC', () => {
  it('gives 17:00Z in winter time and 16:00Z in summer time around the March switch', () => {
    // Summer time 2027 starts on Sunday 28 March at 02:00.
    expect(zonedInstant('2027-03-23', '18:00')).toBe('2027-03-23T17:00:00.000Z');
    expect(zonedInstant('2027-03-27', '18:00')).toBe('2027-03-27T17:00:00.000Z');
    expect(zonedInstant('2027-03-28', '18:00')).toBe('2027-03-28T16:00:00.000Z');
    expect(zonedInstant('2027-03-30', '18:00')).toBe('2027-03-30T16:00:00.000Z');
    expect(zonedInstant('2027-03-30', '20:00')).toBe('2027-03-30T18:00:00.000Z');
  });

  it('switches back on the last Sunday of October', () => {
    expect(zonedInstant('2026-10-24', '18:00')).toBe('2026-10-24T16:00:00.000Z');
    expect(zonedInstant('2026-10-25', '18:00')).toBe('2026-10-25T17:00:00.000Z');
    expect(zonedInstant('2026-10-25', '01:30')).toBe('2026-10-24T23:30:00.000Z');
  });

  it('moves a time that does not exist forward, and reads an instant back', () => {
    expect(zonedInstant('2027-03-28', '02:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedDateTime('2027-03-30T16:00:00.000Z')).toEqual({ date: '2027-03-30', time: '18:00' });
    expect(zonedDateTime('2026-12-31T23:30:00.000Z')).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
