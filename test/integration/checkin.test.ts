import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { answer, createEvent, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let agent: Agent;
let strangerAgent: Agent;
let earlierEvent: string;
let eventId: string;
let kari: string;
let lars: string;
let siri: string;
let householdOfOther: string;

interface AttendanceHousehold {
  id: string;
  name: string;
  response: string | null;
  adults: number;
  children: number;
  waiting: boolean;
  firstTime: boolean;
  present: boolean;
  walkIn: boolean;
}
interface Attendance {
  event: { id: string; title: string; date: string; startTime: string };
  households: AttendanceHousehold[];
  counts: { checkedIn: number; adults: number; children: number; expected: number };
}

const attendance = async (event = eventId): Promise<Attendance> => {
  const response = await agent.get(`/api/events/${event}/attendance`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const householdOf = async (id: string, event = eventId) =>
  (await attendance(event)).households.find((h) => h.id === id);
const tap = (body: Record<string, unknown>, event = eventId) =>
  agent.post(`/api/events/${event}/attendance`, body);
const walkIn = (body: Record<string, unknown>, event = eventId) =>
  agent.post(`/api/events/${event}/walk-ins`, body);

/** Attendance changes in the audit log, for one household. */
async function auditedChanges(householdId: string): Promise<number> {
  const [row] = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE record_type = 'attendance' AND subject_id = $1",
      [householdId],
    ),
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Innsjekkby');
  const other = await createMunicipality(env.db, 'Annenby');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, anne.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  earlierEvent = await createEvent(agent, { title: 'Vinterkafé', date: '2027-02-09', confirmDate: true });
  eventId = await createEvent(agent, { title: 'Vårkafé', date: '2027-03-16', confirmDate: true });
  kari = await createHousehold(env.db, municipality, {
    adults: [
      { firstName: 'Kari', lastName: 'Nordmann' },
      { firstName: 'Ola', lastName: 'Nordmann' },
    ],
  });
  lars = await createHousehold(env.db, municipality, { adults: [{ firstName: 'Lars', lastName: 'Dahl' }] });
  siri = await createHousehold(env.db, municipality, { adults: [{ firstName: 'Siri', lastName: 'Berg' }] });
  householdOfOther = await createHousehold(env.db, other, {
    adults: [{ firstName: 'Bodvar', lastName: 'Bergkvist' }],
  });
  await invite(env.db, municipality, eventId, kari);
  await answer(env.db, municipality, eventId, kari, { adults: 2, children: 1 });
  await invite(env.db, municipality, eventId, lars);
}, 60_000);

afterAll(() => env?.close());

describe('check-in on the evening', () => {
  it('lists the invited households by name with their answer, nobody checked in yet', async () => {
    const view = await attendance();
    expect(view.event).toEqual({ id: eventId, title: 'Vårkafé', date: '2027-03-16', startTime: '18:00' });
    expect(view.households.map((h) => h.name)).toEqual(['Kari og Ola Nordmann', 'Lars Dahl']);
    expect(view.households[0]).toMatchObject({
      id: kari,
      response: 'coming',
      adults: 2,
      children: 1,
      waiting: false,
      firstTime: true,
      present: false,
      walkIn: false,
    });
    // No answer: the registry's persons.
    expect(view.households[1]).toMatchObject({ id: lars, response: null, adults: 1, children: 0 });
    expect(view.counts).toEqual({ checkedIn: 0, adults: 0, children: 0, expected: 1 });
  });

  it('stores the same tap once: a retry answers the same and changes nothing', async () => {
    const body = {
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      tappedAt: new Date().toISOString(),
    };
    const first = await tap(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().household).toMatchObject({ id: kari, present: true, adults: 2, children: 1 });
    expect(first.json().counts).toEqual({ checkedIn: 1, adults: 2, children: 1, expected: 1 });
    const again = await tap(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await auditedChanges(kari)).toBe(1);
  });

  it('lets the later tap win, whatever order they arrive in', async () => {
    const base = Date.now();
    const undo = await tap({
      tapId: randomUUID(),
      householdId: kari,
      present: false,
      tappedAt: new Date(base + 2000).toISOString(),
    });
    expect(undo.json().household.present).toBe(false);
    // An older tap that was stuck in a phone's queue arrives after: it does not overwrite.
    const stale = await tap({
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      tappedAt: new Date(base + 1000).toISOString(),
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().household.present).toBe(false);
    expect((await householdOf(kari))?.present).toBe(false);
    expect(await auditedChanges(kari)).toBe(2);
    // A later one does, with the numbers counted at the door.
    const later = await tap({
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      adults: 1,
      children: 2,
      tappedAt: new Date(base + 3000).toISOString(),
    });
    expect(later.json().household).toMatchObject({ present: true, adults: 1, children: 2 });
    expect(later.json().counts).toMatchObject({ checkedIn: 1, adults: 1, children: 2 });
  });

  it('clamps a tap from a clock far ahead to now, so it cannot hold off the taps of the others', async () => {
    const ahead = await tap({
      tapId: randomUUID(),
      householdId: lars,
      present: true,
      tappedAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    });
    expect(ahead.statusCode).toBe(200);
    const [row] = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
      tx.query<{ tappedAt: Date }>(
        'SELECT tapped_at AS "tappedAt" FROM attendance WHERE event_id = $1 AND household_id = $2',
        [eventId, lars],
      ),
    );
    expect(new Date(row?.tappedAt ?? 0).getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    const undo = await tap({
      tapId: randomUUID(),
      householdId: lars,
      present: false,
      tappedAt: new Date(Date.now() + 6 * 60_000).toISOString(),
    });
    expect(undo.json().household.present).toBe(false);
  });

  it('checks in a household of the registry that came without answering, once per tap id', async () => {
    const body = { tapId: randomUUID(), householdId: siri, tappedAt: new Date().toISOString() };
    const first = await walkIn(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().household).toMatchObject({
      id: siri,
      name: 'Siri Berg',
      present: true,
      walkIn: true,
      response: null,
      adults: 1,
      children: 0,
    });
    const again = await walkIn(body);
    expect(again.json()).toEqual(first.json());
    expect(await auditedChanges(siri)).toBe(1);
    expect((await attendance()).households.map((h) => h.name)).toEqual([
      'Kari og Ola Nordmann',
      'Lars Dahl',
      'Siri Berg',
    ]);
  });

  it('makes one minimal household of a new walk-in, however often the tap is sent', async () => {
    const tapId = randomUUID();
    const body = { tapId, newHousehold: { firstName: 'Nils', lastName: 'Nykommer', mobile: '900 00 001' } };
    const first = await walkIn(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().household).toMatchObject({
      id: tapId,
      name: 'Nils Nykommer',
      present: true,
      walkIn: true,
      firstTime: true,
      adults: 1,
    });
    const again = await walkIn(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().household).toEqual(first.json().household);
    const stored = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
      tx.query<{ kind: string; relation: string; mobile: string }>(
        `SELECT h.kind, h.relation, a.mobile FROM household h JOIN adult a ON a.household_id = h.id
         WHERE a.last_name = 'Nykommer'`,
      ),
    );
    expect(stored).toEqual([{ kind: 'foster', relation: 'care', mobile: '+4790000001' }]);
    // It is in the registry, found by its search.
    const found = await agent.get('/api/households?q=nykommer');
    expect(found.json().households.map((h: { id: string }) => h.id)).toEqual([tapId]);
  });

  it('marks a household as a first-timer until it has been at another event', async () => {
    expect((await householdOf(lars))?.firstTime).toBe(true);
    const earlier = await walkIn({ tapId: randomUUID(), householdId: lars }, earlierEvent);
    expect(earlier.statusCode, earlier.body).toBe(200);
    expect((await householdOf(lars))?.firstTime).toBe(false);
    // Being here tonight does not make one a regular: Kari is still new.
    expect((await householdOf(kari))?.firstTime).toBe(true);
  });

  it("answers 404 for another municipality's household or event and stores nothing", async () => {
    const other = await tap({
      tapId: randomUUID(),
      householdId: householdOfOther,
      present: true,
      tappedAt: new Date().toISOString(),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not_found');
    const otherWalkIn = await walkIn({ tapId: randomUUID(), householdId: householdOfOther });
    expect(otherWalkIn.statusCode).toBe(404);
    const unknown = await tap({
      tapId: randomUUID(),
      householdId: randomUUID(),
      present: true,
      tappedAt: new Date().toISOString(),
    });
    expect(unknown.statusCode).toBe(404);
    expect((await strangerAgent.get(`/api/events/${eventId}/attendance`)).statusCode).toBe(404);
    const strangerTap = await strangerAgent.post(`/api/events/${eventId}/attendance`, {
      tapId: randomUUID(),
      householdId: kari,
      present: false,
      tappedAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(strangerTap.statusCode).toBe(404);
    expect((await householdOf(kari))?.present).toBe(true);
    const rows = await env.db.transaction((tx) =>
      tx.query('SELECT 1 FROM attendance WHERE household_id = $1', [householdOfOther]),
    );
    expect(rows).toEqual([]);
  });

  it('refuses bad input with 400 and a stable code', async () => {
    const good = {
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      tappedAt: new Date().toISOString(),
    };
    const bad: Record<string, unknown>[] = [
      { ...good, tapId: 'not-a-uuid' },
      { ...good, householdId: 'x' },
      { ...good, present: undefined },
      { ...good, present: 'ja' },
      { ...good, adults: 21 },
      { ...good, children: -1 },
      { ...good, tappedAt: 'i går' },
      { ...good, tappedAt: undefined },
      { ...good, extra: 1 },
    ];
    for (const body of bad) {
      const response = await tap(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('validation.invalid');
    }
    const badWalkIns: Record<string, unknown>[] = [
      { tapId: randomUUID() },
      { tapId: randomUUID(), householdId: siri, newHousehold: { firstName: 'A', lastName: 'B' } },
      { tapId: randomUUID(), newHousehold: { firstName: 'Anna' } },
      { tapId: randomUUID(), newHousehold: { firstName: ' ', lastName: 'Berg' } },
      { tapId: 'x', newHousehold: { firstName: 'Anna', lastName: 'Berg' } },
    ];
    for (const body of badWalkIns) {
      const response = await walkIn(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBe('validation.invalid');
    }
    const badMobile = await walkIn({
      tapId: randomUUID(),
      newHousehold: { firstName: 'Anna', lastName: 'Berg', mobile: '12' },
    });
    expect(badMobile.statusCode).toBe(400);
    expect(badMobile.json().details).toEqual([{ field: 'newHousehold.mobile', rule: 'phone' }]);
    expect((await agent.get('/api/households?q=anna')).json().households).toEqual([]);
  });

  it('takes no taps for a cancelled café', async () => {
    const cancelled = await createEvent(agent, {
      title: 'Avlyst kafé',
      date: '2027-04-13',
      confirmDate: true,
    });
    expect((await agent.post(`/api/events/${cancelled}/cancel`)).statusCode).toBe(200);
    const response = await tap({
      tapId: randomUUID(),
      householdId: kari,
      present: true,
      tappedAt: new Date().toISOString(),
    });
    expect(response.statusCode).toBe(200);
    const refused = await tap(
      { tapId: randomUUID(), householdId: kari, present: true, tappedAt: new Date().toISOString() },
      cancelled,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('checkin.event_cancelled');
  });
});
