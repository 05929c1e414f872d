import type { FastifyBaseLogger } from 'fastify';
import { withoutPersonalData } from '../../../channels/provider-answer.js';
import type { ChannelName, SendResult } from '../../../channels/types.js';
import type { Database, Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Config } from '../../../server/config.js';
import { audit } from '../../audit/index.js';
import * as healthSql from '../queries/channel-health.js';
import * as heldSql from '../queries/held-back.js';

/**
 * When a provider is down (the worker's side, worker.ts): how long a message waits before its
 * next try, what an outcome tells about its channel, the log lines a team's operator reads, and
 * giving up the messages whose time ran out.
 */

type OutageDeps = {
  db: Database;
  config: Pick<Config, 'sendRetryHours' | 'sendProbeSeconds'>;
  log?: Pick<FastifyBaseLogger, 'warn' | 'info'>;
  now?: () => Date;
};

/** The longest wait between two tries of one message (its channel's probes may come sooner). */
const MAX_RETRY_DELAY_MS = 10 * 60_000;

/**
 * 30 s, 1 min, 2 min, 4 min … up to 10 min after the n-th attempt, until its time runs out
 * (SEND_RETRY_HOURS, the answer deadline, the event: messagesSql.giveUpExpired).
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, 30_000 * 2 ** Math.min(10, Math.max(0, attempts - 1)));
}

export type ChannelChange = { failing: string } | { recovered: Date; resumed: number };

/**
 * What a message's outcome tells about its channel: the provider is down (failing from now, or
 * still), or it went through on a channel that was failing (working again: its waiting messages
 * go now). A refusal of one message tells nothing about the channel.
 */
export async function channelHealthAfter(
  deps: OutageDeps,
  tx: Queryable,
  municipalityId: number,
  channel: ChannelName,
  result: SendResult,
  wasFailing: boolean,
  now: Date,
): Promise<ChannelChange | undefined> {
  if (result.status === 'failed' && result.providerDown) {
    const answer = withoutPersonalData(result.reason ?? '');
    const started = await healthSql.markFailing(
      tx,
      municipalityId,
      channel,
      answer,
      now,
      deps.config.sendProbeSeconds,
    );
    return started ? { failing: answer } : undefined;
  }
  if (result.status === 'failed' || !wasFailing) return undefined;
  const since = await healthSql.markWorking(tx, municipalityId, channel);
  if (!since) return undefined;
  return { recovered: since, resumed: await heldSql.resumeChannel(tx, municipalityId, channel, now) };
}

/** One warning when a channel starts failing, one line when it works again: no one named. */
export function logChannelChange(
  deps: OutageDeps,
  municipalityId: number,
  channel: ChannelName,
  change: ChannelChange,
): void {
  if ('failing' in change) {
    deps.log?.warn(
      { municipalityId, channel, answer: change.failing, probeSeconds: deps.config.sendProbeSeconds },
      `sending channel ${channel} is failing; its messages wait and one is tried every ${deps.config.sendProbeSeconds} s`,
    );
  } else {
    const failedSeconds = Math.round(
      ((deps.now?.() ?? new Date()).getTime() - change.recovered.getTime()) / 1000,
    );
    deps.log?.info(
      { municipalityId, channel, failedSeconds, resumed: change.resumed },
      `sending channel ${channel} works again`,
    );
  }
}

/** Gives up the event's messages whose time ran out, and says so once in the log (the page says it too). */
export async function giveUpExpired(
  deps: OutageDeps,
  ctx: TenantContext,
  eventId: string,
  now: Date,
): Promise<void> {
  const given = await inTenant(deps.db, ctx, async (tx) => {
    const given = await heldSql.giveUpExpired(
      tx,
      ctx.municipalityId,
      eventId,
      now,
      deps.config.sendRetryHours,
    );
    if (given.length > 0) {
      await audit(tx, ctx, { action: 'update', recordType: 'message', details: { eventId, gaveUp: given } });
    }
    return given;
  });
  for (const { gaveUp, count } of given) {
    deps.log?.warn(
      { municipalityId: ctx.municipalityId, eventId, gaveUp, messages: count },
      'messages marked failed: their time ran out while their provider failed',
    );
  }
}
