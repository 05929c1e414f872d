import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { inTenant } from '../../src/db/tenant.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { insertEvent, insertVenue } from '../support/cafe.js';
import { createHouseholds, createMunicipality, createUser, TEST_PASSWORD } from '../support/factories.js';
import { adminQuery } from '../support/postgres.js';
import { startSmtp } from '../support/smtp.js';

/**
 * Scaling out (issue 17 point 9): two Landsby processes (dist/app/main.js, as `npm start` runs
 * them), each with its own port and DATA_DIR, on one PostgreSQL database with one SECRET_KEY, as
 * behind a load balancer. A café's invitations go to 2,000 households — e-mail through the
 * loopback SMTP server, letters for some — sent by the two processes together. Every
 * household is invited once; the print room's merged PDF, asked of either process, holds every
 * letter, whichever process made it; an answer link, a login and a session work on both.
 *
 * PostgreSQL only (vitest.config.ts leaves it out of the pglite project): the embedded database
 * is one process's by design.
 */
const EMAILS = 1_900;
const LETTERS = 100;
const TOTAL = EMAILS + LETTERS;
const MAIN = new URL('../../dist/app/main.js', import.meta.url).pathname;
const SECRET_KEY = 'scale-out-secret-key-that-is-long-enough';

interface Landsby {
  child: ChildProcess;
  /** http://127.0.0.1:<port> once it listens. */
  base: Promise<string>;
  output: () => string;
}

function startLandsby(env: Record<string, string>): Landsby {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const port = /Landsby kjører på http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`Landsby stopped (${code}) before listening:\n${output}`)));
  });
  base.catch(() => {});
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, base, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Messages a process logged as sent ("messages sent", one line per sending job it ran). */
function sentBy(landsby: Landsby): number {
  return landsby
    .output()
    .split('\n')
    .filter((line) => line.includes('"messages sent"'))
    .reduce((sum, line) => sum + (JSON.parse(line) as { sent: number }).sent, 0);
}

/** A staff member's browser: cookies kept, the CSRF cookie echoed on every POST. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init.method === 'POST') headers.set('x-csrf-token', this.cookies.get('landsby.csrf') ?? '');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
}

async function seed(db: Database): Promise<{ municipalityId: number; eventId: string; email: string }> {
  await migrate(db);
  await seedPostcodes(db);
  const municipalityId = await createMunicipality(db, 'Drammen');
  const anne = await createUser(db, municipalityId, ['caseworker'], { firstName: 'Anne' });
  await createHouseholds(db, municipalityId, [
    ...Array.from({ length: EMAILS }, (_, i) => ({
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
    ...Array.from({ length: LETTERS }, (_, i) => ({
      travelMinutes: 10,
      address: { line: `Brevveien ${i + 1}`, postcode: '3015' },
      adults: [{ firstName: `Per${i}`, lastName: 'Brevik', preferredChannels: ['letter'] }],
    })),
  ] as Parameters<typeof createHouseholds>[2]);
  const eventId = await insertEvent(db, municipalityId, {
    date: '2099-09-15',
    venueId: await insertVenue(db, municipalityId),
    sendAt: new Date(),
    sendBy: anne.id,
  });
  return { municipalityId, eventId, email: anne.email };
}

/** The letters' street addresses in a PDF, read back through Poppler as the print room would see them. */
function letterAddresses(pdf: Uint8Array, dir: string): Set<string> {
  const file = join(dir, `print-${randomBytes(4).toString('hex')}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return new Set(text.match(/Brevveien \d+/g));
}

const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('two Landsby processes on one PostgreSQL', () => {
  it('refuses to start on PostgreSQL without SECRET_KEY, saying why', async () => {
    if (!existsSync(MAIN)) throw new Error('Landsby is not built. Run: npm run build');
    const landsby = startLandsby({ DATABASE_URL: 'postgres://127.0.0.1:1/none', PORT: '0' });
    await exited(landsby.child);
    expect(landsby.child.exitCode).toBe(1);
    expect(landsby.output()).toContain('SECRET_KEY is required when DATABASE_URL is set');
  });

  it('share the sending of 2,000 invitations once each, the print file, answer links and sessions', async () => {
    if (!existsSync(MAIN)) throw new Error('Landsby is not built. Run: npm run build');
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    const serverUrl = inject('postgresUrl');
    const name = `landsby_scale_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE landsby_template`);
    const url = serverUrl.replace(/\/postgres$/, `/${name}`);
    const work = mkdtempSync(join(tmpdir(), 'landsby-scale-out-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const db = await openPostgres(url);
    cleanups.push(() => db.close());
    const seeding = Date.now();
    const { municipalityId, eventId, email } = await seed(db);
    console.log(`scale-out: ${TOTAL} households seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);

    // The café is due: each process finds it when it starts, and the queue hands the work out.
    // One after the other, as a rolling start does: two first starts at the same instant can
    // deadlock in pg-boss's creation of its queues (docs/operations.md, Scaling out).
    const start = (p: string) => {
      const landsby = startLandsby({
        DATABASE_URL: url,
        DATA_DIR: join(work, p),
        SECRET_KEY,
        PORT: '0',
        HOST: '127.0.0.1',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Landsby <kafe@drammen.kommune.no>',
        PUBLIC_URL: 'http://landsby.test',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      });
      cleanups.push(() => {
        landsby.child.kill('SIGKILL');
      });
      return landsby;
    };
    const started = Date.now();
    const a = start('a');
    const baseA = await a.base;
    const b = start('b');
    const baseB = await b.base;
    console.log(`scale-out: both processes listening after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const recipients = () => new Set(smtp.messages.map((m) => [m.to].flat()[0]?.value[0]?.address));
    await expect
      .poll(() => recipients().size, {
        timeout: 150_000,
        interval: 200,
        message: `${a.output()}\n${b.output()}`,
      })
      .toBe(EMAILS);
    const tenant = { municipalityId, userId: null, ip: null };
    const statuses = () =>
      inTenant(db, tenant, (tx) =>
        tx.query<{ channel: string; status: string; n: number }>(
          `SELECT channel, status, count(*)::int AS n FROM message WHERE event_id = $1
           GROUP BY channel, status ORDER BY channel`,
          [eventId],
        ),
      );
    await expect.poll(statuses, { timeout: 60_000, interval: 500 }).toEqual([
      { channel: 'email', status: 'sent', n: EMAILS },
      { channel: 'letter', status: 'sent', n: LETTERS },
    ]);
    const seconds = (Date.now() - started) / 1000;
    // Each e-mail arrived once: as many messages as households, one Message-ID each.
    expect(smtp.messages).toHaveLength(EMAILS);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(EMAILS);

    // Together they sent each message once: each logs what it sent (counts only, no one named).
    // One café's sending is one job at a time (src/app/jobs.ts), so which process takes it — or
    // both, when a resumed job lands on the other while it runs — is the queue's choice.
    await expect.poll(() => sentBy(a) + sentBy(b), { timeout: 30_000 }).toBe(TOTAL);
    console.log(
      `scale-out: ${TOTAL} invitations in ${seconds.toFixed(1)} s from start; process a sent ${sentBy(a)}, b ${sentBy(b)}`,
    );

    // Logged in through one process, the session works on the other (sessions are in the database).
    const browser = new Browser();
    await browser.fetch(`${baseA}/api/session`);
    const login = await browser.fetch(`${baseA}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);

    // The print room's file holds every letter on either process, whichever one made each letter.
    for (const base of [baseA, baseB]) {
      const response = await browser.fetch(`${base}/api/events/${eventId}/sending/letters.pdf`);
      expect(response.status, base).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const addresses = letterAddresses(new Uint8Array(await response.arrayBuffer()), work);
      expect(addresses.size, base).toBe(LETTERS);
    }

    // An answer link made by whichever process sent the e-mail opens on both.
    const link = /http:\/\/landsby\.test(\/svar\/[A-Za-z0-9_-]+)/.exec(smtp.messages[0]?.text ?? '')?.[1];
    expect(link).toBeDefined();
    for (const base of [baseA, baseB]) {
      const page = await fetch(`${base}${link}`);
      expect(page.status, base).toBe(200);
      expect(await page.text()).toContain('Fosterhjemskafé');
    }

    for (const landsby of [a, b]) {
      landsby.child.kill('SIGTERM');
      await exited(landsby.child);
      expect(landsby.child.exitCode, landsby.output()).toBe(0);
    }
  }, 420_000);
});
