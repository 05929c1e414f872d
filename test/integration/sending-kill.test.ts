import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { inTenant } from '../../src/db/tenant.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { insertEvent, insertVenue } from '../support/cafe.js';
import { testDatabaseKind } from '../support/database.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { adminQuery } from '../support/postgres.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

/**
 * Sending is exactly-once in effect: "if the process is killed in the middle of sending 1,000 invitations and started
 * again, every household gets its invitation once — none lost, none twice." Landsby runs as its
 * own process (dist/app/main.js, as `npm start` runs it), is killed with SIGKILL once 300
 * e-mails have arrived, and is started again; on the embedded database too.
 */
const TOTAL = 1000;
const KILL_AFTER = 300;
const CONCURRENCY = 4;
const MAIN = new URL('../../dist/app/main.js', import.meta.url).pathname;

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  remove(): void;
}

async function createTarget(): Promise<Target> {
  if (testDatabaseKind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'landsby-kill-'));
    return {
      env: { DATA_DIR: dir },
      open: () => openPglite(dir),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = inject('postgresUrl');
  const name = `landsby_kill_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE landsby_template`);
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const dir = mkdtempSync(join(tmpdir(), 'landsby-kill-'));
  return {
    env: { DATABASE_URL: url, DATA_DIR: dir },
    open: () => openPostgres(url),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function startLandsby(target: Target, smtp: TestSmtp): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      ...target.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SECRET_KEY: 'kill-test-secret-key-that-is-long-enough',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Landsby <kafe@drammen.kommune.no>',
      PUBLIC_URL: 'http://landsby.test',
      DEMO_DATA: 'false',
      SEND_LEASE_SECONDS: '2',
      SEND_CONCURRENCY: String(CONCURRENCY),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** 1,000 households in care, 10 minutes away, each with its own e-mail address; a café in their audience, due now. */
async function seed(db: Database): Promise<{ municipalityId: number; eventId: string }> {
  await migrate(db);
  await seedPostcodes(db);
  const municipalityId = await createMunicipality(db, 'Drammen');
  const anne = await createUser(db, municipalityId, ['caseworker'], { firstName: 'Anne' });
  await createHouseholds(
    db,
    municipalityId,
    Array.from({ length: TOTAL }, (_, i) => ({
      travelMinutes: 10,
      address: { line: `Storgata ${i + 1}`, postcode: '3015' },
      adults: [
        {
          firstName: `Kari${i}`,
          lastName: 'Nordmann',
          email: `h${i}@example.no`,
          preferredChannels: ['email'],
        },
      ],
    })),
  );
  const eventId = await insertEvent(db, municipalityId, {
    date: '2099-09-15',
    sendAt: new Date(),
    sendBy: anne.id,
    // A café's messages say where it is: without a venue the send job fails them (sending.no_venue).
    venueId: await insertVenue(db, municipalityId),
  });
  return { municipalityId, eventId };
}

const recipients = (smtp: TestSmtp) => {
  const byRecipient = new Map<string, Set<string>>();
  for (const mail of smtp.messages) {
    const to = [mail.to].flat()[0]?.value[0]?.address ?? '';
    const ids = byRecipient.get(to) ?? byRecipient.set(to, new Set()).get(to);
    ids?.add(mail.messageId ?? '');
  }
  return byRecipient;
};

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('sending when the process is killed', () => {
  it('gives each of 1,000 households its invitation once after a SIGKILL mid-send and a restart', async () => {
    if (!existsSync(MAIN)) throw new Error('Landsby is not built. Run: npm run build');
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    const target = await createTarget();
    cleanups.push(() => target.remove());
    const seeding = await target.open();
    const { municipalityId, eventId } = await seed(seeding);
    await seeding.close();

    const first = startLandsby(target, smtp);
    cleanups.push(() => {
      first.child.kill('SIGKILL');
    });
    await expect
      .poll(() => smtp.messages.length, { timeout: 90_000, interval: 10, message: first.output() })
      .toBeGreaterThanOrEqual(KILL_AFTER);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const arrivedBeforeKill = smtp.messages.length;
    expect(arrivedBeforeKill).toBeLessThan(TOTAL);

    const second = startLandsby(target, smtp);
    cleanups.push(() => {
      second.child.kill('SIGKILL');
    });
    await expect
      .poll(() => recipients(smtp).size, { timeout: 90_000, interval: 50, message: second.output() })
      .toBe(TOTAL);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(second.child.exitCode, second.output()).toBe(0);

    // Every household: one invitation, one Message-ID. A message the killed process had handed
    // to the SMTP server but not yet recorded as sent went again with the same Message-ID (the
    // receiving mail system sees one message); there can be at most one such per sending slot.
    const byRecipient = recipients(smtp);
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(smtp.messages.length - TOTAL).toBeLessThanOrEqual(CONCURRENCY);

    const db = await target.open();
    cleanups.push(() => db.close());
    const rows = await inTenant(db, { municipalityId, userId: null, ip: null }, (tx) =>
      tx.query<{ status: string; messages: number; households: number }>(
        `SELECT status, count(*) AS messages, count(DISTINCT household_id) AS households
         FROM message WHERE event_id = $1 GROUP BY status`,
        [eventId],
      ),
    );
    expect(rows).toEqual([{ status: 'sent', messages: TOTAL, households: TOTAL }]);
  }, 240_000);
});
