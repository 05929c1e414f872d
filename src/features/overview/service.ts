import type { ChannelName } from '../../channels/types.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { zonedDateTime } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import type { AnswerInput, Diet } from '../answers/queries.js';
import { type SavedAnswer, saveAnswer } from '../answers/service.js';
import { audit, auditListRead } from '../audit/index.js';
import { queueNotices } from '../sending/queries.js';
import * as q from './queries.js';
import { inQuietHours, outsideQuietHours } from './reminders.js';

/** The days before an event a reminder may go (the CHECK on event.reminders, migration 0009). */
export const REMINDER_DAYS = [1, 2, 3, 4, 5, 6, 7, 10, 14] as const;
export const REMINDER_GROUPS = ['silent', 'coming', 'maybe'] as const;

/** A second "send now" to the same group within this long is the same click. */
const NOW_REMINDER_WINDOW_MS = 2 * 60_000;

interface ChannelCounts {
  channel: ChannelName;
  invited: number;
  answered: number;
  coming: number;
}

/**
 * The team's overview of one event at a glance. Invited = households with an invitation
 * (sent or on its way); answered = with an answer; coming = confirmed (coming and not on the
 * waiting list), in households, adults and children; silent = invited without an answer. Food
 * counts the persons coming and not waiting, the households per diet (and their persons), and the
 * free-text notes, without names.
 */
export async function getOverview(deps: Deps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const settings = await q.findReminderSettings(tx, ctx.municipalityId, eventId);
    if (!settings) throw notFound();
    const rows = await q.overviewRows(tx, ctx.municipalityId, eventId);
    const sent = await q.remindersSent(tx, ctx.municipalityId, eventId);
    await auditListRead(
      tx,
      ctx,
      'household',
      rows.map((r) => r.id),
    );

    const counts = {
      invited: rows.length,
      answered: 0,
      coming: { households: 0, adults: 0, children: 0 },
      notComing: 0,
      maybe: 0,
      silent: 0,
      waiting: { households: 0, persons: 0 },
    };
    const diets = new Map<Diet, { households: number; persons: number }>();
    const notes: string[] = [];
    const byChannel = new Map<ChannelName, ChannelCounts>();
    for (const row of rows) {
      const channel =
        byChannel.get(row.channel) ??
        (byChannel
          .set(row.channel, { channel: row.channel, invited: 0, answered: 0, coming: 0 })
          .get(row.channel) as ChannelCounts);
      channel.invited++;
      if (!row.response) {
        counts.silent++;
        continue;
      }
      counts.answered++;
      channel.answered++;
      const persons = (row.adults ?? 0) + (row.children ?? 0);
      if (row.response === 'not_coming') counts.notComing++;
      else if (row.response === 'maybe') counts.maybe++;
      else if (row.place !== null) {
        counts.waiting.households++;
        counts.waiting.persons += persons;
      } else {
        counts.coming.households++;
        counts.coming.adults += row.adults ?? 0;
        counts.coming.children += row.children ?? 0;
        channel.coming++;
        for (const diet of row.diet ?? []) {
          const d = diets.get(diet) ?? diets.set(diet, { households: 0, persons: 0 }).get(diet);
          if (!d) continue;
          d.households++;
          d.persons += persons;
        }
        if (row.dietNote?.trim()) notes.push(row.dietNote.trim());
      }
    }
    const persons = counts.coming.adults + counts.coming.children;
    return {
      eventId,
      capacity: settings.capacity,
      free: settings.capacity === null ? null : Math.max(0, settings.capacity - persons),
      reminders: [...settings.reminders].sort((a, b) => b - a),
      remindersSent: sent.map((r) => ({
        key: r.purpose.slice('reminder:'.length),
        households: r.households,
        at: new Date(r.at).toISOString(),
      })),
      counts,
      food: {
        served: settings.food,
        persons,
        adults: counts.coming.adults,
        children: counts.coming.children,
        diets: [...diets.entries()]
          .map(([diet, d]) => ({ diet, ...d }))
          .sort((a, b) => b.households - a.households || a.diet.localeCompare(b.diet)),
        notes: notes.sort((a, b) => a.localeCompare(b, 'nb')),
      },
      byChannel: [...byChannel.values()],
      households: rows.map((r) => ({
        id: r.id,
        name: r.name,
        channel: r.channel,
        response: r.response,
        adults: r.adults ?? 0,
        children: r.children ?? 0,
        diet: r.diet ?? [],
        dietNote: r.dietNote,
        comment: r.comment,
        place: r.place,
        firstTime: r.firstTime,
        answeredBy: r.answeredBy,
      })),
    };
  });
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;

/** When the reminders go: days before the event (empty: none). */
export async function setReminderDays(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  days: number[],
): Promise<{ reminders: number[] }> {
  const unique = [...new Set(days)].sort((a, b) => b - a);
  if (unique.some((d) => !(REMINDER_DAYS as readonly number[]).includes(d))) {
    throw new AppError('validation.invalid', 400, [{ field: 'days', rule: 'enum' }]);
  }
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.findReminderSettings(tx, ctx.municipalityId, eventId, true))) throw notFound();
    await q.setReminders(tx, ctx.municipalityId, eventId, unique);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { reminders: unique },
    });
  });
  return { reminders: unique };
}

/** «202701191030»: the minute in Oslo, for the key of a reminder sent now. */
function osloMinute(now: Date): string {
  const { date, time } = zonedDateTime(now);
  return `${date.replaceAll('-', '')}${time.replace(':', '')}`;
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
  group: q.ReminderGroup,
  now: Date = new Date(),
): Promise<{ queued: number; at: string }> {
  const purpose = `reminder:now-${group}-${osloMinute(now)}`;
  const at = outsideQuietHours(now);
  const queued = await inTenant(deps.db, ctx, async (tx) => {
    // The event's lock makes two clicks take turns: the second sees what the first queued.
    const settings = await q.findReminderSettings(tx, ctx.municipalityId, eventId, true);
    if (!settings) throw notFound();
    if (settings.status !== 'planned' || settings.startsAt.getTime() <= now.getTime()) {
      throw new AppError('reminders.closed', 409);
    }
    const targets = await q.reminderTargets(tx, ctx.municipalityId, eventId, group, {
      notSince: {
        prefix: `reminder:now-${group}-`,
        at: new Date(now.getTime() - NOW_REMINDER_WINDOW_MS),
      },
    });
    const count = await queueNotices(tx, ctx.municipalityId, eventId, targets, purpose);
    if (count > 0 && inQuietHours(now)) await q.holdReminders(tx, ctx.municipalityId, eventId, purpose, at);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The team notes a household's answer (a phone call) as saveAnswer does for the household,
 * marked as the team's. The household must have an invitation to the event: 404 otherwise.
 */
export async function noteAnswer(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  input: AnswerInput,
): Promise<{ status: SavedAnswer['status']; place: number | null }> {
  const invitationId = await inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.findReminderSettings(tx, ctx.municipalityId, eventId))) throw notFound();
    return UUID.test(householdId) ? q.invitationOf(tx, ctx.municipalityId, eventId, householdId) : undefined;
  });
  if (!invitationId) throw notFound();
  const saved = await saveAnswer(deps, ctx, invitationId, input, 'team');
  return { status: saved.status, place: saved.place };
}
