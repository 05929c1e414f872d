import Holidays from 'date-holidays';

/**
 * The Norwegian calendar the season planner needs: public holidays (computed, Easter included),
 * school holidays per municipality (rules with sensible defaults, expanded to dated periods the
 * team can edit), ISO weeks, and wall-clock times in Europe/Oslo turned into UTC instants.
 *
 * Dates are calendar dates as 'YYYY-MM-DD' strings: a café is "Tuesday 23 January" in Oslo
 * wherever the server runs, so nothing here reads the process's time zone.
 */

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'HH:MM', 24-hour, wall-clock time in Europe/Oslo */
export type LocalTime = string;
/** 'MM-DD', a day in any year */
export type MonthDay = string;
/** ISO weekday: 1 = Monday … 7 = Sunday (so Tuesday is 2 and Wednesday 3) */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const TIME_ZONE = 'Europe/Oslo';

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Calendar dates

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isLocalTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

function isMonthDay(value: string): boolean {
  // 2024 is a leap year, so 02-29 is a valid month-day.
  return /^\d{2}-\d{2}$/.test(value) && isIsoDate(`2024-${value}`);
}

/** Milliseconds of a date's midnight in UTC; only ever used for date arithmetic, never as an instant. */
function dayMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromDayMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromDayMs(Date.UTC(year, month - 1, day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayMs(dayMs(date) + days * DAY_MS);
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

export function weekdayOf(date: IsoDate): IsoWeekday {
  const sundayZero = new Date(dayMs(date)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 week number, the "uke 9" Norwegian calendars and school plans use. */
export function isoWeekOf(date: IsoDate): { year: number; week: number } {
  // The week belongs to the year its Thursday falls in.
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(isoDate(year, 1, 1), thursday) / 7) + 1 };
}

/** Monday of ISO week `week` of `year` (4 January is always in week 1). */
export function isoWeekMonday(year: number, week: number): IsoDate {
  const jan4 = isoDate(year, 1, 4);
  return addDays(jan4, 1 - weekdayOf(jan4) + (week - 1) * 7);
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time in Oslo ↔ UTC instants

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, ms: number): Record<string, number> {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(timeZone: string, ms: number): number {
  const p = partsIn(timeZone, ms);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The UTC instant (ISO string) of a wall-clock time on a date in a zone, e.g. 18:00 on
 * 2027-03-23 in Oslo is 17:00Z (CET) and on 2027-03-30 it is 16:00Z (CEST). Two passes: the
 * offset at the first guess can differ from the offset at the answer when a DST switch lies in
 * between. A time that does not exist (02:30 on the spring-forward night) moves forward an hour.
 */
export function zonedInstant(date: IsoDate, time: LocalTime, timeZone: string = TIME_ZONE): string {
  const [hour, minute] = time.split(':').map(Number);
  const wall = dayMs(date) + ((hour ?? 0) * 60 + (minute ?? 0)) * 60_000;
  const firstOffset = offsetAt(timeZone, wall);
  let instant = wall - firstOffset;
  const secondOffset = offsetAt(timeZone, instant);
  if (secondOffset !== firstOffset) instant = wall - secondOffset;
  return new Date(instant).toISOString();
}

/** The calendar date and wall-clock time of an instant in a zone. */
export function zonedDateTime(
  instant: string | Date,
  timeZone: string = TIME_ZONE,
): { date: IsoDate; time: LocalTime } {
  const p = partsIn(timeZone, new Date(instant).getTime());
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return {
    date: `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`,
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}

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
