import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { tokenHash } from '../../src/features/sending/index.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createVenue, inDays, insertEvent, sendInvitations } from '../support/cafe.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { type SveveStandIn, startSveveStandIn, sveveEnv } from '../support/sveve-stand-in.js';

// Issue 17 point 6: a burst of answers to one café is confirmed quickly, and never holds up
// another café's «Send nå». The answers' confirmations go by e-mail to the loopback SMTP server;
// the other café's invitations go by SMS to the Sveve stand-in, so a mail server that stalls
// holds up the first café's sending and nothing else.

const ANSWERS = 500;

let env: TestEnv;
let sveve: SveveStandIn;
let burst: number;
let burstEvent: string;
/** Each of the burst café's households' answer link token. */
let tokens: string[];
let team: Agent;
let otherEvent: string;

const address = (i: number) => `svar${i}@example.no`;
const confirmationsArrived = () =>
  env.smtp.messages.filter((m) => [m.to].flat()[0]?.value[0]?.address?.startsWith('svar'));

/** The burst café's confirmation messages by status. */
async function confirmationStatuses(): Promise<Record<string, number>> {
  const rows = await inTenant(env.db, { municipalityId: burst, userId: null, ip: null }, (tx) =>
    tx.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM message
       WHERE municipality_id = $1 AND event_id = $2 AND purpose LIKE 'confirmation:%' GROUP BY status`,
      [burst, burstEvent],
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Every household answers through its link, eight at a time, each from its own address. */
async function answerAll(): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < tokens.length) {
        const i = next++;
        const response = await env.app.inject({
          method: 'POST',
          url: `/svar/${tokens[i]}`,
          remoteAddress: `10.0.${i >> 8}.${i & 255}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'response=coming&adults=1&children=2',
        });
        expect(response.statusCode, response.body).toBe(303);
      }
    }),
  );
}

beforeAll(async () => {
  sveve = await startSveveStandIn();
  env = await createTestEnv(sveveEnv(sveve));
  const date = inDays(30);

  // The burst's café: invited (as the sending leaves it) with links the test knows.
  burst = await createMunicipality(env.db, 'Svarvik');
  const burstTeam = await loginAs(env.app, (await createUser(env.db, burst, ['caseworker'])).email);
  burstEvent = await insertEvent(env.db, burst, {
    date,
    registration: 'optional',
    venueId: await createVenue(burstTeam),
  });
  const households = await createHouseholds(
    env.db,
    burst,
    Array.from({ length: ANSWERS }, (_, i) => ({
      adults: [{ firstName: 'Kari', lastName: 'Nordmann', email: address(i), preferredChannels: ['email'] }],
    })),
  );
  tokens = households.map(() => randomBytes(16).toString('base64url'));
  await inTenant(env.db, { municipalityId: burst, userId: null, ip: null }, (tx) =>
    tx.query(
      `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       SELECT $1, $2, h, t, 'nb' FROM unnest($3::uuid[], $4::bytea[]) AS x(h, t)`,
      [burst, burstEvent, households, tokens.map(tokenHash)],
    ),
  );

  // Another municipality's café, its three households reached by SMS.
  const other = await createMunicipality(env.db, 'Sendvik');
  await createHouseholds(
    env.db,
    other,
    ['412 34 501', '412 34 502', '412 34 503'].map((mobile) => ({
      adults: [{ firstName: 'Ola', lastName: 'Hansen', mobile, preferredChannels: ['sms'] }],
    })),
  );
  team = await loginAs(env.app, (await createUser(env.db, other, ['caseworker'])).email);
  otherEvent = await insertEvent(env.db, other, {
    date,
    registration: 'optional',
    venueId: await createVenue(team),
  });
}, 120_000);

afterAll(async () => {
  await env?.close();
  await sveve?.close();
});

describe('confirmations after a burst of answers', () => {
  it("sends another café's invitations while the first café's 500 confirmations wait at a stalled mail server", async () => {
    const release = env.smtp.hold();
    try {
      await answerAll();
      expect((await confirmationStatuses()).queued).toBeGreaterThan(0);

      await sendInvitations(team, otherEvent);

      expect(sveve.sent).toHaveLength(3);
      const statuses = await confirmationStatuses();
      expect(statuses.sent ?? 0).toBe(0);
      expect(statuses.queued).toBeGreaterThan(0);
      expect(confirmationsArrived()).toHaveLength(0);
    } finally {
      release();
    }
  }, 180_000);

  it('sends every one of the 500 confirmations exactly once when the mail server takes them again', async () => {
    await expect.poll(() => confirmationsArrived().length, { timeout: 120_000, interval: 200 }).toBe(ANSWERS);
    await expect.poll(confirmationStatuses, { timeout: 20_000 }).toEqual({ sent: ANSWERS });
    const received = confirmationsArrived().map((m) => [m.to].flat()[0]?.value[0]?.address);
    expect(new Set(received).size).toBe(ANSWERS);
    expect(received.sort()).toEqual(Array.from({ length: ANSWERS }, (_, i) => address(i)).sort());
    expect(confirmationsArrived()[0]?.text).toContain('1 voksen og 2 barn');
  }, 180_000);
});
