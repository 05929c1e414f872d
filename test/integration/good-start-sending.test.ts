import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createVenue, inDays, sendInvitations } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// Issue 14 point 3: En god start's sessions are events on the one event engine. A session is
// invited to from the same sending page as a café (e-mail through the loopback SMTP server), the
// household answers on the same answer page, a reminder goes to those coming, and the check-in's
// tap is the session's attendance on the cohort page.

let env: TestEnv;
let municipality: number;
let agent: Agent;
let kari: string;
let ola: string;
let session: { eventId: string; theme: number };
let cohortId: string;

const sql = <T>(text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<T>(text, params),
  );
const tokenIn = (text: string | undefined) => /\/svar\/([\w-]{22})/.exec(text ?? '')?.[1];

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Startby');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  agent = await loginAs(env.app, anne.email);
  const adult = (firstName: string, language: string) => ({
    firstName,
    lastName: 'Nyfosterhjem',
    email: `${firstName.toLowerCase()}@startby.example`,
    preferredChannels: ['email' as const],
    preferredLanguage: language,
  });
  kari = await createHousehold(env.db, municipality, { adults: [adult('Kari', 'nb')] });
  ola = await createHousehold(env.db, municipality, { adults: [adult('Ola', 'en')] });
  // Not in the cohort: must get nothing.
  await createHousehold(env.db, municipality, { adults: [adult('Utenfor', 'nb')] });
  const created = await agent.post('/api/cohorts', {
    name: 'Vårkullet',
    firstDate: inDays(20),
    startTime: '18:00',
    endTime: '20:30',
    intervalDays: 14,
    leaderUserIds: [anne.id],
    householdIds: [kari, ola],
    venueId: await createVenue(agent),
  });
  expect(created.statusCode, created.body).toBe(201);
  cohortId = created.json().id;
  session = created.json().sessions[0];
}, 60_000);

afterAll(() => env?.close());

describe('a session of En god start on the one event engine', () => {
  it("is invited to from the sending page like a café: each of the cohort's households by its channel, in its language", async () => {
    const before = (await agent.get(`/api/events/${session.eventId}/sending`)).json();
    expect(before.households.map((h: { id: string }) => h.id).sort()).toEqual([kari, ola].sort());
    await sendInvitations(agent, session.eventId);
    const toKari = await env.smtp.waitFor('kari@startby.example');
    expect(toKari.subject).toContain('En god start 1: Den nye familien');
    expect(tokenIn(toKari.text)).toBeTruthy();
    const toOla = await env.smtp.waitFor('ola@startby.example');
    const olaPage = await env.app.inject({ method: 'GET', url: `/svar/${tokenIn(toOla.text)}` });
    expect(olaPage.body).toContain('<html lang="en"');
    expect(env.smtp.messages.some((m) => m.text?.includes('Utenfor'))).toBe(false);
    const sent = (await agent.get(`/api/events/${session.eventId}/sending`)).json();
    expect(sent.counts).toMatchObject({ households: 2, sent: 2 });
  });

  it('takes the answer on the same answer page, and a reminder goes to those coming', async () => {
    const mail = await env.smtp.waitFor('kari@startby.example');
    const token = tokenIn(mail.text) as string;
    const page = await env.app.inject({ method: 'GET', url: `/svar/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('En god start 1: Den nye familien');
    const saved = await env.app.inject({
      method: 'POST',
      url: `/svar/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ response: 'coming', adults: '2', children: '0' }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    const [answer] = await sql<{ response: string }>(
      'SELECT response FROM answer WHERE event_id = $1 AND household_id = $2',
      [session.eventId, kari],
    );
    expect(answer?.response).toBe('coming');

    const reminder = await agent.post(`/api/events/${session.eventId}/reminders/now`, { group: 'coming' });
    expect(reminder.statusCode, reminder.body).toBe(200);
    expect(reminder.json().queued).toBe(1);
    const reminders = await sql<{ householdId: string }>(
      `SELECT household_id AS "householdId" FROM message WHERE event_id = $1 AND purpose LIKE 'reminder:%'`,
      [session.eventId],
    );
    expect(reminders.map((r) => r.householdId)).toEqual([kari]);
  });

  it("makes the check-in's tap the session's attendance on the cohort page", async () => {
    const tap = await agent.post(`/api/events/${session.eventId}/attendance`, {
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      tappedAt: new Date().toISOString(),
    });
    expect(tap.statusCode, tap.body).toBeLessThan(300);
    const cohort = (await agent.get(`/api/cohorts/${cohortId}`)).json() as {
      sessions: { eventId: string; present: number }[];
    };
    expect(cohort.sessions.find((s) => s.eventId === session.eventId)?.present).toBe(1);
  });
});
