import { addDays, type IsoDate } from './calendar.js';

// The half-year summary («Erfaringer fra siste halvår», seed 003: deliberately not called a
// report) covers January–June or July–December. A half-year is named 'YYYY-H1' or 'YYYY-H2'.

export type HalfYear = string;

export const HALF_YEAR_PATTERN = '^20[0-9]{2}-H[12]$';
/** The resource family's general description, in characters. */
export const SUMMARY_DESCRIPTION_MAX = 4000;
/** The caseworker's comment, in characters. */
export const SUMMARY_COMMENT_MAX = 1000;
/** The reminder goes this many days before the half-year's last day. */
export const SUMMARY_REMINDER_DAYS = 14;

export function isHalfYear(value: string): boolean {
  return new RegExp(HALF_YEAR_PATTERN).test(value);
}

/** The half-year a day falls in. */
export function halfYearOf(date: IsoDate): HalfYear {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The first and the last day of a half-year. */
export function halfYearRange(halfYear: HalfYear): { from: IsoDate; to: IsoDate } {
  const year = halfYear.slice(0, 4);
  return halfYear.endsWith('H1')
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The half-year before. */
export function previousHalfYear(halfYear: HalfYear): HalfYear {
  return halfYearOf(addDays(halfYearRange(halfYear).from, -1));
}

/** The day the reminder is due: two weeks before the half-year's last day. */
export function reminderDay(halfYear: HalfYear): IsoDate {
  return addDays(halfYearRange(halfYear).to, -SUMMARY_REMINDER_DAYS);
}
