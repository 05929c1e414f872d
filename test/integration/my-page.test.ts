import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue, inDays, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// My page: a foster parent logged in sees the upcoming events their household is invited to and
// answers them. The link is the e-mail address of an adult of a household of their municipality.
let env: TestEnv;
let home: number;
let away: number;
let kari: Agent;
let nobody: Agent;
let caseworker: Agent;
let eventId: string;
let otherEventId: string;
let cancelledEventId: string;
let pastEventId: string;
let awayEventId: string;
let karisHousehold: string;
let neighbours: string;

const KARI = 'kari.nordmann@example.no';

interface MyEvent {
  eventId: string;
  title: string;
  date: string;
  venue: { name: string; addressLine: string | null; postcode: string | null; place: string | null } | null;
  programme: { title: string }[];
  hosts: string[];
  household: { id: string; firstNames: string[] };
  answer: {
    response: string;
    adults: number;
    children: number;
    diet: string[];
    comment: string | null;
  } | null;
  status: string | null;
  place: number | null;
  canChange: boolean;
}

const answer = (overrides: Record<string, unknown> = {}) => ({
  response: 'coming',
  adults: 2,
  children: 1,
  diet: ['vegetarian'],
  dietNote: null,
  comment: 'Vi gleder oss!',
  ...overrides,
});

const myEvents = async (agent: Agent): Promise<MyEvent[]> => {
  const response = await agent.get('/api/my/events');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  env = await createTestEnv();
  home = await createMunicipality(env.db, 'Hjemby');
  away = await createMunicipality(env.db, 'Bortby');
  const anne = await createUser(env.db, home, ['caseworker'], { firstName: 'Anne' });
  const berit = await createUser(env.db, away, ['caseworker'], { firstName: 'Berit' });
  await createUser(env.db, home, ['foster_parent'], { firstName: 'Kari', email: KARI });
  const lost = await createUser(env.db, home, ['foster_parent'], { email: 'ingen.treff@example.no' });
  caseworker = await loginAs(env.app, anne.email);
  kari = await loginAs(env.app, KARI);
  nobody = await loginAs(env.app, lost.email);

  // The e-mail in the registry is written as people type it: the link ignores case.
  karisHousehold = await createHousehold(env.db, home, {
    adults: [
      { firstName: 'Kari', lastName: 'Nordmann', email: 'Kari.Nordmann@Example.no' },
      { firstName: 'Ola', lastName: 'Nordmann' },
    ],
  });
  neighbours = await createHousehold(env.db, home, {
    adults: [{ firstName: 'Nils', lastName: 'Nabo', email: 'nils@example.no' }],
  });
  // Another municipality's household with the same address must never show.
  const awayHousehold = await createHousehold(env.db, away, {
    adults: [{ firstName: 'Kari', lastName: 'Bortenfor', email: KARI }],
  });

  // The team's cafés `days` from today: whatever day that is, the team confirms it (confirmDate),
  // as it may when the date rules (holidays, school holidays) question a date.
  const cafe = (agent: Agent, title: string, days: number, extra: Record<string, unknown> = {}) =>
    createEvent(agent, { title, date: inDays(days), confirmDate: true, ...extra });
  eventId = await cafe(caseworker, 'Fosterhjemskafé', 30, {
    venueId: await createVenue(caseworker, {
      name: 'Grendehuset',
      address: { line: 'Skolevegen 2', postcode: '1384' },
    }),
    capacity: 5,
    hostUserIds: [anne.id],
    programme: [{ kind: 'talk', title: 'Tilknytning', minutes: 30, speaker: null }],
  });
  otherEventId = await cafe(caseworker, 'Bare for naboen', 40);
  cancelledEventId = await cafe(caseworker, 'Avlyst kafé', 50);
  pastEventId = await cafe(caseworker, 'Forrige kafé', 60);
  const berits = await loginAs(env.app, berit.email);
  awayEventId = await cafe(berits, 'Kafé i Bortby', 30);

  await invite(env.db, home, eventId, karisHousehold);
  await invite(env.db, home, eventId, neighbours);
  await invite(env.db, home, otherEventId, neighbours);
  await invite(env.db, home, cancelledEventId, karisHousehold);
  await invite(env.db, home, pastEventId, karisHousehold);
  await invite(env.db, away, awayEventId, awayHousehold);
  expect((await caseworker.post(`/api/events/${cancelledEventId}/cancel`)).statusCode).toBe(200);
  await inTenant(env.db, { municipalityId: home, userId: null, ip: null }, (tx) =>
    tx.query(
      `UPDATE event SET date = current_date - 7, starts_at = now() - interval '7 days',
         ends_at = now() - interval '7 days' + interval '2 hours' WHERE id = $1`,
      [pastEventId],
    ),
  );
}, 60_000);

afterAll(() => env?.close());

describe('My page', () => {
  it('shows a foster parent the upcoming event their household is invited to, and nothing else', async () => {
    const events = await myEvents(kari);
    expect(events.map((e) => e.eventId)).toEqual([eventId]);
    const [event] = events as [MyEvent];
    expect(event.title).toBe('Fosterhjemskafé');
    expect(event.date).toBe(inDays(30));
    expect(event.venue).toMatchObject({ name: 'Grendehuset', addressLine: 'Skolevegen 2', postcode: '1384' });
    expect(event.hosts).toEqual(['Anne']);
    expect(event.programme.map((item) => item.title)).toEqual(['Tilknytning']);
    expect(event.household).toEqual({ id: karisHousehold, firstNames: ['Kari', 'Ola'] });
    expect(event.answer).toBeNull();
    expect(event.status).toBeNull();
    expect(event.canChange).toBe(true);
    // Nothing of the other municipality, nor of the neighbours.
    expect(JSON.stringify(events)).not.toMatch(/Bortby|Bortenfor|Nabo|Nils/);
  });

  it('writes the read to the audit log', async () => {
    const rows = await inTenant(env.db, { municipalityId: home, userId: null, ip: null }, (tx) =>
      tx.query<{ subject_id: string }>(
        `SELECT subject_id FROM audit_log WHERE action = 'read' AND record_type = 'household'
           AND details->>'via' = 'my_page'`,
      ),
    );
    expect(rows.map((r) => r.subject_id)).toContain(karisHousehold);
  });

  it('takes the answer, and a change of it', async () => {
    const saved = await kari.put(`/api/my/events/${eventId}/answer`, answer());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      eventId,
      status: 'confirmed',
      place: null,
      answer: { response: 'coming', adults: 2, children: 1, diet: ['vegetarian'], comment: 'Vi gleder oss!' },
    });
    const [event] = await myEvents(kari);
    expect(event?.answer).toMatchObject({ response: 'coming', adults: 2, children: 1 });
    expect(event?.status).toBe('confirmed');

    // The team sees it as the household's own answer.
    const stored = await inTenant(env.db, { municipalityId: home, userId: null, ip: null }, (tx) =>
      tx.query<{ answered_by: string; version: number }>(
        `SELECT a.answered_by, a.version FROM answer a JOIN invitation i ON i.id = a.invitation_id
         WHERE i.household_id = $1 AND i.event_id = $2`,
        [karisHousehold, eventId],
      ),
    );
    expect(stored).toEqual([{ answered_by: 'household', version: 1 }]);

    const changed = await kari.put(`/api/my/events/${eventId}/answer`, answer({ response: 'not_coming' }));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'not_coming', answer: { response: 'not_coming' } });
    expect((await myEvents(kari))[0]?.status).toBe('not_coming');
  });

  it('puts the household on the waiting list when the event is full, and says its place', async () => {
    // The neighbours take 4 of the 5 places first.
    const nils = await createUser(env.db, home, ['foster_parent'], { email: 'nils@example.no' });
    const nilsAgent = await loginAs(env.app, nils.email);
    const theirs = await nilsAgent.put(
      `/api/my/events/${eventId}/answer`,
      answer({ adults: 2, children: 2 }),
    );
    expect(theirs.json().status).toBe('confirmed');
    const ours = await kari.put(`/api/my/events/${eventId}/answer`, answer());
    expect(ours.statusCode, ours.body).toBe(200);
    expect(ours.json()).toMatchObject({ status: 'waiting', place: 1 });
    expect((await myEvents(kari))[0]).toMatchObject({ status: 'waiting', place: 1 });
  });

  it('shows nothing to a user whose e-mail matches no household', async () => {
    expect(await myEvents(nobody)).toEqual([]);
    const response = await nobody.put(`/api/my/events/${eventId}/answer`, answer());
    expect(response.statusCode).toBe(404);
  });

  it("answers 404 for an event only someone else's household is invited to, or another municipality's", async () => {
    for (const id of [otherEventId, awayEventId, '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e5f']) {
      const response = await kari.put(`/api/my/events/${id}/answer`, answer());
      expect(response.statusCode, id).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    // Naming the neighbours' household does not help either.
    const named = await kari.put(`/api/my/events/${eventId}/answer`, answer({ householdId: neighbours }));
    expect(named.statusCode).toBe(404);
  });

  it('refuses a cancelled or past event with answer.closed', async () => {
    for (const id of [cancelledEventId, pastEventId]) {
      const response = await kari.put(`/api/my/events/${id}/answer`, answer());
      expect(response.statusCode, id).toBe(409);
      expect(response.json().code).toBe('answer.closed');
    }
  });

  it('refuses bad input with 400 validation.invalid', async () => {
    const bad = [
      answer({ adults: 21 }),
      answer({ children: -1 }),
      answer({ response: 'kanskje' }),
      answer({ diet: ['chocolate'] }),
      answer({ comment: 'x'.repeat(1001) }),
      answer({ dietNote: 'x'.repeat(301) }),
      answer({ adults: 0, children: 0 }),
      answer({ householdId: 'not-a-uuid' }),
      { response: 'coming' },
    ];
    for (const body of bad) {
      const response = await kari.put(`/api/my/events/${eventId}/answer`, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().code).toBe('validation.invalid');
    }
  });

  it("asks which household when more than one of the user's households is invited", async () => {
    // Kari is also an adult of a second household (a family home she runs with someone else).
    const second = await createHousehold(env.db, home, {
      kind: 'family_home',
      adults: [
        { firstName: 'Kari', lastName: 'Nordmann', email: KARI },
        { firstName: 'Aisha', lastName: 'Ali' },
      ],
    });
    await invite(env.db, home, eventId, second);
    const events = await myEvents(kari);
    expect(
      events
        .filter((e) => e.eventId === eventId)
        .map((e) => e.household.id)
        .sort(),
    ).toEqual([karisHousehold, second].sort());
    const which = await kari.put(`/api/my/events/${eventId}/answer`, answer({ response: 'maybe' }));
    expect(which.statusCode).toBe(400);
    expect(which.json().details).toEqual([{ field: 'householdId', rule: 'required' }]);
    const chosen = await kari.put(
      `/api/my/events/${eventId}/answer`,
      answer({ response: 'maybe', householdId: second }),
    );
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({
      household: { id: second, firstNames: ['Kari', 'Aisha'] },
      status: 'maybe',
    });
    // The first household's answer is untouched.
    const first = (await myEvents(kari)).find((e) => e.household.id === karisHousehold);
    expect(first?.status).toBe('waiting');
  });

  it('is closed to staff without the foster-parent role, and to anyone not logged in', async () => {
    expect((await caseworker.get('/api/my/events')).statusCode).toBe(403);
    expect((await caseworker.put(`/api/my/events/${eventId}/answer`, answer())).statusCode).toBe(403);
    expect((await new Agent(env.app).get('/api/my/events')).statusCode).toBe(401);
  });
});
