import Holidays from 'date-holidays';
import {
  addDays,
  daysBetween,
  type IsoDate,
  isIsoDate,
  isMonthDay,
  isoDate,
  isoWeekMonday,
  type MonthDay,
  TIME_ZONE,
} from './calendar.js';

/**
 * The Norwegian holidays the season planner needs: public holidays (computed, Easter included)
 * and school holidays per municipality (rules with sensible defaults, expanded to dated periods
 * the team can edit).
 */

// ---------------------------------------------------------------------------------------------
// Public holidays (helligdager)

/**
 * The Norwegian public holidays by a stable key, so problems can name them as data and the UI
 * translates ("faller på 17. mai"). Sundays are not listed: cafés are on weekdays anyway.
 */
export const PUBLIC_HOLIDAY_KEYS = [
  'new_years_day',
  'maundy_thursday',
  'good_friday',
  'easter_sunday',
  'easter_monday',
  'labour_day',
  'constitution_day',
  'ascension_day',
  'whit_sunday',
  'whit_monday',
  'christmas_day',
  'boxing_day',
] as const;
export type PublicHolidayKey = (typeof PUBLIC_HOLIDAY_KEYS)[number];

export interface PublicHoliday {
  date: IsoDate;
  /** 'other' if date-holidays ever lists a public holiday this table does not know */
  key: PublicHolidayKey | 'other';
  /** the Norwegian name from date-holidays, e.g. 'Grunnlovsdagen' */
  name: string;
}

/**
 * Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).
 * date-holidays computes the holidays themselves; this gives the Easter school week and lets the
 * holidays be keyed by their offset from Easter.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

const FIXED_HOLIDAYS: Record<string, PublicHolidayKey> = {
  '01-01': 'new_years_day',
  '05-01': 'labour_day',
  '05-17': 'constitution_day',
  '12-25': 'christmas_day',
  '12-26': 'boxing_day',
};

const EASTER_OFFSETS: Record<number, PublicHolidayKey> = {
  [-3]: 'maundy_thursday',
  [-2]: 'good_friday',
  0: 'easter_sunday',
  1: 'easter_monday',
  39: 'ascension_day',
  49: 'whit_sunday',
  50: 'whit_monday',
};

function keyOf(date: IsoDate, rule: string, easter: IsoDate): PublicHoliday['key'] {
  // date-holidays' rule says whether the day is movable ("easter 39") or fixed ("05-17"); in 2027
  // both Whit Monday and Constitution Day fall on 17 May and are listed apart.
  const key = rule.startsWith('easter')
    ? EASTER_OFFSETS[daysBetween(easter, date)]
    : FIXED_HOLIDAYS[date.slice(5)];
  return key ?? 'other';
}

let norway: Holidays | null = null;
const holidaysByYear = new Map<number, readonly PublicHoliday[]>();

/**
 * Norway's public holidays ("helligdager", type public in date-holidays) of a year, in date
 * order. Two holidays on one day (17 May 2027 is also Whit Monday) are two entries.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  norway ??= new Holidays('NO', { timezone: TIME_ZONE, languages: ['no'] });
  const easter = easterSunday(year);
  const list = norway
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => {
      const date = holiday.date.slice(0, 10);
      return { date, key: keyOf(date, holiday.rule, easter), name: holiday.name };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  holidaysByYear.set(year, list);
  return list;
}

/** The public holidays on a date: none, one, or (rarely) two. */
export function publicHolidaysOn(date: IsoDate): readonly PublicHoliday[] {
  return publicHolidays(Number(date.slice(0, 4))).filter((holiday) => holiday.date === date);
}

// ---------------------------------------------------------------------------------------------
// School holidays (skoleferier), per municipality

export const SCHOOL_HOLIDAY_KINDS = ['winter', 'easter', 'summer', 'autumn', 'christmas', 'other'] as const;
export type SchoolHolidayKind = (typeof SCHOOL_HOLIDAY_KINDS)[number];

/** One dated school holiday, start and end inclusive. This is what the planner reads. */
export interface SchoolHoliday {
  kind: SchoolHolidayKind;
  start: IsoDate;
  end: IsoDate;
  /** the ISO week of a week-long break ("vinterferie uke 9") */
  week?: number;
  /** free text for 'other', e.g. "planleggingsdag" */
  label?: string;
}

/**
 * How a municipality's school holidays fall, year after year. Municipalities differ (winter
 * break is week 8 in Oslo and Bergen, week 9 in most of the old Akershus and Buskerud), and each
 * school year can bring exceptions: `extra` holds dated periods (planning days, a moved break),
 * and the expanded list from `schoolHolidaysOf` can be edited before it is handed to the planner.
 */
export interface SchoolHolidayRules {
  /** ISO week of the winter break (vinterferie), Monday–Friday; null for none */
  winterWeek: number | null;
  /** ISO week of the autumn break (høstferie), Monday–Friday; null for none */
  autumnWeek: number | null;
  /** Easter week from Palm Sunday to Easter Monday */
  easter: boolean;
  /** Christmas break; `end` falls in the following year (e.g. 12-21 to 01-02) */
  christmas: { start: MonthDay; end: MonthDay } | null;
  summer: { start: MonthDay; end: MonthDay } | null;
  extra: readonly SchoolHoliday[];
}

/** Asker's pattern (the municipality of seed 000): winter break week 9, autumn break week 40. */
export const DEFAULT_SCHOOL_HOLIDAY_RULES: SchoolHolidayRules = {
  winterWeek: 9,
  autumnWeek: 40,
  easter: true,
  christmas: { start: '12-21', end: '01-02' },
  summer: { start: '06-20', end: '08-15' },
  extra: [],
};

export interface RuleError {
  field: string;
  rule: 'week' | 'month_day' | 'date' | 'order';
}

/** Checks rules typed in the municipality's settings; every problem at once. */
export function checkSchoolHolidayRules(rules: SchoolHolidayRules): RuleError[] {
  const errors: RuleError[] = [];
  for (const field of ['winterWeek', 'autumnWeek'] as const) {
    const week = rules[field];
    if (week !== null && !(Number.isInteger(week) && week >= 1 && week <= 52)) {
      errors.push({ field, rule: 'week' });
    }
  }
  for (const field of ['christmas', 'summer'] as const) {
    const range = rules[field];
    if (!range) continue;
    if (!isMonthDay(range.start)) errors.push({ field: `${field}.start`, rule: 'month_day' });
    if (!isMonthDay(range.end)) errors.push({ field: `${field}.end`, rule: 'month_day' });
    // Christmas wraps into the next year; summer must not.
    if (field === 'summer' && isMonthDay(range.start) && isMonthDay(range.end) && range.end < range.start) {
      errors.push({ field: 'summer.end', rule: 'order' });
    }
  }
  rules.extra.forEach((holiday, i) => {
    if (!isIsoDate(holiday.start)) errors.push({ field: `extra.${i}.start`, rule: 'date' });
    if (!isIsoDate(holiday.end)) errors.push({ field: `extra.${i}.end`, rule: 'date' });
    if (isIsoDate(holiday.start) && isIsoDate(holiday.end) && holiday.end < holiday.start) {
      errors.push({ field: `extra.${i}.end`, rule: 'order' });
    }
  });
  return errors;
}

/** A month-day in a given year; 02-29 in a common year becomes 03-01, as Date does. */
function onYear(year: number, monthDay: MonthDay): IsoDate {
  const [month, day] = monthDay.split('-').map(Number);
  return isoDate(year, month ?? 1, day ?? 1);
}

function weekBreak(kind: SchoolHolidayKind, year: number, week: number): SchoolHoliday {
  const monday = isoWeekMonday(year, week);
  return { kind, start: monday, end: addDays(monday, 4), week };
}

/**
 * The dated school holidays touching a calendar year, from the rules: both Christmas breaks
 * (the one ending in early January and the one starting in December), sorted by start.
 */
export function schoolHolidaysOf(
  year: number,
  rules: SchoolHolidayRules = DEFAULT_SCHOOL_HOLIDAY_RULES,
): SchoolHoliday[] {
  const list: SchoolHoliday[] = [];
  if (rules.christmas) {
    const { start, end } = rules.christmas;
    list.push({ kind: 'christmas', start: onYear(year - 1, start), end: onYear(year, end) });
    list.push({ kind: 'christmas', start: onYear(year, start), end: onYear(year + 1, end) });
  }
  if (rules.winterWeek !== null) list.push(weekBreak('winter', year, rules.winterWeek));
  if (rules.easter) {
    const easter = easterSunday(year);
    list.push({ kind: 'easter', start: addDays(easter, -7), end: addDays(easter, 1) });
  }
  if (rules.summer) {
    list.push({
      kind: 'summer',
      start: onYear(year, rules.summer.start),
      end: onYear(year, rules.summer.end),
    });
  }
  if (rules.autumnWeek !== null) list.push(weekBreak('autumn', year, rules.autumnWeek));
  for (const holiday of rules.extra) {
    if (holiday.start <= `${year}-12-31` && holiday.end >= `${year}-01-01`) list.push({ ...holiday });
  }
  return list.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

export function schoolHolidayOn(date: IsoDate, holidays: readonly SchoolHoliday[]): SchoolHoliday | null {
  return holidays.find((holiday) => holiday.start <= date && date <= holiday.end) ?? null;
}
