import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { attend, createVenue, inDays, insertEvent } from '../support/cafe.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';

// A venue's attendance (docs/cafe-api.md, "Venues"): the households checked in per café held
// there, on average over the cafés that had a check-in; null when none had one.

let env: TestEnv;
let municipality: number;
let agent: Agent;
let households: string[];

const venueOf = async (venueId: string) => {
  const response = await agent.get('/api/venues?archived=all');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().venues.find((v: { id: string }) => v.id === venueId);
};

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Fremmøtevik');
  const caseworker = await createUser(env.db, municipality, ['caseworker']);
  agent = await loginAs(env.app, caseworker.email);
  households = await createHouseholds(env.db, municipality, [{}, {}, {}, {}]);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe("a venue's average attendance", () => {
  it('is the households checked in per past café there that had a check-in', async () => {
    const venueId = await createVenue(agent, { name: 'Samfunnshuset' });
    const [a, b, c, d] = households as [string, string, string, string];
    // Three households came to the first café, two to the second (a third was ticked off again).
    const first = await insertEvent(env.db, municipality, { date: inDays(-60), venueId });
    for (const household of [a, b, c]) await attend(env.db, municipality, first, household);
    const second = await insertEvent(env.db, municipality, { date: inDays(-30), venueId });
    await attend(env.db, municipality, second, a, { adults: 2, children: 3 });
    await attend(env.db, municipality, second, b);
    await attend(env.db, municipality, second, c, { present: false });
    // Not counted: a café where nobody was checked in, a cancelled one, and one still to come.
    await insertEvent(env.db, municipality, { date: inDays(-14), venueId });
    const cancelled = await insertEvent(env.db, municipality, {
      date: inDays(-20),
      venueId,
      status: 'cancelled',
    });
    for (const household of [a, b, c, d]) await attend(env.db, municipality, cancelled, household);
    const coming = await insertEvent(env.db, municipality, { date: inDays(30), venueId });
    for (const household of [a, b, c, d]) await attend(env.db, municipality, coming, household);

    const venue = await venueOf(venueId);
    expect(venue.averageAttendance).toBe(2.5);
    expect(venue.eventsHeld).toBe(3);
  });

  it('is null at a venue where no café had a check-in', async () => {
    const venueId = await createVenue(agent, { name: 'Grendehuset' });
    await insertEvent(env.db, municipality, { date: inDays(-45), venueId });
    const never = await createVenue(agent, { name: 'Ubrukt lokale' });

    expect((await venueOf(venueId)).averageAttendance).toBeNull();
    expect((await venueOf(never)).averageAttendance).toBeNull();
  });
});
