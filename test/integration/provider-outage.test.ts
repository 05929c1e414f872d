import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/index.js';
import type { Database } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import { getSending } from '../../src/features/sending/service/plan-sending.js';
import { type SendingDeps, sendDue } from '../../src/features/sending/worker.js';
import { loadConfig } from '../../src/server/config.js';
import type { Deps } from '../../src/server/deps.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue, insertEvent, insertVenue } from '../support/cafe.js';
import { createTestDatabase } from '../support/database.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { type SvarUtStandIn, startSvarUtStandIn } from '../support/svarut-stand-in.js';
import { type SveveStandIn, startSveveStandIn, sveveEnv } from '../support/sveve-stand-in.js';

/**
 * When a provider is down (issue 19 part 1): the loopback SMTP server and the Sveve and SvarUt
 * stand-ins are taken down in the middle of a send and brought back. The team's page names the
 * failing channel, since when and the provider's last answer; the log warns once per channel and
 * says when it works again; while down, one message at a time is tried (SEND_PROBE_SECONDS=1
 * here), and the rest go within seconds of the provider's return. Messages whose time runs out
 * are given up with the reason, told once.
 */

interface LogLine {
  level: number;
  msg: string;
  channel?: string;
  answer?: string;
  gaveUp?: string;
  messages?: number;
}

interface View {
  state: string;
  counts: Record<string, number>;
  trouble: { channel: string; since: string; lastAnswer: string | null; waiting: number }[];
  gaveUp: { reason: string; count: number }[];
  households: { id: string; status: string; reason: string | null; gaveUp: string | null }[];
}

const lines: string[] = [];
const logs = (): LogLine[] => lines.map((l) => JSON.parse(l) as LogLine);
const logStream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let env: TestEnv;
let sveve: SveveStandIn;
let svarut: SvarUtStandIn;

beforeAll(async () => {
  sveve = await startSveveStandIn();
  svarut = await startSvarUtStandIn();
  env = await createTestEnv(
    {
      ...sveveEnv(sveve),
      SVARUT_URL: svarut.url,
      SVARUT_KONTO_ID: svarut.kontoId,
      SVARUT_TOKEN: svarut.token,
      SVARUT_INTEGRASJON_ID: svarut.integrasjonId,
      SVARUT_INTEGRASJON_PASSORD: svarut.integrasjonPassord,
      SEND_PROBE_SECONDS: '1',
      SEND_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
    },
    { stream: logStream },
  );
}, 60_000);

afterAll(async () => {
  await env?.close();
  await sveve?.close();
  await svarut?.close();
});

async function team(name: string): Promise<{ municipality: number; agent: Agent; eventId: string }> {
  const municipality = await createMunicipality(env.db, name);
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const agent = await loginAs(env.app, anne.email);
  const eventId = await createEvent(agent, { hostUserIds: [anne.id], venueId: await createVenue(agent) });
  return { municipality, agent, eventId };
}

const view = async (agent: Agent, eventId: string): Promise<View> =>
  (await agent.get(`/api/events/${eventId}/sending`)).json();

/** Send attempts the provider failed (the audit log records each attempt and its outcome). */
async function failedAttempts(municipality: number, eventId: string): Promise<number> {
  const [row] = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
       WHERE action = 'send' AND details->>'eventId' = $1 AND details->>'status' = 'queued'`,
      [eventId],
    ),
  );
  return row?.n ?? 0;
}

describe('an e-mail server that goes away in the middle of a send', () => {
  it('names the failing channel on the page and in one warning, probes once a second, and finishes within seconds of its return', async () => {
    const { municipality, agent, eventId } = await team('Malvik');
    const total = 40;
    await createHouseholds(
      env.db,
      municipality,
      Array.from({ length: total }, (_, i) => ({
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
    env.smtp.delayMs = 30;
    const send = await agent.post(`/api/events/${eventId}/sending/now`);
    expect(send.statusCode).toBe(200);
    await expect
      .poll(() => env.smtp.messages.length, { timeout: 20_000, interval: 5 })
      .toBeGreaterThanOrEqual(5);
    await env.smtp.down();
    const downAt = Date.now();

    // The page says which channel fails, since when, and the server's last answer, without addresses.
    await expect
      .poll(async () => (await view(agent, eventId)).trouble.map((t) => t.channel), { timeout: 20_000 })
      .toEqual(['email']);
    const during = await view(agent, eventId);
    expect(during.state).toBe('sending');
    const [trouble] = during.trouble;
    expect(Date.parse(trouble?.since ?? '')).toBeGreaterThanOrEqual(downAt - 1000);
    expect(trouble?.lastAnswer).toMatch(/ECONNREFUSED|Connection|closed|ECONNRESET/i);
    expect(trouble?.lastAnswer).not.toContain('@');
    expect(trouble?.waiting).toBeGreaterThan(0);
    expect(during.counts.failed).toBe(0);

    // Down for four seconds: one probe a second, not every waiting message each time.
    const waiting = total - env.smtp.messages.length;
    await expect.poll(() => Date.now() - downAt, { timeout: 10_000, interval: 250 }).toBeGreaterThan(4000);
    const failures = await failedAttempts(municipality, eventId);
    expect(failures).toBeGreaterThanOrEqual(2);
    expect(failures).toBeLessThan(Math.min(waiting, 12));

    const upAt = Date.now();
    await env.smtp.up();
    await expect
      .poll(() => new Set(env.smtp.messages.map((m) => [m.to].flat()[0]?.value[0]?.address)).size, {
        timeout: 30_000,
        interval: 100,
      })
      .toBe(total);
    const resumedSeconds = (Date.now() - upAt) / 1000;
    expect(resumedSeconds).toBeLessThan(10);

    await expect.poll(async () => (await view(agent, eventId)).state, { timeout: 10_000 }).toBe('done');
    const after = await view(agent, eventId);
    expect(after.trouble).toEqual([]);
    expect(after.counts.sent).toBe(total);

    // One warning when it started failing, one line when it worked again; no one named in either.
    const email = logs().filter((l) => l.channel === 'email');
    expect(email.filter((l) => l.level === 40)).toHaveLength(1);
    expect(email.filter((l) => l.level === 30 && /works again/.test(l.msg))).toHaveLength(1);
    const logged = lines.join('\n');
    expect(logged).not.toMatch(/h\d+@example\.no|Kari\d+/);
    env.smtp.delayMs = 0;
  }, 90_000);
});

describe('Sveve and SvarUt down at once', () => {
  it('shows both channels failing with their answers, keeps a refused number apart, and sends the rest when they return', async () => {
    const { municipality, agent, eventId } = await team('Orkland');
    const sms = Array.from({ length: 8 }, (_, i) => ({
      adults: [
        {
          firstName: `Siri${i}`,
          lastName: 'Berg',
          mobile: `+47 913 00 0${i}0`,
          preferredChannels: ['sms' as const],
        },
      ],
    }));
    const letters = Array.from({ length: 4 }, (_, i) => ({
      adults: [{ firstName: `Lars${i}`, lastName: 'Dahl', preferredChannels: ['digital_mail' as const] }],
    }));
    const refused = {
      adults: [
        { firstName: 'Nina', lastName: 'Holm', mobile: '48 00 00 02', preferredChannels: ['sms' as const] },
      ],
    };
    const [refusedId] = await createHouseholds(env.db, municipality, [refused, ...sms, ...letters]);
    sveve.refuse.set('48000002', 'Ugyldig nummer');
    sveve.delayMs = 100;
    await svarut.down();
    const send = await agent.post(`/api/events/${eventId}/sending/now`);
    expect(send.statusCode).toBe(200);
    await expect.poll(() => sveve.sent.length, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(1);
    await sveve.down();

    await expect
      .poll(async () => (await view(agent, eventId)).trouble.map((t) => t.channel).sort(), {
        timeout: 20_000,
      })
      .toEqual(['digital_mail', 'sms']);
    const during = await view(agent, eventId);
    const answers = Object.fromEntries(during.trouble.map((t) => [t.channel, t.lastAnswer]));
    expect(answers.digital_mail).toMatch(/^SvarUt could not be reached/);
    expect(answers.sms).toMatch(/^Sveve could not be reached/);
    // No number or name of a household in what the page shows (the times and the stand-ins' loopback
    // ports aside: a millisecond or a port such as 39913 can read 913).
    const shown = JSON.stringify(during.trouble.map(({ since: _since, ...rest }) => rest));
    expect(shown.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1')).not.toMatch(/913|Siri|Lars/);

    await Promise.all([sveve.up(), svarut.up()]);
    const upAt = Date.now();
    await expect.poll(async () => (await view(agent, eventId)).state, { timeout: 30_000 }).toBe('done');
    expect((Date.now() - upAt) / 1000).toBeLessThan(10);
    const after = await view(agent, eventId);
    expect(after.trouble).toEqual([]);
    expect(new Set(sveve.sent.map((s) => s.number)).size).toBe(8);
    expect(new Set(svarut.received.map((r) => r.forsendelse.eksternReferanse)).size).toBe(4);
    // The refused number is a refusal: failed at once with Sveve's words, not a failing channel, not retried.
    expect(after.households.find((h) => h.id === refusedId)).toMatchObject({
      status: 'failed',
      reason: 'Ugyldig nummer',
      gaveUp: null,
    });
    expect(sveve.requests.filter((r) => r.params.some((p) => p.to === '48000002'))).toHaveLength(1);
    for (const channel of ['sms', 'digital_mail']) {
      expect(logs().filter((l) => l.channel === channel && l.level === 40)).toHaveLength(1);
      expect(logs().filter((l) => l.channel === channel && /works again/.test(l.msg))).toHaveLength(1);
    }
    sveve.delayMs = 0;
  }, 90_000);
});

describe('a message whose time runs out while its provider is down', () => {
  let db: Database;
  let smtp: TestSmtp;
  const warnings: { entry: Record<string, unknown>; message: string }[] = [];
  /** The clock the sending reckons in: real time moved on by `hours`. */
  let hours = 0;
  const at = (date: string) => {
    hours = (Date.parse(date) - Date.now()) / 3600_000;
  };
  let deps: SendingDeps;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtp();
    const config = loadConfig({
      DATA_DIR: '.tmp/test-data',
      SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'http://landsby.test',
      DEMO_DATA: 'false',
      SEND_PROBE_SECONDS: '30',
    });
    const log = (level: string) => (entry: Record<string, unknown>, message: string) => {
      if (level === 'warn') warnings.push({ entry, message });
    };
    deps = {
      db,
      config,
      channels: createChannels(config),
      log: { warn: log('warn'), info: log('info') } as unknown as SendingDeps['log'],
      now: () => new Date(Date.now() + hours * 3600_000),
    };
    await smtp.down();
  }, 60_000);

  afterAll(async () => {
    deps?.channels.email.close?.();
    await db?.close();
    await smtp?.close();
  });

  async function eventWithThree(input: { date: string; deadline?: string }) {
    const municipality = await createMunicipality(db, `Kommune ${Math.random()}`);
    const anne = await createUser(db, municipality, ['caseworker'], { firstName: 'Anne' });
    await createHouseholds(
      db,
      municipality,
      Array.from({ length: 3 }, (_, i) => ({
        travelMinutes: 10,
        adults: [
          {
            firstName: `Ola${i}`,
            lastName: 'Lie',
            email: `o${i}@example.no`,
            preferredChannels: ['email' as const],
          },
        ],
      })),
    );
    const venueId = await insertVenue(db, municipality);
    const eventId = await insertEvent(db, municipality, {
      venueId,
      ...input,
      sendAt: new Date(),
      sendBy: anne.id,
    });
    const ctx = { municipalityId: municipality, userId: anne.id, ip: null };
    const page = () => getSending({ db } as Deps, ctx, eventId);
    return { municipality, eventId, page, anne };
  }

  it('keeps trying for hours, then gives every message up at the answer deadline with that reason, told once', async () => {
    const { municipality, eventId, page } = await eventWithThree({
      date: '2099-09-15',
      deadline: '2099-09-01',
    });
    hours = 0;
    await sendDue(deps, municipality, eventId, { prepare: true });
    expect((await page()).trouble.map((t) => t.channel)).toEqual(['email']);
    expect((await page()).counts.queued).toBe(3);

    // Twenty hours on, still queued: a passing failure is not given up after a few tries.
    for (let hour = 1; hour <= 20; hour++) {
      hours = hour;
      await sendDue(deps, municipality, eventId);
    }
    expect((await page()).counts).toMatchObject({ queued: 3, failed: 0 });

    // Past the deadline (the end of 1 September in Oslo): failed, with the reason, one notice.
    at('2099-09-02T00:00:00+02:00');
    warnings.length = 0;
    await sendDue(deps, municipality, eventId);
    await sendDue(deps, municipality, eventId);
    const view = await page();
    expect(view.counts).toMatchObject({ queued: 0, failed: 3 });
    expect(view.gaveUp).toEqual([{ reason: 'deadline', count: 3 }]);
    expect(view.households.every((h) => h.gaveUp === 'deadline')).toBe(true);
    expect(warnings.filter((w) => w.entry.gaveUp === 'deadline')).toEqual([
      expect.objectContaining({ entry: expect.objectContaining({ messages: 3 }) }),
    ]);
  });

  it('gives up after SEND_RETRY_HOURS (24) when the event has no deadline, with that reason', async () => {
    const { municipality, eventId, page } = await eventWithThree({ date: '2099-10-20' });
    hours = 0;
    await sendDue(deps, municipality, eventId, { prepare: true });
    hours = 23;
    await sendDue(deps, municipality, eventId);
    expect((await page()).counts.queued).toBe(3);
    hours = 25;
    await sendDue(deps, municipality, eventId);
    expect((await page()).gaveUp).toEqual([{ reason: 'retry_time', count: 3 }]);
  });

  it('gives a message queued while its channel has long been failing its own SEND_RETRY_HOURS', async () => {
    const first = await eventWithThree({ date: '2099-10-21' });
    hours = 0;
    await sendDue(deps, first.municipality, first.eventId, { prepare: true });
    const ctx = { municipalityId: first.municipality, userId: first.anne.id, ip: null };
    // E-mail has been failing for 25 hours when the team plans another café.
    await inTenant(db, ctx, (tx) =>
      tx.query(
        "UPDATE channel_health SET failing_since = now() - interval '25 hours' WHERE channel = 'email'",
      ),
    );
    const eventId = await insertEvent(db, first.municipality, {
      date: '2099-10-28',
      venueId: await insertVenue(db, first.municipality, 'Kulturhuset'),
      sendAt: new Date(),
      sendBy: first.anne.id,
    });
    await sendDue(deps, first.municipality, eventId, { prepare: true });
    const later = await getSending({ db } as Deps, ctx, eventId);
    expect(later.counts.queued).toBe(3);
    expect(later.gaveUp).toEqual([]);
    expect(later.trouble.map((t) => t.channel)).toEqual(['email']);
  });

  it('gives up a message whose café has begun', async () => {
    const { municipality, eventId, page } = await eventWithThree({ date: '2099-11-03' });
    hours = 0;
    await sendDue(deps, municipality, eventId, { prepare: true });
    at('2099-11-03T18:30:00+01:00');
    await sendDue(deps, municipality, eventId);
    expect((await page()).gaveUp).toEqual([{ reason: 'event_started', count: 3 }]);
  });
});
