import { addDays, daysBetween, type IsoDate } from './calendar.js';

// Supervision talks (veiledning, seed 003): the network's two caseworkers meet the resource family
// «minimum hver 14. dag» at first; how often is adjusted per network as the need changes.

/** The interval a network starts with, in days. */
export const SUPERVISION_DEFAULT_DAYS = 14;
/** The longest interval a network can be given (about half a year). */
export const SUPERVISION_MAX_DAYS = 180;
/** The staff-only note of a talk, in characters. */
export const SUPERVISION_NOTE_MAX = 1000;

/** The day the next talk is due: the last talk (or, before the first, the network's start) + the interval. */
export function nextTalkDue(lastHeldOn: IsoDate | null, startedOn: IsoDate, intervalDays: number): IsoDate {
  return addDays(lastHeldOn ?? startedOn, intervalDays);
}

/** Days past the due day (0 when the talk is not overdue yet: the due day itself is on time). */
export function daysOverdue(dueOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(dueOn, today));
}
