import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// More room at an event (docs/cafe-api.md, "Events"): when the team raises the capacity, the
// households waiting for a place move up in the order they joined the line while they fit, and
// each is told ("there is a place for you").

let env: TestEnv;
let municipality: number;
let agent: Agent;

const sql = <T>(text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<T>(text, params),
  );

/** Households of one adult each, invited to the event by e-mail. */
async function invitedHouseholds(eventId: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const id = await createHousehold(env.db, municipality, {
      adults: [
        {
          firstName: name,
          lastName: 'Venter',
          email: `${name.toLowerCase()}@example.no`,
          preferredChannels: ['email'],
        },
      ],
    });
    await invite(env.db, municipality, eventId, id, { channel: 'email' });
    ids.push(id);
  }
  return ids;
}

/** The team notes "coming, one adult" for a household (a phone call); returns its status and place. */
async function coming(eventId: string, householdId: string) {
  const response = await agent.put(`/api/events/${eventId}/answers/${householdId}`, {
    response: 'coming',
    adults: 1,
    children: 0,
    diet: [],
    dietNote: null,
    comment: null,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { status: string; place: number | null };
}

/** Replaces the event with its own form, with another capacity. */
async function setCapacity(eventId: string, capacity: number | null) {
  const event = (await agent.get(`/api/events/${eventId}`)).json();
  const response = await agent.put(`/api/events/${eventId}`, {
    title: event.title,
    date: event.date,
    startTime: event.startTime,
    endTime: event.endTime,
    food: event.food,
    registration: event.registration,
    venueId: event.venue?.id ?? null,
    capacity,
    version: event.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().capacity).toBe(capacity);
}

const waiting = async (eventId: string) =>
  (
    await sql<{ householdId: string }>(
      `SELECT household_id AS "householdId" FROM answer WHERE event_id = $1 AND waiting_since IS NOT NULL
       ORDER BY waiting_since`,
      [eventId],
    )
  ).map((r) => r.householdId);

const promoted = async (eventId: string) =>
  (
    await sql<{ householdId: string }>(
      `SELECT household_id AS "householdId" FROM message WHERE event_id = $1 AND purpose = 'promotion'`,
      [eventId],
    )
  ).map((r) => r.householdId);

/** The households whose move up from the waiting list the audit log holds (their answer's status changed). */
const auditedPromotions = async (eventId: string) =>
  (
    await sql<{ subjectId: string }>(
      `SELECT subject_id AS "subjectId" FROM audit_log
       WHERE action = 'update' AND record_type = 'household' AND details->>'via' = 'promotion'
         AND details->>'eventId' = $1`,
      [eventId],
    )
  ).map((r) => r.subjectId);

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Plassby');
  const caseworker = await createUser(env.db, municipality, ['caseworker']);
  agent = await loginAs(env.app, caseworker.email);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe("raising an event's capacity", () => {
  it('gives the waiting household the new place and tells it so', async () => {
    const eventId = await createEvent(agent, {
      date: '2099-03-17',
      capacity: 2,
      venueId: await createVenue(agent),
    });
    const [kari, siri, lars] = await invitedHouseholds(eventId, ['Kari', 'Siri', 'Lars']);
    expect(await coming(eventId, kari as string)).toEqual({ status: 'confirmed', place: null });
    expect(await coming(eventId, siri as string)).toEqual({ status: 'confirmed', place: null });
    expect(await coming(eventId, lars as string)).toEqual({ status: 'waiting', place: 1 });

    await setCapacity(eventId, 3);

    expect(await waiting(eventId)).toEqual([]);
    expect(await promoted(eventId)).toEqual([lars]);
    expect(await auditedPromotions(eventId)).toEqual([lars]);
    await expect
      .poll(
        () =>
          env.smtp.messages.some(
            (m) =>
              [m.to].flat()[0]?.value[0]?.address === 'lars@example.no' &&
              m.subject?.startsWith('Det ble plass'),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  it('moves up the first in line only when one more place comes free, and the second keeps waiting', async () => {
    const eventId = await createEvent(agent, {
      date: '2099-03-24',
      capacity: 2,
      venueId: await createVenue(agent),
    });
    const [nina, per, ali, eva] = await invitedHouseholds(eventId, ['Nina', 'Per', 'Ali', 'Eva']);
    await coming(eventId, nina as string);
    await coming(eventId, per as string);
    expect(await coming(eventId, ali as string)).toEqual({ status: 'waiting', place: 1 });
    expect(await coming(eventId, eva as string)).toEqual({ status: 'waiting', place: 2 });

    await setCapacity(eventId, 3);

    expect(await waiting(eventId)).toEqual([eva]);
    expect(await promoted(eventId)).toEqual([ali]);

    // The same capacity sent again (an edit of the title, say) moves nobody.
    await setCapacity(eventId, 3);
    expect(await waiting(eventId)).toEqual([eva]);

    // No limit at all: everyone waiting has a place.
    await setCapacity(eventId, null);
    expect(await waiting(eventId)).toEqual([]);
    expect((await promoted(eventId)).sort()).toEqual([ali, eva].sort());
    expect((await auditedPromotions(eventId)).sort()).toEqual([ali, eva].sort());
  });
});
