import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem, inTenant } from '../../src/db/tenant.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/features/demo/service.js';
import type { MeetingCalendar } from '../../src/features/family-home-meetings/contract.js';
import type { FamilyHomeList, FamilyHomeView } from '../../src/features/family-homes/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// Family homes (SPEC section 5, seed 004): the youths, the family counsellor who follows one or two
// homes (a third only with a team leader's reason), the counsellor's view limited to their homes in
// the service and in PostgreSQL's row-level security, and the follow-up log.
let env: TestEnv;
let asker: number;
let caseworker: Agent;
let leader: Agent;
let counsellor: TestUser;
let counsellorAgent: Agent;

const familyHome = (lastName: string, firstName = 'Hiva') =>
  createHousehold(env.db, asker, {
    kind: 'family_home',
    adults: [{ firstName, lastName, mobile: '412 34 567', preferredChannels: ['email'] }],
  });

const youth = {
  firstName: 'Amir',
  birthDate: '2010-04-02',
  arrivalDate: '2024-08-15',
  languages: ['dari', 'engelsk'],
};

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  caseworker = await loginAs(env.app, (await createUser(env.db, asker, ['caseworker'])).email);
  leader = await loginAs(env.app, (await createUser(env.db, asker, ['team_leader'])).email);
  counsellor = await createUser(env.db, asker, ['family_counsellor'], {
    firstName: 'Frida',
    lastName: 'Veileder',
  });
  counsellorAgent = await loginAs(env.app, counsellor.email);
});
afterAll(() => env.close());

async function auditEntries(recordType: string, recordId: string) {
  return env.db.transaction((tx) =>
    tx.query<{ action: string; details: Record<string, unknown> | null }>(
      'SELECT action, details FROM audit_log WHERE record_type = $1 AND record_id = $2 ORDER BY id',
      [recordType, recordId],
    ),
  );
}

describe('a family home and its youths', () => {
  it('lists the family homes, not the foster homes, and shows one with its foster parents', async () => {
    const home = await familyHome('Mirzai');
    await createHousehold(env.db, asker, { adults: [{ firstName: 'Fosterfar', lastName: 'Vanlig' }] });
    const list = (await caseworker.get('/api/family-homes')).json() as FamilyHomeList;
    expect(list.scope).toBe('team');
    expect(list.homes.map((h) => h.name)).toContain('Hiva Mirzai');
    expect(JSON.stringify(list)).not.toContain('Fosterfar');
    const view = (await caseworker.get(`/api/family-homes/${home}`)).json() as FamilyHomeView;
    expect(view.parents.map((p) => p.firstName)).toEqual(['Hiva']);
    expect(view.parents[0]?.courses).toEqual([]);
    await completeCourse(env.db, asker, home, 'pride');
    const trained = (await caseworker.get(`/api/family-homes/${home}`)).json() as FamilyHomeView;
    expect(trained.parents[0]?.courses).toEqual([{ kind: 'pride', completedOn: '2025-05-20', part: null }]);
    expect(await auditEntries('family_home', home)).toContainEqual(
      expect.objectContaining({ action: 'read' }),
    );
  });

  it('adds, changes and removes a youth, and refuses an arrival before the birth date', async () => {
    const home = await familyHome('Ahmadi');
    const added = await caseworker.post(`/api/family-homes/${home}/youths`, youth);
    expect(added.statusCode).toBe(201);
    const [saved] = (added.json() as FamilyHomeView).youths;
    expect(saved).toMatchObject(youth);
    const changed = await caseworker.put(`/api/family-homes/${home}/youths/${saved?.id}`, {
      ...youth,
      firstName: ' Amiri ',
      languages: ['dari', 'dari', 'norsk'],
    });
    expect((changed.json() as FamilyHomeView).youths[0]).toMatchObject({
      firstName: 'Amiri',
      languages: ['dari', 'norsk'],
    });
    const bad = await caseworker.post(`/api/family-homes/${home}/youths`, {
      ...youth,
      arrivalDate: '2009-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: 'arrivalDate', rule: 'before_birth' }]);
    const removed = await caseworker.request({
      method: 'DELETE',
      url: `/api/family-homes/${home}/youths/${saved?.id}`,
    });
    expect((removed.json() as FamilyHomeView).youths).toEqual([]);
    expect((await auditEntries('family_home_youth', saved?.id ?? '')).map((e) => e.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('erases the youths, follow-ups, meetings and counsellor with the household', async () => {
    const home = await familyHome('Sletten');
    await caseworker.post(`/api/family-homes/${home}/youths`, youth);
    await caseworker.post(`/api/family-homes/${home}/follow-ups`, {
      date: todayInOslo(),
      kind: 'call',
      note: 'Ringte.',
    });
    await caseworker.put(`/api/family-homes/${home}/counsellor`, { userId: counsellor.id });
    expect((await caseworker.post(`/api/households/${home}/archive`, {})).statusCode).toBe(200);
    const erased = await leader.post(`/api/households/${home}/erase`, {});
    expect(erased.statusCode, erased.body).toBe(200);
    const left = await env.db.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM family_home_youth WHERE household_id = $1)
              + (SELECT count(*) FROM family_home_follow_up WHERE household_id = $1)
              + (SELECT count(*) FROM family_home_counsellor WHERE household_id = $1) AS n`,
        [home],
      ),
    );
    expect(Number(left[0]?.n)).toBe(0);
    expect((await caseworker.get(`/api/family-homes/${home}`)).statusCode).toBe(404);
  });

  it("answers 404 and changes nothing on every family-home route that names another municipality's home", async () => {
    const other = await createMunicipality(env.db, 'Annenby');
    const theirs = await createHousehold(env.db, other, {
      kind: 'family_home',
      adults: [{ firstName: 'Annbjørg', lastName: 'Utenfor' }],
    });
    const bodies: Record<string, unknown> = {
      POST: { ...youth, date: todayInOslo(), kind: 'call' },
      PUT: { ...youth, userId: counsellor.id },
    };
    const routes = env.app.routeTable.filter((r) => r.url.startsWith('/api/family-homes/:householdId'));
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const rows = () =>
      env.db.transaction((tx) =>
        tx.query('SELECT * FROM family_home_counsellor WHERE household_id = $1', [theirs]),
      );
    for (const route of routes) {
      const url = route.url.replace(':householdId', theirs).replace(/:[A-Za-z]+/, theirs);
      const body = route.url.endsWith('/meetings')
        ? {
            date: addDays(todayInOslo(), 3),
            startTime: '10:00',
            kind: 'school',
            place: 'X',
            participantUserIds: [counsellor.id],
          }
        : bodies[route.method];
      const response = await caseworker.request({
        method: route.method as 'GET',
        url,
        payload: body as object,
      });
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).toBe(404);
    }
    expect(await rows()).toEqual([]);
  });

  it("answers 404 for another municipality's family home and for a foster home", async () => {
    const other = await createMunicipality(env.db, 'Bortenfor');
    const theirs = await createHousehold(env.db, other, {
      kind: 'family_home',
      adults: [{ firstName: 'Bortolf', lastName: 'Annensted' }],
    });
    const foster = await createHousehold(env.db, asker, {
      adults: [{ firstName: 'Vanlig', lastName: 'Fosterhjem' }],
    });
    for (const id of [theirs, foster]) {
      expect((await caseworker.get(`/api/family-homes/${id}`)).statusCode).toBe(404);
      expect((await caseworker.post(`/api/family-homes/${id}/youths`, youth)).statusCode).toBe(404);
    }
  });
});

describe('the family counsellor follows one or two homes', () => {
  it('refuses a third home with a clear reason unless a team leader overrides it with a reason', async () => {
    const busy = await createUser(env.db, asker, ['family_counsellor']);
    const [one, two, three] = [await familyHome('En'), await familyHome('To'), await familyHome('Tre')];
    expect(
      (await caseworker.put(`/api/family-homes/${one}/counsellor`, { userId: busy.id })).statusCode,
    ).toBe(200);
    expect(
      (await caseworker.put(`/api/family-homes/${two}/counsellor`, { userId: busy.id })).statusCode,
    ).toBe(200);
    // Choosing the same counsellor again for a home they follow is no third home.
    expect(
      (await caseworker.put(`/api/family-homes/${two}/counsellor`, { userId: busy.id })).statusCode,
    ).toBe(200);

    const refused = await caseworker.put(`/api/family-homes/${three}/counsellor`, { userId: busy.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'family_home.counsellor_full', details: { limit: 2 } });
    expect(refused.json().message).toContain('to familiehjem');
    const notLeader = await caseworker.put(`/api/family-homes/${three}/counsellor`, {
      userId: busy.id,
      overrideReason: 'Trenger det',
    });
    expect(notLeader.json().code).toBe('family_home.override_forbidden');
    expect((await caseworker.get(`/api/family-homes/${three}`)).json().counsellor).toBeNull();

    const overridden = await leader.put(`/api/family-homes/${three}/counsellor`, {
      userId: busy.id,
      overrideReason: 'Søsken i to av hjemmene',
    });
    expect(overridden.statusCode).toBe(200);
    expect((overridden.json() as FamilyHomeView).counsellor).toMatchObject({
      id: busy.id,
      overrideReason: 'Søsken i to av hjemmene',
    });
    const [entry] = (await auditEntries('family_home_counsellor', three)).slice(-1);
    expect(entry?.details).toMatchObject({ override: true, reason: 'Søsken i to av hjemmene', followed: 2 });
  });

  it('refuses a user who is not a family counsellor', async () => {
    const home = await familyHome('Feil');
    const other = await createUser(env.db, asker, ['caseworker']);
    const response = await caseworker.put(`/api/family-homes/${home}/counsellor`, { userId: other.id });
    expect(response.json().code).toBe('family_home.not_counsellor');
  });
});

describe("the counsellor's view", () => {
  let own: string;
  let notOwn: string;

  beforeAll(async () => {
    own = await familyHome('Egen', 'Oda');
    notOwn = await familyHome('Fremmed', 'Xenia');
    await caseworker.put(`/api/family-homes/${own}/counsellor`, { userId: counsellor.id });
    await caseworker.post(`/api/family-homes/${notOwn}/youths`, { ...youth, firstName: 'Yusuf' });
  });

  it('lists only their own homes and answers 404 for any other', async () => {
    const list = (await counsellorAgent.get('/api/family-homes')).json() as FamilyHomeList;
    expect(list.scope).toBe('counsellor');
    expect(list.homes.map((h) => h.id)).toEqual([own]);
    expect((await counsellorAgent.get(`/api/family-homes/${own}`)).statusCode).toBe(200);
    expect((await counsellorAgent.get(`/api/family-homes/${notOwn}`)).statusCode).toBe(404);
    expect((await counsellorAgent.get('/api/households')).statusCode).toBe(403);
  });

  it('may not change the youths or the counsellor', async () => {
    expect((await counsellorAgent.post(`/api/family-homes/${own}/youths`, youth)).statusCode).toBe(403);
    expect(
      (await counsellorAgent.put(`/api/family-homes/${own}/counsellor`, { userId: counsellor.id }))
        .statusCode,
    ).toBe(403);
  });

  it('logs a home visit with a staff-only note, which the team sees', async () => {
    const logged = await counsellorAgent.post(`/api/family-homes/${own}/follow-ups`, {
      date: todayInOslo(),
      kind: 'home_visit',
      note: 'Middag sammen, god stemning.',
    });
    expect(logged.statusCode).toBe(201);
    const view = (await caseworker.get(`/api/family-homes/${own}`)).json() as FamilyHomeView;
    expect(view.followUps[0]).toMatchObject({
      kind: 'home_visit',
      note: 'Middag sammen, god stemning.',
      by: 'Frida Veileder',
    });
    const tooLong = await counsellorAgent.post(`/api/family-homes/${own}/follow-ups`, {
      date: todayInOslo(),
      kind: 'call',
      note: 'x'.repeat(1001),
    });
    expect(tooLong.statusCode).toBe(400);
    const future = await counsellorAgent.post(`/api/family-homes/${own}/follow-ups`, {
      date: '2199-01-01',
      kind: 'call',
    });
    expect(future.json().details).toEqual([{ field: 'date', rule: 'future' }]);
    expect(
      (
        await counsellorAgent.post(`/api/family-homes/${notOwn}/follow-ups`, {
          date: todayInOslo(),
          kind: 'call',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('sees in the database only the registry rows and youths of their own homes (row-level security)', async () => {
    const ctx = { municipalityId: asker, userId: counsellor.id, ip: null };
    const seen = await inTenant(env.db, ctx, async (tx) => ({
      households: await tx.query<{ id: string }>('SELECT id FROM household'),
      adults: await tx.query<{ first_name: string }>('SELECT first_name FROM adult'),
      youths: await tx.query<{ first_name: string }>('SELECT first_name FROM family_home_youth'),
    }));
    expect(seen.households.map((h) => h.id)).toEqual([own]);
    expect(seen.adults.map((a) => a.first_name)).toEqual(['Oda']);
    expect(seen.youths.map((y) => y.first_name)).not.toContain('Yusuf');
    // A caseworker of the same municipality sees them all, as before.
    const team = await inTenant(env.db, { ...ctx, userId: null }, (tx) =>
      tx.query<{ first_name: string }>('SELECT first_name FROM family_home_youth'),
    );
    expect(team.map((y) => y.first_name)).toContain('Yusuf');
  });

  it('finds no other home on any route it can call (a walk of the route table)', async () => {
    const routes = env.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.config.public);
    let walked = 0;
    for (const route of routes) {
      if (route.method !== 'GET') continue;
      const url =
        route.config.tenantObject === 'household' ? route.url.replace(/:[A-Za-z]+/, notOwn) : route.url;
      if (url.includes(':')) continue;
      const response = await counsellorAgent.get(url);
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      for (const marker of ['Xenia', 'Fremmed', 'Yusuf', 'Mirzai']) {
        expect(response.body, `${url} shows ${marker}`).not.toContain(marker);
      }
      walked += 1;
    }
    expect(walked).toBeGreaterThan(10);
  });
});

describe('the demo municipality', () => {
  it('has three family homes with youths, a counsellor who follows two, follow-ups and a meeting tomorrow', async () => {
    await seedDemo(env.db);
    const counsellorDemo = await loginAs(env.app, 'familieveileder@demo.landsby.no', DEMO_PASSWORD);
    const own = (await counsellorDemo.get('/api/family-homes')).json() as FamilyHomeList;
    expect(own.homes).toHaveLength(2);
    const team = await loginAs(env.app, 'saksbehandler@demo.landsby.no', DEMO_PASSWORD);
    const all = (await team.get('/api/family-homes')).json() as FamilyHomeList;
    const withYouths = all.homes.filter((home) => home.youthCount > 0);
    expect(withYouths.length).toBeGreaterThanOrEqual(3);
    const first = own.homes.find((home) => home.nextMeetingOn === addDays(todayInOslo(), 1));
    expect(first, 'a meeting tomorrow').toBeDefined();
    const view = (await counsellorDemo.get(`/api/family-homes/${first?.id}`)).json() as FamilyHomeView;
    expect(view.followUps.length).toBeGreaterThan(0);
    expect(view.housingUnit?.status).toBe('occupied');
    const calendar = (
      await counsellorDemo.get(`/api/family-homes/${first?.id}/meetings`)
    ).json() as MeetingCalendar;
    expect(calendar.upcoming[0]?.participants).toHaveLength(2);
    // Seeding again adds nothing.
    await seedDemo(env.db);
    const m = await asSystem(
      env.db,
      async (tx) =>
        (await tx.query<{ id: number }>("SELECT id FROM municipality WHERE number = '9999'"))[0]?.id,
    );
    const count = await inTenant(
      env.db,
      { municipalityId: m ?? 0, userId: null, ip: null },
      async (tx) =>
        (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM family_home_meeting'))[0]?.n,
    );
    expect(count).toBe(2);
  });
});
