import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { attend, inDays, insertEvent } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let caseworker: TestUser;
let agent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Registerby');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Sara' });
  agent = await loginAs(env.app, caseworker.email);
  await env.db.transaction((tx) =>
    tx.query('INSERT INTO travel_time (municipality_id, postcode, minutes) VALUES ($1, $2, $3)', [
      municipality,
      '3370',
      75,
    ]),
  );
});
afterAll(() => env.close());

const household = (overrides: Record<string, unknown> = {}) => ({
  kind: 'foster',
  relation: 'care',
  address: { line: 'Fjellveien 2', postcode: '3370' },
  adults: [
    {
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: 'Kari@Example.NO ',
      mobile: '412 34 567',
      preferredChannels: ['sms'],
    },
    { firstName: 'Ola', lastName: 'Nordmann', mobile: '0047 98765432', preferredLanguage: 'nn' },
  ],
  children: [{ firstName: 'Emma', birthDate: '2014-05-17' }],
  placements: [{ childIndex: 0, startDate: '2022-08-01' }],
  ...overrides,
});

describe('a household in the registry', () => {
  it('is created with numbers in E.164, the place from the postcode and the travel time from the table', async () => {
    const response = await agent.post('/api/households', household());
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.address).toEqual({ line: 'Fjellveien 2', postcode: '3370', place: 'VIKERSUND' });
    expect(created.travelMinutes).toBe(75);
    expect(created.travelSource).toBe('postcode_table');
    expect(created.adults.map((a: { mobile: string }) => a.mobile)).toEqual(['+4741234567', '+4798765432']);
    expect(created.adults[0].email).toBe('kari@example.no');
    expect(created.children).toEqual([
      { id: expect.any(String), firstName: 'Emma', birthDate: '2014-05-17' },
    ]);
    expect(created.placements[0]).toMatchObject({
      childId: created.children[0].id,
      startDate: '2022-08-01',
      endReason: null,
    });
  });

  it('lists every problem of a half-filled form by field, and writes nothing', async () => {
    const before = (await agent.get('/api/households?archived=all')).json().total;
    const response = await agent.post(
      '/api/households',
      household({
        address: { postcode: '0000' },
        travelMinutes: null,
        adults: [{ firstName: ' ', lastName: 'X', email: 'not-an-address', mobile: '22 33 44 55' }],
        children: [{ firstName: 'Ida', birthDate: '2020-02-30' }],
        placements: [{ childIndex: 3, startDate: '2022-01-01' }],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.invalid');
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        { field: 'address.postcode', rule: 'postcode' },
        { field: 'adults.0.firstName', rule: 'required' },
        { field: 'adults.0.email', rule: 'email' },
        // 22 33 44 55 is a valid Norwegian landline: told as such, since it cannot take SMS.
        { field: 'adults.0.mobile', rule: 'landline' },
        { field: 'children.0.birthDate', rule: 'date' },
        { field: 'placements.0.childIndex', rule: 'range' },
      ]),
    );
    expect((await agent.get('/api/households?archived=all')).json().total).toBe(before);
  });

  it('is created once when "save" is clicked twice', async () => {
    const id = randomUUID();
    const [first, second] = await Promise.all([
      agent.post('/api/households', household({ id })),
      agent.post('/api/households', household({ id })),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    const rows = await env.db.transaction((tx) => tx.query('SELECT id FROM household WHERE id = $1', [id]));
    expect(rows).toHaveLength(1);
  });

  it('keeps the history of a change, field by field, with who did it', async () => {
    const created = (await agent.post('/api/households', household())).json();
    const changed = household({
      adults: [{ ...household().adults[0], mobile: '+47 400 00 000' }, household().adults[1]],
    });
    const response = await agent.put(`/api/households/${created.id}`, {
      ...changed,
      version: created.version,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(created.version + 1);
    const history = (await agent.get(`/api/households/${created.id}/history`)).json().entries;
    expect(history[0]).toMatchObject({
      action: 'update',
      actorName: `Sara ${caseworker.lastName}`,
      changes: [{ field: 'adults.0.mobile', before: '+4741234567', after: '+4740000000' }],
    });
    expect(history.at(-1).action).toBe('create');
    const audited = await env.db.transaction((tx) =>
      tx.query<{ action: string }>(`SELECT action FROM audit_log WHERE record_id = $1 ORDER BY id`, [
        created.id,
      ]),
    );
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'read']));
  });

  it('keeps a child and its placement (and what refers to them) when the household is edited', async () => {
    const created = (await agent.post('/api/households', household())).json();
    const [child] = created.children;
    const [placement] = created.placements;
    const group = randomUUID();
    await env.db.transaction((tx) =>
      tx.query('UPDATE child SET sibling_group = $2 WHERE id = $1', [child.id, group]),
    );
    const response = await agent.put(`/api/households/${created.id}`, {
      ...household({
        children: [{ id: child.id, firstName: 'Emma Sofie', birthDate: '2014-05-17' }],
        placements: [
          {
            id: placement.id,
            childIndex: 0,
            startDate: '2022-08-01',
            endDate: '2026-06-30',
            endReason: 'planned',
          },
        ],
      }),
      version: created.version,
    });
    expect(response.statusCode).toBe(200);
    const edited = response.json();
    expect(edited.children).toEqual([{ id: child.id, firstName: 'Emma Sofie', birthDate: '2014-05-17' }]);
    expect(edited.placements[0]).toMatchObject({
      id: placement.id,
      childId: child.id,
      endDate: '2026-06-30',
    });
    const [kept] = await env.db.transaction((tx) =>
      tx.query<{ sibling_group: string }>('SELECT sibling_group FROM child WHERE id = $1', [child.id]),
    );
    expect(kept?.sibling_group).toBe(group);
  });

  it('refuses to overwrite a change someone else saved first', async () => {
    const created = (await agent.post('/api/households', household())).json();
    await agent.put(`/api/households/${created.id}`, {
      ...household({ kind: 'emergency' }),
      version: created.version,
    });
    const late = await agent.put(`/api/households/${created.id}`, {
      ...household({ relation: 'oversight' }),
      version: created.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('registry.conflict');
    expect((await agent.get(`/api/households/${created.id}`)).json()).toMatchObject({
      kind: 'emergency',
      relation: 'care',
    });
  });

  it('refuses a second household with the same case-system reference', async () => {
    await agent.post('/api/households', household({ externalRef: 'FS-1001' }));
    const second = await agent.post('/api/households', household({ externalRef: 'FS-1001' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('registry.duplicate_ref');
  });

  it('is archived once even when asked twice, and leaves the list', async () => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Arkiv', lastName: 'Arkivsen' }],
    });
    expect((await agent.post(`/api/households/${id}/archive`)).statusCode).toBe(200);
    expect((await agent.post(`/api/households/${id}/archive`)).json().archivedAt).toBeTruthy();
    expect((await agent.get('/api/households?q=arkivsen')).json().total).toBe(0);
    expect((await agent.get('/api/households?q=arkivsen&archived=true')).json().total).toBe(1);
    const history = (await agent.get(`/api/households/${id}/history`)).json().entries;
    expect(history.filter((e: { action: string }) => e.action === 'archive')).toHaveLength(1);
  });
});

describe('the household list', () => {
  beforeAll(async () => {
    await createHousehold(env.db, municipality, {
      kind: 'emergency',
      relation: 'oversight',
      travelMinutes: 20,
      adults: [{ firstName: 'Yusuf', lastName: 'Haddad', preferredLanguage: 'ar', mobile: '+47 945 12 345' }],
      children: [{ firstName: 'Layla', birthDate: '2016-03-03' }],
    });
    await createHousehold(env.db, municipality, {
      kind: 'resource_family',
      travelMinutes: 120,
      adults: [{ firstName: 'Hilde', lastName: 'Moen' }],
    });
  });

  it('finds a household by any name, a child, a phone number or the place, word by word', async () => {
    for (const q of ['haddad', 'Layla', '94512345', 'yusuf asker', 'ASKER haddad']) {
      const result = (await agent.get(`/api/households?q=${encodeURIComponent(q)}`)).json();
      expect(
        result.households.map((h: { name: string }) => h.name),
        q,
      ).toEqual(['Yusuf Haddad']);
    }
  });

  it('filters by kind, relation, language and travel time, sorts and pages', async () => {
    const emergency = (await agent.get('/api/households?kind=emergency')).json();
    expect(emergency.households.every((h: { kind: string }) => h.kind === 'emergency')).toBe(true);
    expect((await agent.get('/api/households?relation=oversight')).json().households[0].name).toBe(
      'Yusuf Haddad',
    );
    expect((await agent.get('/api/households?language=ar')).json().total).toBe(1);
    const near = (await agent.get('/api/households?maxTravel=60')).json();
    expect(near.households.every((h: { travelMinutes: number }) => h.travelMinutes <= 60)).toBe(true);
    const byTravel = (await agent.get('/api/households?sort=travel&dir=desc&limit=1')).json();
    expect(byTravel.households[0].travelMinutes).toBe(120);
    const all = (await agent.get('/api/households')).json();
    const page2 = (await agent.get('/api/households?limit=2&offset=2')).json();
    expect(page2.total).toBe(all.total);
    expect(page2.households.map((h: { id: string }) => h.id)).toEqual(
      all.households.slice(2, 4).map((h: { id: string }) => h.id),
    );
  });

  it('writes an audit entry for every household it shows', async () => {
    const result = (await agent.get('/api/households?kind=resource_family')).json();
    const rows = await env.db.transaction((tx) =>
      tx.query(
        `SELECT 1 FROM audit_log WHERE action = 'read' AND record_type = 'household' AND record_id = $1`,
        [result.households[0].id],
      ),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('is closed to roles without the registry', async () => {
    const coordinator = await createUser(env.db, municipality, ['programme_coordinator']);
    const response = await (await loginAs(env.app, coordinator.email)).get('/api/households');
    expect(response.statusCode).toBe(403);
  });

  it('fills in the place for a postcode, and says when there is none', async () => {
    expect((await agent.get('/api/postcodes/1384')).json()).toEqual({ postcode: '1384', place: 'ASKER' });
    expect((await agent.get('/api/postcodes/0000')).statusCode).toBe(404);
  });
});

describe('the household list filtered to those who never came', () => {
  it('lists the households never checked in at any café, and not one checked in at a past event', async () => {
    const town = await createMunicipality(env.db, 'Aldrikommeby');
    const leader = await createUser(env.db, town, ['caseworker']);
    const townAgent = await loginAs(env.app, leader.email);
    const came = await createHousehold(env.db, town, { adults: [{ firstName: 'Kom', lastName: 'Alltid' }] });
    const away = await createHousehold(env.db, town, {
      adults: [{ firstName: 'Borte', lastName: 'Hjemme' }],
    });
    const absent = await createHousehold(env.db, town, {
      adults: [{ firstName: 'Meldt', lastName: 'Avbud' }],
    });
    const past = await insertEvent(env.db, town, { date: inDays(-14) });
    await attend(env.db, town, past, came, { adults: 1, children: 0 });
    // Checked in and out again (present: false) is not attending.
    await attend(env.db, town, past, absent, { present: false });

    const all = (await townAgent.get('/api/households')).json();
    expect(all.total).toBe(3);
    const never = (await townAgent.get('/api/households?neverAttended=true')).json();
    expect(never.households.map((h: { id: string }) => h.id).sort()).toEqual([away, absent].sort());
    expect(never.total).toBe(2);
    expect((await townAgent.get('/api/households?neverAttended=false')).json().total).toBe(3);
  });
});

describe('the audit log and households', () => {
  it('finds every read of a household by the names of its adults', async () => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Gunvor', lastName: 'Granheim' }],
    });
    await agent.get(`/api/households/${id}`);
    const admin = await createUser(env.db, municipality, ['municipality_admin']);
    const log = (await (await loginAs(env.app, admin.email)).get('/api/admin/audit?subject=Granheim')).json();
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries[0]).toMatchObject({
      subjectId: id,
      subjectName: 'Gunvor Granheim',
      actorUserId: caseworker.id,
    });
  });
});
