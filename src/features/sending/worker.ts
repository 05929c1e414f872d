import { randomUUID } from 'node:crypto';
import type { Channels } from '../../channels/index.js';
import type { OutgoingMessage, SendResult } from '../../channels/types.js';
import type { Database } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import { LetterError } from '../../documents/letter.js';
import { chooseChannel } from '../../domain/channel-choice.js';
import type { NoticeKind } from '../../domain/notices.js';
import { dueReminder, inQuietHours, scheduledReminderPurpose } from '../../domain/reminders.js';
import { TemplateError } from '../../domain/template.js';
import type { Config } from '../../server/config.js';
import type { Jobs, SendJob } from '../../server/deps.js';
import { answersWithStatus } from '../answers/index.js';
import { invitedHouseholds } from '../audience/index.js';
import { audit } from '../audit/index.js';
import { findEvent, findEventImage } from '../events/index.js';
import { municipalityName, templateChooser } from '../templates/index.js';
import { findVenueFacts } from '../venues/index.js';
import * as eventsSql from './queries/event.js';
import * as householdsSql from './queries/household.js';
import * as invitationsSql from './queries/invitation.js';
import * as messagesSql from './queries/message.js';
import { type InvitationFactsForSending, renderInvitation } from './render.js';
import { answerToken, answerUrl, tokenHash } from './service/answer-tokens.js';
import { suggestedChannels } from './service/suggest-channels.js';

/** What the sending needs; the app's Deps hold it all. */
export interface SendingDeps {
  db: Database;
  config: Pick<Config, 'secretKey' | 'publicUrl' | 'sendLeaseSeconds' | 'sendConcurrency'>;
  channels: Channels;
}

/** A message whose provider failed for a passing reason is tried this many times in all. */
const MAX_ATTEMPTS = 5;
/** Messages claimed at a time: small, so a killed worker leaves little in doubt. */
const BATCH = 20;
/** A job sends for at most this long, then hands the rest to the next job. */
const SLICE_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, 4 min … after the n-th attempt. */
function retryDelayMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

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
 * What every message of the event shares: read once per run, not once per batch (the image alone
 * can be 2 MB). A template edited during a run is used from the next run (at most SLICE_MS on).
 */
async function eventFacts(deps: SendingDeps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await findEvent(tx, ctx.municipalityId, eventId);
    const venue = event?.venue ? await findVenueFacts(tx, ctx.municipalityId, event.venue.id) : undefined;
    return {
      event,
      venue,
      templateFor: await templateChooser(tx, ctx.municipalityId),
      municipality: await municipalityName(tx, ctx.municipalityId),
      image: await findEventImage(tx, ctx.municipalityId, eventId),
    };
  });
}

/** The claimed messages rendered, or why one cannot be. */
async function renderClaimed(
  deps: SendingDeps,
  ctx: TenantContext,
  eventId: string,
  shared: Awaited<ReturnType<typeof eventFacts>>,
  claimed: messagesSql.ClaimedMessage[],
): Promise<Map<string, OutgoingMessage | SendResult>> {
  const batch = await inTenant(deps.db, ctx, async (tx) => {
    const householdIds = claimed.flatMap((m) => (m.householdId ? [m.householdId] : []));
    const households = new Map(
      (await householdsSql.householdsForMessages(tx, ctx.municipalityId, eventId, householdIds)).map((h) => [
        h.householdId,
        h,
      ]),
    );
    const languages = await invitationsSql.invitationLanguages(
      tx,
      ctx.municipalityId,
      claimed.map((m) => m.invitationId),
    );
    const notices = claimed.filter((m) => m.purpose !== 'invitation');
    const answers = new Map(
      (
        await answersWithStatus(
          tx,
          ctx.municipalityId,
          notices.map((m) => m.invitationId),
        )
      ).map((a) => [a.invitationId, a]),
    );
    const firstTimers = await householdsSql.firstTimers(
      tx,
      ctx.municipalityId,
      notices.flatMap((m) => (m.householdId && m.purpose.startsWith('reminder:') ? [m.householdId] : [])),
    );
    return { households, languages, answers, firstTimers };
  });
  const facts = { ...shared, ...batch };
  const result = new Map<string, OutgoingMessage | SendResult>();
  for (const message of claimed) {
    const household = message.householdId ? facts.households.get(message.householdId) : undefined;
    if (!facts.event || !household) {
      result.set(message.id, {
        status: 'failed',
        reason: 'The household or the event is gone.',
        retryable: false,
      });
      continue;
    }
    const language = facts.languages.get(message.invitationId) ?? 'nb';
    const input: InvitationFactsForSending = {
      messageId: message.id,
      channel: message.channel,
      event: facts.event,
      venue: facts.venue
        ? {
            name: facts.venue.name,
            addressLine: facts.venue.addressLine,
            postcode: facts.venue.postcode,
            place: facts.venue.place,
          }
        : null,
      template: facts.templateFor([language]),
      municipality: facts.municipality,
      household,
      answerUrl: answerUrl(deps.config.publicUrl, answerToken(deps.config.secretKey, message.invitationId)),
      ...(facts.image ? { image: facts.image } : {}),
    };
    if (message.purpose !== 'invitation') {
      const answer = facts.answers.get(message.invitationId);
      const kind: NoticeKind = message.purpose.startsWith('reminder:')
        ? facts.firstTimers.has(household.householdId)
          ? 'reminder_first_time'
          : 'reminder'
        : message.purpose === 'promotion'
          ? 'promotion'
          : !answer
            ? 'maybe'
            : answer.status === 'confirmed'
              ? 'coming'
              : answer.status;
      input.notice = {
        kind,
        adults: answer?.adults ?? 0,
        children: answer?.children ?? 0,
        place: answer?.place ?? null,
      };
    }
    try {
      result.set(message.id, await renderInvitation(input));
    } catch (error) {
      if (error instanceof TemplateError || error instanceof LetterError) {
        result.set(message.id, { status: 'failed', reason: error.message, retryable: false });
      } else throw error;
    }
  }
  return result;
}

/**
 * Sends what is due for one event until nothing is left, the time slice is used, or `stop` is
 * set. Each message is claimed (committed) before it is sent and its outcome recorded after:
 * a worker killed in between leaves it claimed, and once the lease has run out the next worker
 * sends it again under the same id, which the providers and mail systems see as the same
 * message. Returns when the event next has something due, for the next job.
 */
export async function sendDue(
  deps: SendingDeps,
  municipalityId: number,
  eventId: string,
  options: { prepare?: boolean; stop?: { stopped: boolean } } = {},
): Promise<{ sent: number; next: Date | null }> {
  const stop = options.stop ?? { stopped: false };
  const settings = await inTenant(deps.db, { municipalityId, userId: null, ip: null }, (tx) =>
    eventsSql.findSendingSettings(tx, municipalityId, eventId),
  );
  if (!settings) return { sent: 0, next: null };
  const ctx = contextOf(municipalityId, settings);
  if (options.prepare && settings.sendAt && settings.sendAt.getTime() <= Date.now()) {
    await prepareInvitations(deps, ctx, eventId);
  }

  const lease = deps.config.sendLeaseSeconds;
  const started = Date.now();
  let sent = 0;
  let shared: Awaited<ReturnType<typeof eventFacts>> | undefined;
  while (!stop.stopped && Date.now() - started < SLICE_MS) {
    const claimed = await inTenant(deps.db, ctx, (tx) =>
      messagesSql.claimMessages(tx, municipalityId, eventId, lease, BATCH),
    );
    if (claimed.length === 0) break;
    shared ??= await eventFacts(deps, ctx, eventId);
    const rendered = await renderClaimed(deps, ctx, eventId, shared, claimed);
    await eachLimited(claimed, deps.config.sendConcurrency, async (message) => {
      const outgoing = rendered.get(message.id) as OutgoingMessage | SendResult;
      let result: SendResult;
      if ('status' in outgoing) result = outgoing;
      else {
        try {
          result = await deps.channels[message.channel].send(outgoing);
        } catch (error) {
          result = { status: 'failed', reason: (error as Error).message, retryable: true };
        }
      }
      const retryAt =
        result.status === 'failed' && result.retryable && message.attempts < MAX_ATTEMPTS
          ? new Date(Date.now() + retryDelayMs(message.attempts))
          : null;
      await inTenant(deps.db, ctx, async (tx) => {
        await messagesSql.recordOutcome(tx, municipalityId, message.id, result, retryAt);
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
      });
      if (result.status !== 'failed') sent++;
    });
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
