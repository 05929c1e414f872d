import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Channels } from '../../channels/index.js';
import type { ChannelName, OutgoingMessage, SendResult } from '../../channels/types.js';
import type { Database } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import { chooseChannel } from '../../domain/channel-choice.js';
import { dueReminder, inQuietHours, scheduledReminderPurpose } from '../../domain/reminders.js';
import type { Config } from '../../server/config.js';
import type { Jobs, SendJob } from '../../server/deps.js';
import { invitedHouseholds } from '../audience/index.js';
import { audit } from '../audit/index.js';
import { findEvent } from '../events/index.js';
import { templateChooser } from '../templates/index.js';
import * as healthSql from './queries/channel-health.js';
import * as eventsSql from './queries/event.js';
import * as heldSql from './queries/held-back.js';
import * as householdsSql from './queries/household.js';
import * as invitationsSql from './queries/invitation.js';
import * as messagesSql from './queries/message.js';
import { answerToken, tokenHash } from './service/answer-tokens.js';
import {
  channelHealthAfter,
  giveUpExpired,
  logChannelChange,
  retryDelayMs,
} from './service/provider-outage.js';
import { eventFacts, renderClaimed } from './service/render-claimed.js';
import { suggestedChannels } from './service/suggest-channels.js';

/** What the sending needs; the app's Deps hold it all. */
export interface SendingDeps {
  db: Database;
  config: Pick<
    Config,
    'secretKey' | 'publicUrl' | 'sendLeaseSeconds' | 'sendConcurrency' | 'sendRetryHours' | 'sendProbeSeconds'
  >;
  channels: Channels;
  /** A channel that starts failing or recovers is logged (warn, info); without it, not. */
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>;
  /** The time retries, probes and giving up are reckoned in (tests move it on by hours). */
  now?: () => Date;
}

/** Messages claimed at a time: small, so a killed worker leaves little in doubt. */
const BATCH = 20;
/** A job sends for at most this long, then hands the rest to the next job. */
const SLICE_MS = 5 * 60_000;

function contextOf(municipalityId: number, settings: eventsSql.SendingSettings): TenantContext {
  // The sending acts for whoever planned or started it, so the audit log names them.
  return { municipalityId, userId: settings.sendBy, ip: null };
}

/**
 * Makes an invitation, with its answer link and its first message, for every household of the
 * audience that has none yet, choosing its language and channel. Returns how many were made.
 */
export async function prepareInvitations(
  deps: SendingDeps,
  ctx: TenantContext,
  eventId: string,
): Promise<number> {
  return inTenant(deps.db, ctx, async (tx) => {
    const settings = await eventsSql.findSendingSettings(tx, ctx.municipalityId, eventId, true);
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    if (!settings || !event || settings.status !== 'planned') return 0;
    const invited = new Set(await invitationsSql.invitedHouseholdIds(tx, ctx.municipalityId, eventId));
    const fresh = (await invitedHouseholds(tx, ctx.municipalityId, event)).filter((id) => !invited.has(id));
    if (fresh.length === 0) return 0;
    const reach = await householdsSql.reachability(tx, ctx.municipalityId, eventId, fresh);
    const suggested = await suggestedChannels(tx, ctx.municipalityId, event, reach);
    const templateFor = await templateChooser(tx, ctx.municipalityId);
    const made = await invitationsSql.insertInvitations(
      tx,
      ctx.municipalityId,
      eventId,
      reach.map((household) => {
        const id = randomUUID();
        return {
          id,
          householdId: household.id,
          tokenHash: tokenHash(answerToken(deps.config.secretKey, id)).toString('hex'),
          language: templateFor(household.languages).language,
          channel: chooseChannel(household, {
            household: household.choice,
            all: settings.channel,
            suggested: suggested.get(household.id) ?? null,
          }),
        };
      }),
    );
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'invitation',
      details: { eventId, invitations: made },
    });
    return made;
  });
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(runners);
}

/**
 * Sends what is due for one event until nothing is left, the time slice is used, or `stop` is
 * set. Each message is claimed (committed) before it is sent and its outcome recorded after:
 * a worker killed in between leaves it claimed, and once the lease has run out the next worker
 * sends it again under the same id, which the providers and mail systems see as the same
 * message. Returns when the event next has something due, for the next job.
 *
 * A provider that is down (providerDown) makes its channel failing for the municipality: its
 * messages wait, and one of them is tried every SEND_PROBE_SECONDS (the probe); the first that
 * goes through makes the channel work again and sends the others at once. Messages whose time
 * runs out meanwhile are given up first thing in every run.
 */
export async function sendDue(
  deps: SendingDeps,
  municipalityId: number,
  eventId: string,
  options: { prepare?: boolean; stop?: { stopped: boolean } } = {},
): Promise<{ sent: number; next: Date | null }> {
  const stop = options.stop ?? { stopped: false };
  const now = deps.now ?? (() => new Date());
  const settings = await inTenant(deps.db, { municipalityId, userId: null, ip: null }, (tx) =>
    eventsSql.findSendingSettings(tx, municipalityId, eventId),
  );
  if (!settings) return { sent: 0, next: null };
  const ctx = contextOf(municipalityId, settings);
  if (options.prepare && settings.sendAt && settings.sendAt.getTime() <= now().getTime()) {
    await prepareInvitations(deps, ctx, eventId);
  }
  await giveUpExpired(deps, ctx, eventId, now());

  const lease = deps.config.sendLeaseSeconds;
  const started = Date.now();
  let sent = 0;
  let shared: Awaited<ReturnType<typeof eventFacts>> | undefined;
  while (!stop.stopped && Date.now() - started < SLICE_MS) {
    const { claimed, failing } = await inTenant(deps.db, ctx, async (tx) => {
      const failing = new Set((await healthSql.failingChannels(tx, municipalityId)).map((h) => h.channel));
      const probes = await healthSql.takeProbes(
        tx,
        municipalityId,
        eventId,
        now(),
        deps.config.sendProbeSeconds,
      );
      const claimed = await messagesSql.claimMessages(tx, municipalityId, eventId, lease, BATCH, now(), [
        ...failing,
      ]);
      for (const channel of probes) {
        claimed.push(...(await heldSql.claimProbe(tx, municipalityId, eventId, lease, channel)));
      }
      return { claimed, failing };
    });
    if (claimed.length === 0) break;
    shared ??= await eventFacts(deps, ctx, eventId);
    const rendered = await renderClaimed(deps, ctx, eventId, shared, claimed);
    // Channels seen failing in this batch: their messages not yet tried go back untried.
    const down = new Set<ChannelName>();
    const untried: string[] = [];
    await eachLimited(claimed, deps.config.sendConcurrency, async (message) => {
      const outgoing = rendered.get(message.id) as OutgoingMessage | SendResult;
      if (!('status' in outgoing) && down.has(message.channel)) {
        untried.push(message.id);
        return;
      }
      let result: SendResult;
      if ('status' in outgoing) result = outgoing;
      else {
        try {
          result = await deps.channels[message.channel].send(outgoing);
        } catch (error) {
          result = {
            status: 'failed',
            reason: (error as Error).message,
            retryable: true,
            providerDown: true,
          };
        }
      }
      const retryAt =
        result.status === 'failed' && result.retryable
          ? new Date(now().getTime() + retryDelayMs(message.attempts))
          : null;
      if (result.providerDown) down.add(message.channel);
      const change = await inTenant(deps.db, ctx, async (tx) => {
        await messagesSql.recordOutcome(tx, municipalityId, message.id, result, retryAt, now());
        await audit(tx, ctx, {
          action: 'send',
          recordType: 'household',
          recordId: message.householdId,
          subjectId: message.householdId,
          details: {
            eventId,
            messageId: message.id,
            channel: message.channel,
            status: retryAt ? 'queued' : result.status,
          },
        });
        return channelHealthAfter(
          deps,
          tx,
          municipalityId,
          message.channel,
          result,
          failing.has(message.channel),
          now(),
        );
      });
      if (change) logChannelChange(deps, municipalityId, message.channel, change);
      if (change && 'recovered' in change) failing.delete(message.channel);
      if (result.status !== 'failed') sent++;
    });
    await inTenant(deps.db, ctx, (tx) => heldSql.releaseMessages(tx, municipalityId, untried));
  }
  const next = await inTenant(deps.db, ctx, (tx) => messagesSql.nextDue(tx, municipalityId, eventId, lease));
  return { sent, next };
}

/**
 * What is left to send, across municipalities (as landsby_system: which events, never who):
 * messages due or left claimed by a stopped process, and events whose planned sending time has
 * come (their invitations are made first).
 */
export async function workLeft(deps: Pick<SendingDeps, 'db' | 'config'>): Promise<SendJob[]> {
  return asSystem(deps.db, async (tx) => [
    ...(await messagesSql.eventsWithWork(tx, deps.config.sendLeaseSeconds)),
    ...(await eventsSql.eventsDueForSending(tx)).map((job) => ({ ...job, prepare: true })),
  ]);
}

// --- The reminder job ------------------------------------------------------------------------------

/** Run by pg-boss every 15 minutes (registered in src/app/jobs.ts). */
export const REMINDERS_CRON = '*/15 * * * *';
/** The longest schedule is 14 days before; look a little further. */
const LOOKAHEAD_DAYS = 15;

export interface ReminderDeps {
  db: Database;
  jobs: Pick<Jobs, 'sendMessages'>;
}

export interface DueRemindersResult {
  /** Events with a reminder due. */
  events: number;
  /** Reminder messages queued. */
  queued: number;
}

/**
 * One run of the reminder job: the reminders of the teams' schedules that are due now
 * (domain/reminders.ts), nothing in quiet hours. Which events may have a reminder due is found as
 * landsby_system (ids, dates and schedules only); the households are chosen and the messages
 * queued in each event's own tenant. A reminder goes to households whose invitation reached them
 * before it was due (not one that was just invited), that have not said no, and are not on the
 * waiting list (they hear by `promotion` when a place comes free; "we look forward to seeing you"
 * would mislead), as 'reminder:<d>', which queueNotices never queues twice for an invitation. The
 * sending renders it, warmer for a household that has never been checked in anywhere.
 */
export async function sendDueReminders(
  deps: ReminderDeps,
  now: Date = new Date(),
): Promise<DueRemindersResult> {
  const result: DueRemindersResult = { events: 0, queued: 0 };
  if (inQuietHours(now)) return result;
  const candidates = await asSystem(deps.db, (tx) => eventsSql.eventsWithReminders(tx, now, LOOKAHEAD_DAYS));
  for (const candidate of candidates) {
    const due = dueReminder(candidate.reminders, new Date(candidate.startsAt), now);
    if (!due) continue;
    result.events++;
    const { municipalityId, eventId } = candidate;
    const ctx: TenantContext = { municipalityId, userId: null, ip: null };
    const purpose = scheduledReminderPurpose(due.days);
    const queued = await inTenant(deps.db, ctx, async (tx) => {
      // The schedule as it is now, under the event's lock (the team may have just changed it).
      const settings = await eventsSql.findReminderSettings(tx, municipalityId, eventId, true);
      if (settings?.status !== 'planned') return 0;
      const still = dueReminder(settings.reminders, settings.startsAt, now);
      if (still?.days !== due.days) return 0;
      const targets = await invitationsSql.reminderTargets(tx, municipalityId, eventId, 'not_declined', {
        sentBefore: due.dueAt,
      });
      const count = await messagesSql.queueNotices(tx, municipalityId, eventId, targets, purpose);
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
