import { inTenant, type TenantContext } from '../../../db/tenant.js';
import {
  inQuietHours,
  nowReminderPurpose,
  outsideQuietHours,
  REMINDER_DAYS,
  type ReminderGroup,
} from '../../../domain/reminders.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { remindersClosed } from '../errors.js';
import * as events from '../queries/event.js';
import { reminderTargets } from '../queries/invitation.js';
import { holdReminders, queueNotices } from '../queries/message.js';

/**
 * The team's reminders: the schedule (days before the event, domain/reminders.ts) and a reminder
 * now to one group. The scheduled ones are queued by the reminder job (worker.ts).
 */

/** A second "send now" to the same group within this long is the same click. */
const NOW_REMINDER_WINDOW_MS = 2 * 60_000;

/** When the reminders go: days before the event (empty: none). */
export async function setReminderDays(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  days: number[],
): Promise<{ reminders: number[] }> {
  const unique = [...new Set(days)].sort((a, b) => b - a);
  if (unique.some((d) => !(REMINDER_DAYS as readonly number[]).includes(d))) {
    throw invalid([{ field: 'days', rule: 'enum' }]);
  }
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await events.findReminderSettings(tx, ctx.municipalityId, eventId, true))) throw notFound();
    await events.setReminders(tx, ctx.municipalityId, eventId, unique);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { reminders: unique },
    });
  });
  return { reminders: unique };
}

/**
 * A reminder now to one group: silent (invited, no answer), coming (confirmed; not the waiting
 * list) or maybe. Only households whose invitation reached them. Its purpose is
 * 'reminder:now-<group>-<yyyymmddhhmm>'; a household that had a reminder to the same group in the
 * last two minutes is left out, so a double click (even across a minute) sends once. Asked for in
 * quiet hours (20:00–09:00 Oslo), it goes at 09:00.
 */
export async function remindNow(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  group: ReminderGroup,
  now: Date = new Date(),
): Promise<{ queued: number; at: string }> {
  const purpose = nowReminderPurpose(group, now);
  const at = outsideQuietHours(now);
  const queued = await inTenant(deps.db, ctx, async (tx) => {
    // The event's lock makes two clicks take turns: the second sees what the first queued.
    const settings = await events.findReminderSettings(tx, ctx.municipalityId, eventId, true);
    if (!settings) throw notFound();
    if (settings.status !== 'planned' || settings.startsAt.getTime() <= now.getTime()) {
      throw remindersClosed();
    }
    const targets = await reminderTargets(tx, ctx.municipalityId, eventId, group, {
      notSince: {
        prefix: `reminder:now-${group}-`,
        at: new Date(now.getTime() - NOW_REMINDER_WINDOW_MS),
      },
    });
    const count = await queueNotices(tx, ctx.municipalityId, eventId, targets, purpose);
    if (count > 0 && inQuietHours(now)) await holdReminders(tx, ctx.municipalityId, eventId, purpose, at);
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'message',
      details: { eventId, reminder: purpose, group, queued: count },
    });
    return count;
  });
  if (queued > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId }, at);
  return { queued, at: at.toISOString() };
}
