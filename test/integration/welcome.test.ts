import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import type { HouseholdInput } from '../../src/domain/household.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import * as cafe from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let agent: Agent;
let strangerAgent: Agent;
let eventId: string;
let strangersHousehold: string;
const past: string[] = [];
let cancelledEvent: string;
const h = {} as Record<
  | 'silent4'
  | 'silent3'
  | 'failed'
  | 'maybe'
  | 'declined'
  | 'cameOnce'
  | 'twice'
  | 'archived'
  | 'cancelled'
  | 'emergencyNeverCame'
  | 'emergencyTeamChose'
  | 'emergencyCame',
  string
>;

interface WelcomeEntry {
  id: string;
  name: string;
  kind: string;
  rank: number;
  reason: string;
  languages: string[];
  mobile: string | null;
  mobileDisplay: string | null;
  invitations: number;
  history: { eventId: string; date: string; outcome: string; channel: string | null }[];
  calls: {
    id: string;
    outcome: string;
    note: string | null;
    calledBy: string | null;
    eventId: string | null;
  }[];
}

const welcomeList = async (): Promise<WelcomeEntry[]> => {
  const response = await agent.get(`/api/events/${eventId}/welcome-list`);
  expect(response.statusCode).toBe(200);
  return response.json().households;
};

const tenant = <T>(fn: (tx: Queryable) => Promise<T>) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, fn);

/** What became of one invitation: its message (e-mail and sent unless said), answer and visit. */
type Step = cafe.InviteOptions & { response?: cafe.AnswerInput['response']; present?: boolean };

/** An invitation of a household to an earlier event, its message, answer and attendance. */
async function invite(householdId: string, eventIndexOrId: number | string, step: Step = {}) {
  const event = typeof eventIndexOrId === 'number' ? (past[eventIndexOrId] as string) : eventIndexOrId;
  await cafe.invite(env.db, municipality, event, householdId, { ...step, channel: step.channel ?? 'email' });
  if (step.response) await cafe.answer(env.db, municipality, event, householdId, { response: step.response });
  if (step.present !== undefined)
    await cafe.attend(env.db, municipality, event, householdId, { present: step.present });
}

const pastEvent = (date: string, status: 'planned' | 'cancelled' = 'planned') =>
  cafe.insertEvent(env.db, municipality, { date, status });

const household = (first: string, last: string, extra: Partial<HouseholdInput> = {}) =>
  createHousehold(env.db, municipality, {
    adults: [
      {
        firstName: first,
        lastName: last,
        email: `${first.toLowerCase()}@example.no`,
        preferredChannels: ['email'],
      },
    ],
    ...extra,
  });

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Velkomstvik');
  const other = await createMunicipality(env.db, 'Annenby');
  const anne = await createUser(env.db, municipality, ['caseworker'], {
    firstName: 'Anne',
    lastName: 'Ringer',
  });
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, anne.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  strangersHousehold = await createHousehold(env.db, other);

  for (const date of ['2025-01-14', '2025-03-11', '2025-05-13', '2025-09-16'])
    past.push(await pastEvent(date));
  cancelledEvent = await pastEvent('2025-11-11', 'cancelled');
  eventId = await cafe.createEvent(agent, { title: 'Vårkafé', date: '2027-03-16', hostUserIds: [anne.id] });

  // Foster homes: the welcome list.
  h.silent4 = await household('Sigrid', 'Stille', {
    adults: [
      {
        firstName: 'Sigrid',
        lastName: 'Stille',
        email: 'sigrid@example.no',
        mobile: '412 34 567',
        preferredLanguage: 'pl',
        preferredChannels: ['email'],
      },
      { firstName: 'Stian', lastName: 'Stille', preferredLanguage: 'nb' },
    ],
  });
  h.silent3 = await household('Anders', 'Aldri');
  h.failed = await household('Frida', 'Feil', {
    adults: [{ firstName: 'Frida', lastName: 'Feil', mobile: '913 45 678', preferredChannels: ['sms'] }],
  });
  h.maybe = await household('Kjell', 'Kanskje');
  h.declined = await household('Nora', 'Nei');
  h.cameOnce = await household('Kari', 'Kom');
  h.twice = await household('Tore', 'Tosidig');
  h.archived = await household('Arne', 'Arkiv');
  h.cancelled = await household('Cecilie', 'Avlyst');
  for (let i = 0; i < 4; i++) await invite(h.silent4, i);
  for (let i = 0; i < 3; i++) await invite(h.silent3, i);
  await invite(h.failed, 0, { channel: 'sms' });
  await invite(h.failed, 1, { channel: 'sms', status: 'failed' });
  await invite(h.failed, 2, { channel: 'sms' });
  await invite(h.maybe, 0, { response: 'maybe' });
  await invite(h.maybe, 1);
  await invite(h.maybe, 2, { response: 'not_coming' });
  for (let i = 0; i < 4; i++) await invite(h.declined, i, { response: 'not_coming' });
  await invite(h.cameOnce, 0);
  await invite(h.cameOnce, 1);
  await invite(h.cameOnce, 2, { response: 'coming', present: true });
  await invite(h.twice, 0);
  await invite(h.twice, 1);
  for (let i = 0; i < 3; i++) await invite(h.archived, i);
  await tenant((tx) => tx.query('UPDATE household SET archived_at = now() WHERE id = $1', [h.archived]));
  await invite(h.cancelled, 0);
  await invite(h.cancelled, 1);
  await invite(h.cancelled, cancelledEvent);

  // Emergency homes, for "households like them": of 10 invited by letter, 8 came first after it;
  // of 10 invited by e-mail, none did.
  const emergency = (first: string, channels: HouseholdInput['adults'][number]['preferredChannels']) =>
    household(first, 'Beredskap', {
      kind: 'emergency',
      adults: [
        {
          firstName: first,
          lastName: 'Beredskap',
          email: `${first}@example.no`,
          preferredChannels: channels,
        },
      ],
    });
  for (let i = 0; i < 10; i++) {
    await invite(await emergency(`brev${i}`, ['letter']), 3, { channel: 'letter', present: i < 8 });
    await invite(await emergency(`epost${i}`, ['email']), 3, { channel: 'email' });
  }
  h.emergencyNeverCame = await emergency('ny', ['email']);
  await invite(h.emergencyNeverCame, 2, { channel: 'email' });
  h.emergencyTeamChose = await emergency('valgt', ['email']);
  await invite(h.emergencyTeamChose, 2, { channel: 'email' });
  h.emergencyCame = await emergency('kom', ['email']);
  await invite(h.emergencyCame, 2, { channel: 'email', present: true });
}, 120_000);

afterAll(() => env?.close());

describe('the welcome list', () => {
  it('ranks households invited 3+ times that never came by how likely a call helps', async () => {
    const list = await welcomeList();
    expect(list.map((e) => e.id)).toEqual([h.silent4, h.silent3, h.failed, h.maybe, h.declined]);
    expect(list.map((e) => e.reason)).toEqual([
      'never_answered',
      'never_answered',
      'contact_failed',
      'unsure',
      'declined',
    ]);
    const first = list[0] as WelcomeEntry;
    expect(first).toMatchObject({
      name: 'Sigrid og Stian Stille',
      kind: 'foster',
      rank: 1,
      invitations: 4,
      languages: ['pl', 'nb'],
      mobile: '+4741234567',
      mobileDisplay: '412 34 567',
      calls: [],
    });
    expect(first.history.map((x) => x.outcome)).toEqual(['silent', 'silent', 'silent', 'silent']);
    expect(list[2]?.history.map((x) => x.outcome)).toEqual(['silent', 'failed', 'silent']);
    expect(list[3]?.history.map((x) => x.outcome)).toEqual(['maybe', 'silent', 'declined']);
    expect(list[1]?.mobile).toBeNull();
    expect(list[2]).toMatchObject({ mobile: '+4791345678', mobileDisplay: '913 45 678' });
  });

  it('leaves out who came once, who was invited twice, the archived, and cancelled events', async () => {
    const ids = (await welcomeList()).map((e) => e.id);
    for (const id of [h.cameOnce, h.twice, h.archived, h.cancelled, h.emergencyNeverCame]) {
      expect(ids).not.toContain(id);
    }
  });

  it('notes a call, shows it on the list, and logs it as a change of the household', async () => {
    const response = await agent.post(`/api/households/${h.silent3}/welcome-calls`, {
      eventId,
      outcome: 'reached',
      note: '  Kommer kanskje, vil ha skyss.  ',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      outcome: 'reached',
      note: 'Kommer kanskje, vil ha skyss.',
      calledBy: 'Anne Ringer',
      eventId,
    });
    const second = await agent.post(`/api/households/${h.silent3}/welcome-calls`, { outcome: 'no_answer' });
    expect(second.statusCode).toBe(201);
    const entry = (await welcomeList()).find((e) => e.id === h.silent3);
    expect(entry?.calls.map((c) => c.outcome)).toEqual(['no_answer', 'reached']);
    const logged = await tenant((tx) =>
      tx.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE record_type = 'household' AND record_id = $1 AND details ? 'welcomeCall'`,
        [h.silent3],
      ),
    );
    expect(logged.map((l) => l.action)).toEqual(['update', 'update']);
  });

  it("answers 404 for another municipality's household or event, 400 for a bad outcome or a long note", async () => {
    expect(
      (await agent.post(`/api/households/${strangersHousehold}/welcome-calls`, { outcome: 'reached' }))
        .statusCode,
    ).toBe(404);
    expect((await strangerAgent.get(`/api/events/${eventId}/welcome-list`)).statusCode).toBe(404);
    expect(
      (await agent.post(`/api/households/${h.silent3}/welcome-calls`, { outcome: 'bored' })).statusCode,
    ).toBe(400);
    expect(
      (
        await agent.post(`/api/households/${h.silent3}/welcome-calls`, {
          outcome: 'reached',
          note: 'x'.repeat(501),
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('the channel that has worked for households like them', () => {
  interface SendingHousehold {
    id: string;
    channel: string;
  }
  const planned = async () => {
    const response = await agent.get(`/api/events/${eventId}/sending`);
    expect(response.statusCode).toBe(200);
    return new Map((response.json().households as SendingHousehold[]).map((x) => [x.id, x.channel]));
  };

  it('plans a letter for a never-came household preferring e-mail when letters worked clearly better', async () => {
    const channels = await planned();
    expect(channels.get(h.emergencyNeverCame)).toBe('letter');
    expect(channels.get(h.emergencyTeamChose)).toBe('letter');
    // It came: its own wish stands.
    expect(channels.get(h.emergencyCame)).toBe('email');
    // Foster homes: e-mail is all there is to compare with, no suggestion.
    expect(channels.get(h.silent4)).toBe('email');
  });

  it("keeps the team's choice", async () => {
    const chose = await agent.put(
      `/api/events/${eventId}/sending/households/${h.emergencyTeamChose}/channel`,
      {
        channel: 'email',
      },
    );
    expect(chose.statusCode).toBeLessThan(300);
    const channels = await planned();
    expect(channels.get(h.emergencyTeamChose)).toBe('email');
    expect(channels.get(h.emergencyNeverCame)).toBe('letter');
  });
});
