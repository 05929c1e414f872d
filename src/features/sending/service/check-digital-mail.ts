import type { FastifyBaseLogger } from 'fastify';
import type { Channels } from '../../../channels/index.js';
import type { Database } from '../../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Config } from '../../../server/config.js';
import { audit } from '../../audit/index.js';
import { municipalitySender } from '../../sender-settings/index.js';
import * as q from '../queries/message.js';

/**
 * Digital mail status: asks KS Fiks SvarUt (status-sok, INTEGRATIONS.md §2.5) how each digital-mail
 * message that is 'sent' is doing, and records what mapSvarUtStatus makes of the answer:
 * delivered (read, or delivered to the digital mailbox), printed (print receipt), failed with
 * SvarUt's words (AVVIST, IKKE_LEVERT, MANUELT_HANDTERT). Anything in progress stays 'sent'.
 *
 * The municipalities with work are found as landsby_system, which sees no person; each
 * municipality's messages are then read and changed in its own tenant. SvarUt is asked outside
 * any transaction (the embedded database has one connection). When SvarUt fails (network, 5xx,
 * a refusal) nothing is changed: the error is logged without personal data and the messages are
 * asked again next time. A SvarUt error never marks a message failed.
 */

/** Run by pg-boss every 10 minutes (registered in src/app/jobs.ts). */
export const DIGITAL_MAIL_STATUS_CRON = '*/10 * * * *';

/** SvarUt takes this many ids per status-sok (our own limit; KS documents none). */
const STATUS_BATCH = 500;

export interface DigitalMailStatusDeps {
  db: Database;
  /** SECRET_KEY opens a municipality's own SvarUt password (features/sender-settings). */
  config: Pick<Config, 'secretKey'>;
  channels: Pick<Channels, 'digital_mail'>;
  log: Pick<FastifyBaseLogger, 'info' | 'warn'>;
}

export interface DigitalMailStatusOptions {
  /** A message is asked about at most this often (default 9, so every run of a 10-minute job). */
  recheckMinutes?: number;
  /** Mail sent longer ago than this is no longer asked about (default 60 days). */
  maxAgeDays?: number;
}

export interface DigitalMailStatusResult {
  /** Messages SvarUt was asked about. */
  checked: number;
  /** Messages whose status changed. */
  changed: number;
  /** Municipalities whose question to SvarUt failed (asked again next time). */
  errors: number;
}

/** One run of the job: every municipality with digital mail waiting for news, up to 500 messages each. */
export async function checkDigitalMailStatus(
  deps: DigitalMailStatusDeps,
  options: DigitalMailStatusOptions = {},
): Promise<DigitalMailStatusResult> {
  const recheckMinutes = options.recheckMinutes ?? 9;
  const maxAgeDays = options.maxAgeDays ?? 60;
  const municipalities = await asSystem(deps.db, (tx) =>
    q.municipalitiesWithDigitalMailToCheck(tx, recheckMinutes, maxAgeDays),
  );
  const total: DigitalMailStatusResult = { checked: 0, changed: 0, errors: 0 };
  for (const municipalityId of municipalities) {
    const ctx: TenantContext = { municipalityId, userId: null, ip: null };
    // The letters were sent with the municipality's own SvarUt account where it has one: asked there.
    const { pending, sender } = await inTenant(deps.db, ctx, async (tx) => ({
      pending: await q.digitalMailToCheck(tx, municipalityId, recheckMinutes, maxAgeDays, STATUS_BATCH),
      sender: await municipalitySender(tx, municipalityId, deps.config.secretKey),
    }));
    if (pending.length === 0) continue;

    let answers: Awaited<ReturnType<Channels['digital_mail']['queryStatus']>>;
    try {
      if (sender.unreadable.includes('digital_mail'))
        throw new Error("The municipality's stored SvarUt password does not open (SECRET_KEY changed?).");
      answers = await deps.channels.digital_mail.queryStatus(
        pending.map((m) => m.providerId),
        sender.sender.svarut,
      );
    } catch (error) {
      // SvarUt's own words or the network error: no names, no identity numbers, no ids of people.
      deps.log.warn(
        {
          municipalityId,
          messages: pending.length,
          retryable: (error as { retryable?: boolean }).retryable ?? true,
          error: String((error as Error).message ?? error).slice(0, 300),
        },
        'digital mail status: SvarUt did not answer; asked again next time',
      );
      total.errors++;
      continue;
    }

    const byProviderId = new Map(answers.map((a) => [a.id, a]));
    const changed = await inTenant(deps.db, ctx, async (tx) => {
      let count = 0;
      for (const message of pending) {
        const answer = byProviderId.get(message.providerId);
        if (!answer || answer.status === 'sent') continue;
        const row = await q.applyDigitalMailStatus(tx, municipalityId, message.id, {
          status: answer.status,
          reason: answer.status === 'failed' ? (answer.reason ?? `SvarUt: ${answer.svarUtStatus}`) : null,
        });
        if (!row) continue;
        count++;
        await audit(tx, ctx, {
          action: 'status',
          recordType: 'household',
          recordId: row.householdId,
          subjectId: row.householdId,
          details: {
            eventId: row.eventId,
            messageId: message.id,
            channel: 'digital_mail',
            status: answer.status,
            svarUtStatus: answer.svarUtStatus,
          },
        });
      }
      // Asked now, whatever the answer (in progress, or an id SvarUt does not know).
      await q.markDigitalMailChecked(
        tx,
        municipalityId,
        pending.map((m) => m.id),
      );
      return count;
    });
    total.checked += pending.length;
    total.changed += changed;
  }
  if (total.checked > 0 || total.errors > 0) deps.log.info({ ...total }, 'digital mail status checked');
  return total;
}
