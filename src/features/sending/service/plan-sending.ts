import type { ChannelName } from '../../../channels/types.js';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { addDays, type IsoDate, weekdayOf, zonedInstant } from '../../../domain/calendar.js';
import { chooseChannel, usableChannels } from '../../../domain/channel-choice.js';
import type { SendingState, SendingStatus } from '../../../domain/sending.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { invitedHouseholds } from '../../audience/index.js';
import { audit, auditListRead } from '../../audit/index.js';
import { findEvent } from '../../events/index.js';
import type { SendingCounts, SendingView } from '../contract.js';
import { channelUnusable, eventCancelled, eventPassed, noVenue } from '../errors.js';
import * as healthSql from '../queries/channel-health.js';
import * as eventsSql from '../queries/event.js';
import * as heldSql from '../queries/held-back.js';
import * as householdsSql from '../queries/household.js';
import * as messagesSql from '../queries/message.js';
import { suggestedChannels } from './suggest-channels.js';

/**
 * Invitations go out 4–5 weeks before: 32 days before the event, moved on to Monday when that is
 * a weekend (people read post and mail on weekdays; the team is at work to answer), at 09:00
 * Oslo time, and never in the past.
 */
export function defaultSendAt(eventDate: string, now: Date = new Date()): Date {
  const day = addDays(eventDate as IsoDate, -32);
  const weekday = weekdayOf(day);
  const workday = weekday === 6 ? addDays(day, 2) : weekday === 7 ? addDays(day, 1) : day;
  const planned = new Date(zonedInstant(workday, '09:00'));
  return planned.getTime() > now.getTime() ? planned : now;
}

function emptyCounts(): SendingCounts {
  return { households: 0, not_sent: 0, queued: 0, sending: 0, sent: 0, delivered: 0, printed: 0, failed: 0 };
}

/**
 * The team's view of the sending: settings, counts per status and channel, and each household.
 * `households: false` (the page's progress poll every 2 s while sending) leaves the households
 * out: only counts, no one shown, so no list read to log each time.
 */
export async function getSending(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  options: { households?: boolean } = {},
): Promise<SendingView> {
  const withHouseholds = options.households ?? true;
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    const settings = await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId);
    if (!event || !settings) throw notFound();
    const messages = new Map(
      (await messagesSql.latestMessages(tx, ctx.municipalityId, eventId)).map((m) => [m.householdId, m]),
    );
    const audience = await invitedHouseholds(tx, ctx.municipalityId, event);
    const ids = [...new Set([...audience, ...messages.keys()])];
    const reach = await householdsSql.reachability(tx, ctx.municipalityId, eventId, ids);
    const suggested = await suggestedChannels(
      tx,
      ctx.municipalityId,
      event,
      reach.filter((h) => !messages.has(h.id)),
    );
    if (withHouseholds) {
      await auditListRead(
        tx,
        ctx,
        'household',
        reach.map((h) => h.id),
      );
    }

    const counts = emptyCounts();
    const byChannel = new Map<ChannelName, SendingCounts>();
    const households = reach.map((h) => {
      const message = messages.get(h.id);
      const channel =
        message?.channel ??
        chooseChannel(h, {
          household: h.choice,
          all: settings.channel,
          suggested: suggested.get(h.id) ?? null,
        });
      const status: SendingStatus = message?.status ?? 'not_sent';
      for (const c of [
        counts,
        byChannel.get(channel) ?? byChannel.set(channel, emptyCounts()).get(channel),
      ]) {
        if (!c) continue;
        c.households++;
        c[status]++;
      }
      return {
        id: h.id,
        name: h.name,
        channel,
        choice: h.choice,
        usable: usableChannels(h),
        status,
        reason: message?.status === 'failed' ? message.reason : null,
        gaveUp: message?.status === 'failed' ? message.gaveUp : null,
        sentAt: message?.sentAt ? new Date(message.sentAt).toISOString() : null,
      };
    });
    const pending = counts.queued + counts.sending;
    const due = settings.sendAt !== null && settings.sendAt.getTime() <= Date.now();
    const state: SendingState =
      pending > 0 || (due && counts.not_sent > 0 && messages.size === 0)
        ? 'sending'
        : messages.size > 0
          ? 'done'
          : settings.sendAt
            ? 'scheduled'
            : 'not_planned';
    const waiting = await heldSql.waitingByChannel(tx, ctx.municipalityId, eventId);
    const trouble = (await healthSql.failingChannels(tx, ctx.municipalityId)).flatMap((h) => {
      const count = waiting.get(h.channel) ?? 0;
      return count > 0
        ? [
            {
              channel: h.channel,
              since: h.failingSince.toISOString(),
              lastAnswer: h.lastAnswer,
              waiting: count,
            },
          ]
        : [];
    });
    const gaveUp = (await heldSql.gaveUpCounts(tx, ctx.municipalityId, eventId)).map((g) => ({
      reason: g.gaveUp,
      count: g.count,
    }));
    return {
      eventId,
      sendAt: settings.sendAt?.toISOString() ?? null,
      defaultSendAt: defaultSendAt(event.date).toISOString(),
      state,
      channel: settings.channel,
      counts,
      byChannel: [...byChannel.entries()].map(([channel, c]) => ({ channel, ...c })),
      households: withHouseholds ? households : [],
      lettersToPrint: byChannel.get('letter')?.sent ?? 0,
      trouble,
      gaveUp,
    };
  });
}

/** An invitation says where: without a venue it would read "kl. 18.00–20.00 på ." — refused. */
async function requireVenue(tx: Queryable, municipalityId: number, eventId: string): Promise<void> {
  const event = await findEvent(tx, municipalityId, eventId);
  if (!event?.venue) throw noVenue();
}

/** Plans when the invitations go out (null: not planned). */
export async function scheduleSending(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  sendAt: Date | null,
): Promise<SendingView> {
  if (sendAt && sendAt.getTime() < Date.now() - 60_000) {
    throw invalid([{ field: 'sendAt', rule: 'future' }]);
  }
  await inTenant(deps.db, ctx, async (tx) => {
    const settings = await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId, true);
    if (!settings) throw notFound();
    if (settings.status !== 'planned') throw eventCancelled();
    if (sendAt) await requireVenue(tx, ctx.municipalityId, eventId);
    await eventsSql.setSendAt(tx, ctx.municipalityId, eventId, sendAt, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { sendAt: sendAt?.toISOString() ?? null },
    });
  });
  if (sendAt)
    await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId, prepare: true }, sendAt);
  return getSending(deps, ctx, eventId);
}

/** Sends now. Households that already have an invitation keep it: a double click sends once. */
export async function sendNow(deps: Deps, ctx: TenantContext, eventId: string): Promise<SendingView> {
  await inTenant(deps.db, ctx, async (tx) => {
    const settings = await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId, true);
    if (!settings) throw notFound();
    if (settings.status !== 'planned') throw eventCancelled();
    if (settings.startsAt.getTime() < Date.now()) throw eventPassed();
    await requireVenue(tx, ctx.municipalityId, eventId);
    // An earlier planned time stays; a later one (or none) becomes now.
    if (!settings.sendAt || settings.sendAt.getTime() > Date.now()) {
      await eventsSql.setSendAt(tx, ctx.municipalityId, eventId, new Date(), ctx.userId);
    }
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'event',
      recordId: eventId,
      details: { sendNow: true },
    });
  });
  await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId, prepare: true });
  return getSending(deps, ctx, eventId);
}

export async function setChannelForAll(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  channel: ChannelName | null,
): Promise<SendingView> {
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId))) throw notFound();
    await eventsSql.setEventChannel(tx, ctx.municipalityId, eventId, channel);
    await audit(tx, ctx, { action: 'update', recordType: 'event', recordId: eventId, details: { channel } });
  });
  return getSending(deps, ctx, eventId);
}

export async function setChannelForHousehold(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  householdId: string,
  channel: ChannelName | null,
): Promise<SendingView> {
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId))) throw notFound();
    const [household] = /^[0-9a-f-]{36}$/i.test(householdId)
      ? await householdsSql.reachability(tx, ctx.municipalityId, eventId, [householdId])
      : [];
    if (!household) throw notFound();
    if (channel && !usableChannels(household).includes(channel)) {
      throw channelUnusable(channel);
    }
    await householdsSql.setHouseholdChannel(tx, ctx.municipalityId, eventId, householdId, channel);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { eventId, channel },
    });
  });
  return getSending(deps, ctx, eventId);
}

/** Queues failed invitations again — one household's, one channel's, or all — each by its channel now. */
export async function retryFailed(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  filter: { householdId?: string; channel?: ChannelName },
): Promise<SendingView> {
  const queued = await inTenant(deps.db, ctx, async (tx) => {
    const settings = await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId, true);
    if (!settings) throw notFound();
    const failed = await messagesSql.failedInvitations(tx, ctx.municipalityId, eventId, filter);
    const reach = new Map(
      (
        await householdsSql.reachability(
          tx,
          ctx.municipalityId,
          eventId,
          failed.map((f) => f.householdId),
        )
      ).map((h) => [h.id, h]),
    );
    const retries = failed.map((f) => {
      const household = reach.get(f.householdId);
      const channel = household
        ? chooseChannel(household, { household: household.choice, all: settings.channel })
        : f.channel;
      return { ...f, channel };
    });
    const count = await messagesSql.requeueFailed(tx, ctx.municipalityId, eventId, retries);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'message',
      details: { eventId, retry: count, ...filter },
    });
    return count;
  });
  if (queued > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId });
  return getSending(deps, ctx, eventId);
}
