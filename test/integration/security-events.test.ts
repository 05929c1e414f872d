import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// Anne of Asker tries Bærum's café and household by id. Both answer 404 and change nothing (the
// tenancy test proves that for every route); here the attempt leaves a trace: Asker's admin sees
// who tried what kind of object on which route, Bærum's admin sees nothing of it, and the
// operator finds it in the application log, with no id or name of Bærum's.
let env: TestEnv;
let log = '';
let anne: TestUser;
let anneAgent: Agent;
let adminA: Agent;
let adminB: Agent;
let eventOfB: string;
let householdOfB: string;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  env = await createTestEnv({ LOG_LEVEL: 'info' }, { stream });
  const asker = await createMunicipality(env.db, 'Asker');
  const baerum = await createMunicipality(env.db, 'Bærum');
  anne = await createUser(env.db, asker, ['caseworker'], { firstName: 'Anne', lastName: 'Asker' });
  anneAgent = await loginAs(env.app, anne.email);
  adminA = await loginAs(env.app, (await createUser(env.db, asker, ['municipality_admin'])).email);
  const bAdmin = await createUser(env.db, baerum, ['municipality_admin', 'caseworker']);
  adminB = await loginAs(env.app, bAdmin.email);
  eventOfB = await createEvent(adminB, { date: '2099-05-05', venueId: await createVenue(adminB) });
  householdOfB = await createHousehold(env.db, baerum, {
    adults: [{ firstName: 'Berit', lastName: 'Bærumsen', mobile: '412 34 567', preferredChannels: ['sms'] }],
  });
}, 60_000);
afterAll(() => env?.close());

const securityEvents = async (agent: Agent) => {
  const response = await agent.get('/api/admin/security-events');
  expect(response.statusCode, response.body).toBe(200);
  return response;
};

describe('refused access to another municipality’s objects', () => {
  it("shows the attacker's admin who tried which kind of object on which route, and when", async () => {
    const before = Date.now();
    expect((await anneAgent.get(`/api/events/${eventOfB}`)).statusCode).toBe(404);
    expect((await anneAgent.get(`/api/households/${householdOfB}`)).statusCode).toBe(404);

    const { events } = (await securityEvents(adminA)).json();
    expect(events.slice(0, 2)).toEqual([
      expect.objectContaining({
        actorUserId: anne.id,
        actorName: 'Anne Asker',
        method: 'GET',
        route: '/api/households/:householdId',
        targetType: 'household',
      }),
      expect.objectContaining({
        actorName: 'Anne Asker',
        route: '/api/events/:eventId',
        targetType: 'event',
      }),
    ]);
    expect(new Date(events[0].at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("keeps the other municipality's ids and names out of the event", async () => {
    const body = (await securityEvents(adminA)).body;
    expect(body).not.toContain(eventOfB);
    expect(body).not.toContain(householdOfB);
    expect(body).not.toContain('Bærum');
    expect(body).not.toContain('Berit');
  });

  it("shows nothing of it to the target municipality's admin", async () => {
    const { events } = (await securityEvents(adminB)).json();
    expect(events.filter((e: { actorUserId: string }) => e.actorUserId === anne.id)).toEqual([]);
  });

  it('logs a line for the platform operator with the route and kind of object, without the id', () => {
    const lines = log
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((line) => line.securityEvent === 'access_refused');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: anne.id, route: '/api/events/:eventId', targetType: 'event' }),
      ]),
    );
    expect(JSON.stringify(lines)).not.toContain(eventOfB);
  });

  it('leaves no event when the user opens an object of their own municipality', async () => {
    const count = (await securityEvents(adminA)).json().events.length;
    const own = await createEvent(anneAgent, { date: '2099-06-06' });
    expect((await anneAgent.get(`/api/events/${own}`)).statusCode).toBe(200);
    expect((await securityEvents(adminA)).json().events.length).toBe(count);
  });

  it('shows the refused attempts to admins only', async () => {
    const response = await anneAgent.get('/api/admin/security-events');
    expect(response.statusCode).toBe(403);
  });
});
