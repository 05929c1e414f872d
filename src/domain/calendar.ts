/**
 * Dates and times in Norway: calendar dates, ISO weeks, "today in Oslo", and wall-clock times in
 * Europe/Oslo turned into UTC instants. No library and no I/O, so the web app uses the same
 * functions (public and school holidays, which need date-holidays, are in holidays.ts).
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

export function isMonthDay(value: string): boolean {
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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An Intl.DateTimeFormat made once per locale and options and kept: making one costs far more
 * than using it, and the answer pages, the sending and the letters format a date per household.
 * Throws as the constructor does for an unknown locale.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

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

/** Today's date in Oslo ('YYYY-MM-DD'), wherever the server or the browser runs. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return zonedDateTime(now).date;
}
