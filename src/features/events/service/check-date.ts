import type { LocalTime } from '../../../domain/calendar.js';
import type { SchoolHolidayRules } from '../../../domain/holidays.js';
import { blockingProblems, checkCafeDate } from '../../../domain/season.js';
import { holidaysAround } from '../../school-holidays/index.js';
import { dateNotAllowed } from '../errors.js';

/**
 * The hard date rule for a café the team sets or accepts: never on a public holiday or in a school
 * holiday (domain/season.ts blockingProblems) unless confirmed; otherwise 400 cafe.date_not_allowed
 * naming the problems. `rules` are the municipality's school holidays (read once for many dates).
 */
export function refuseBlockedDate(
  evening: { date: string; startTime?: LocalTime; endTime?: LocalTime },
  rules: SchoolHolidayRules,
): void {
  const year = Number(evening.date.slice(0, 4));
  const problems = blockingProblems(checkCafeDate(evening, { schoolHolidays: holidaysAround(rules, year) }));
  if (problems.length > 0) throw dateNotAllowed(evening.date, problems);
}
