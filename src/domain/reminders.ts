import { addDays, type IsoDate, zonedDateTime, zonedInstant } from './calendar.js';

/**
 * When reminders go. The team's schedule is a list of days before the event (`event.reminders`);
 * each is due at 10:00 Oslo time that many days before the event's date, and the team can also
 * send one now, to one group. The rules:
 *
 * - nothing in quiet hours (20:00–09:00 Oslo): a reminder that falls due then goes at 09:00;
 * - per event only the latest reminder that is due (the smallest d): when the team sets the
 *   schedule late, or the job was down, households get one reminder, not two at once;
 * - a reminder is left out once it is more than STALE_HOURS past its time, and once the event
 *   has started.
 *
 * Who gets one, and that none goes twice, is sending's (features/sending/worker.ts).
 */

/** The days before an event a reminder may go (the CHECK on event.reminders, migration 0009). */
export const REMINDER_DAYS = [1, 2, 3, 4, 5, 6, 7, 10, 14] as const;
/** Who the team can remind now: invited without an answer, coming (not waiting), or maybe. */
export const REMINDER_GROUPS = ['silent', 'coming', 'maybe'] as const;
export type ReminderGroup = (typeof REMINDER_GROUPS)[number];

/** Reminders go at this time of day, Oslo. */
export const REMINDER_TIME = '10:00';
/** Quiet hours, Oslo: no reminder goes from QUIET_FROM until QUIET_UNTIL. */
export const QUIET_FROM = '20:00';
export const QUIET_UNTIL = '09:00';
/** A reminder more than this many hours past its time is not sent any more. */
export const STALE_HOURS = 36;

/** Whether `now` is in quiet hours in Oslo (20:00–09:00). */
export function inQuietHours(now: Date): boolean {
  const { time } = zonedDateTime(now);
  return time >= QUIET_FROM || time < QUIET_UNTIL;
}

/** The first moment outside quiet hours at or after `now`. */
export function outsideQuietHours(now: Date): Date {
  if (!inQuietHours(now)) return now;
  const { date, time } = zonedDateTime(now);
  const day = time >= QUIET_FROM ? addDays(date as IsoDate, 1) : date;
  return new Date(zonedInstant(day, QUIET_UNTIL));
}

/** When the reminder `days` before an event starting at `startsAt` is due: 10:00 Oslo that day. */
export function reminderDueAt(startsAt: Date, days: number): Date {
  const { date } = zonedDateTime(startsAt);
  return new Date(zonedInstant(addDays(date as IsoDate, -days), REMINDER_TIME));
}

/**
 * The reminder of the schedule that is due at `now`: the latest one whose time has come, unless
 * it is stale or the event has started. Quiet hours are the caller's business.
 */
export function dueReminder(
  reminders: number[],
  startsAt: Date,
  now: Date,
): { days: number; dueAt: Date } | undefined {
  if (now.getTime() >= startsAt.getTime()) return undefined;
  const due = reminders
    .map((days) => ({ days, dueAt: reminderDueAt(startsAt, days) }))
    .filter((r) => r.dueAt.getTime() <= now.getTime())
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())[0];
  if (!due || now.getTime() - due.dueAt.getTime() > STALE_HOURS * 3_600_000) return undefined;
  return due;
}

/** The purpose of a scheduled reminder's messages: 'reminder:<days>'. */
export function scheduledReminderPurpose(days: number): string {
  return `reminder:${days}`;
}

/**
 * The purpose of a reminder the team sends now: 'reminder:now-<group>-<yyyymmddhhmm>', the minute
 * in Oslo («202701191030»).
 */
export function nowReminderPurpose(group: ReminderGroup, now: Date): string {
  const { date, time } = zonedDateTime(now);
  return `reminder:now-${group}-${date.replaceAll('-', '')}${time.replace(':', '')}`;
}
