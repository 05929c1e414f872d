import type { Database } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import { addDays, type IsoDate, zonedDateTime, zonedInstant } from '../../domain/calendar.js';
import type { Jobs } from '../../server/deps.js';
import { audit } from '../audit/index.js';
import { queueNotices } from '../sending/queries.js';
import * as q from './queries.js';

/**
 * Reminders on the team's schedule (issue 7 point 4). Each day d of `event.reminders` is a
 * reminder due at 10:00 Oslo time d days before the event's date. A pg-boss job every 15 minutes
 * (src/app/jobs.ts) runs sendDueReminders:
 *
 * - nothing in quiet hours (20:00–09:00 Oslo): a reminder that falls due then goes at 09:00;
 * - per event only the latest reminder that is due (the smallest d): when the team sets the
 *   schedule late, or the job was down, households get one reminder, not two at once;
 * - a reminder is left out once it is more than STALE_HOURS past its time, and once the event
 *   has started;
 * - it goes to households whose invitation reached them before the reminder was due (not one
 *   that was just invited), that have not said no, and are not on the waiting list (they hear
 *   by `promotion` when a place comes free; "we look forward to seeing you" would mislead);
 * - as 'reminder:<d>', which queueNotices never queues twice for an invitation.
 *
 * The worker renders it, warmer for a household that has never been checked in anywhere.
 */

/** Run by pg-boss every 15 minutes. */
export const REMINDERS_CRON = '*/15 * * * *';
/** Reminders go at this time of day, Oslo. */
export const REMINDER_TIME = '10:00';
/** Quiet hours, Oslo: no reminder goes from QUIET_FROM until QUIET_UNTIL. */
export const QUIET_FROM = '20:00';
export const QUIET_UNTIL = '09:00';
/** A reminder more than this many hours past its time is not sent any more. */
export const STALE_HOURS = 36;
/** The longest schedule is 14 days before; look a little further. */
const LOOKAHEAD_DAYS = 15;

export interface ReminderDeps {
  db: Database;
  jobs: Pick<Jobs, 'sendMessages'>;
}

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

export interface DueRemindersResult {
  /** Events with a reminder due. */
  events: number;
  /** Reminder messages queued. */
  queued: number;
}

/**
 * One run of the reminder job. Which events may have a reminder due is found as landsby_system
 * (ids, dates and schedules only); the households are chosen and the messages queued in each
 * event's own tenant.
 */
export async function sendDueReminders(
  deps: ReminderDeps,
  now: Date = new Date(),
): Promise<DueRemindersResult> {
  const result: DueRemindersResult = { events: 0, queued: 0 };
  if (inQuietHours(now)) return result;
  const candidates = await asSystem(deps.db, (tx) => q.eventsWithReminders(tx, now, LOOKAHEAD_DAYS));
  for (const candidate of candidates) {
    const due = dueReminder(candidate.reminders, new Date(candidate.startsAt), now);
    if (!due) continue;
    result.events++;
    const { municipalityId, eventId } = candidate;
    const ctx: TenantContext = { municipalityId, userId: null, ip: null };
    const purpose = `reminder:${due.days}`;
    const queued = await inTenant(deps.db, ctx, async (tx) => {
      // The schedule as it is now, under the event's lock (the team may have just changed it).
      const settings = await q.findReminderSettings(tx, municipalityId, eventId, true);
      if (settings?.status !== 'planned') return 0;
      const still = dueReminder(settings.reminders, settings.startsAt, now);
      if (still?.days !== due.days) return 0;
      const targets = await q.reminderTargets(tx, municipalityId, eventId, 'not_declined', {
        sentBefore: due.dueAt,
      });
      const count = await queueNotices(tx, municipalityId, eventId, targets, purpose);
      if (count > 0) {
        await audit(tx, ctx, {
          action: 'create',
          recordType: 'message',
          details: { eventId, reminder: purpose, queued: count },
        });
      }
      return count;
    });
    if (queued > 0) await deps.jobs.sendMessages({ municipalityId, eventId });
    result.queued += queued;
  }
  return result;
}
