import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, eventInput } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let other: number;
let caseworker: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let agent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Kafédal');
  other = await createMunicipality(env.db, 'Annenby');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Sara' });
  colleague = await createUser(env.db, municipality, ['team_leader'], { firstName: 'Per' });
  stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, caseworker.email);
});
afterAll(() => env.close());

const venueInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Frivilligsentralen',
  address: { line: 'Torget 1', postcode: '1384' },
  capacity: 60,
  kitchen: true,
  parking: true,
  stepFree: true,
  notes: 'Nøkkel i resepsjonen',
  ...overrides,
});

async function auditCount(where: string, params: unknown[]): Promise<number> {
  const [row] = await env.db.transaction((tx) =>
    tx.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE ${where}`, params),
  );
  return Number(row?.n ?? 0);
}

describe('venues', () => {
  it('are created, listed, edited with a version, and archived', async () => {
    const created = await agent.post('/api/venues', venueInput());
    expect(created.statusCode).toBe(201);
    const venue = created.json();
    expect(venue).toMatchObject({
      name: 'Frivilligsentralen',
      address: { line: 'Torget 1', postcode: '1384', place: expect.any(String) },
      capacity: 60,
      archived: false,
      version: 1,
      eventsHeld: 0,
      lastUsed: null,
      averageAttendance: null,
    });

    const edited = await agent.put(`/api/venues/${venue.id}`, {
      ...venueInput({ capacity: 80 }),
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ capacity: 80, version: 2 });

    const stale = await agent.put(`/api/venues/${venue.id}`, { ...venueInput({ capacity: 10 }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('cafe.conflict');

    const bad = await agent.post('/api/venues', venueInput({ name: '  ', address: { postcode: '12' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual(
      expect.arrayContaining([
        { field: 'name', rule: 'required' },
        { field: 'address.postcode', rule: 'postcode' },
      ]),
    );

    const second = (await agent.post('/api/venues', venueInput({ name: 'Arkivhuset' }))).json();
    const archived = await agent.post(`/api/venues/${second.id}/archive`);
    expect(archived.json().archived).toBe(true);
    expect((await agent.post(`/api/venues/${second.id}/archive`)).statusCode).toBe(200);
    const names = (await agent.get('/api/venues')).json().venues.map((v: { name: string }) => v.name);
    expect(names).toContain('Frivilligsentralen');
    expect(names).not.toContain('Arkivhuset');
    const all = (await agent.get('/api/venues?archived=all')).json().venues;
    expect(all.map((v: { name: string }) => v.name)).toContain('Arkivhuset');
  });
});

describe('school holidays and the season plan', () => {
  it('answers the defaults until the municipality saves its own rules', async () => {
    const response = await agent.get('/api/cafe/school-holidays?year=2027');
    expect(response.statusCode).toBe(200);
    expect(response.json().rules.winterWeek).toBe(9);
    expect(response.json().periods).toEqual(
      expect.arrayContaining([{ kind: 'winter', start: '2027-03-01', end: '2027-03-05', week: 9 }]),
    );
  });

  it('saves rules, refuses bad ones, and plans spring 2027 around them', async () => {
    const rules = {
      winterWeek: 9,
      autumnWeek: 40,
      easter: true,
      christmas: { start: '12-21', end: '01-02' },
      summer: { start: '06-20', end: '08-15' },
      extra: [{ kind: 'other', start: '2027-03-15', end: '2027-03-19', label: 'Planleggingsdager' }],
    };
    const bad = await agent.put('/api/cafe/school-holidays', {
      ...rules,
      summer: { start: '13-01', end: '08-15' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: 'summer.start', rule: 'month_day' }]);

    const saved = await agent.put('/api/cafe/school-holidays', rules);
    expect(saved.statusCode).toBe(200);
    const read = (await agent.get('/api/cafe/school-holidays?year=2027')).json();
    expect(read.rules.extra).toEqual(rules.extra);
    expect(read.periods).toEqual(
      expect.arrayContaining([
        { kind: 'other', start: '2027-03-15', end: '2027-03-19', label: 'Planleggingsdager' },
      ]),
    );

    // A café the team planned in May stays as it is.
    const kept = (await agent.post('/api/events', eventInput({ date: '2027-05-19' }))).json();

    const plan = await agent.get('/api/cafe/season-plan?season=spring&year=2027');
    expect(plan.statusCode).toBe(200);
    const { slots } = plan.json();
    expect(slots.map((s: { month: number }) => s.month)).toEqual([1, 3, 5]);
    const [january, march, may] = slots;
    for (const slot of [january, march]) {
      expect(slot.status).toBe('proposed');
      expect([2, 3]).toContain(new Date(`${slot.date}T12:00:00Z`).getUTCDay());
      expect(slot.venueId).toEqual(expect.any(String));
      expect(slot.startsAt).toMatch(/T17:00:00/);
    }
    expect(march.date >= '2027-03-01' && march.date <= '2027-03-05').toBe(false);
    expect(march.date >= '2027-03-15' && march.date <= '2027-03-19').toBe(false);
    expect(march.date).toBe('2027-03-10');
    expect(may).toMatchObject({ status: 'kept', date: '2027-05-19', eventId: kept.id });

    expect((await agent.get('/api/cafe/season-plan?season=winter&year=2027')).statusCode).toBe(400);
  });

  it('accepts dates once, even when posted twice', async () => {
    const venues = (await agent.get('/api/venues')).json().venues;
    const body = {
      dates: [
        { date: '2027-01-19', venueId: venues[0].id },
        { date: '2027-03-10', venueId: null },
        { date: '2027-03-10' },
      ],
    };
    const [first, second] = await Promise.all([
      agent.post('/api/cafe/season-plan/accept', body),
      agent.post('/api/cafe/season-plan/accept', body),
    ]);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    const events = first.json().events;
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      kind: 'cafe',
      title: 'Fosterhjemskafé',
      date: '2027-01-19',
      startTime: '18:00',
      endTime: '20:00',
      startsAt: '2027-01-19T17:00:00.000Z',
      food: true,
      registration: 'optional',
      status: 'planned',
      venue: { id: venues[0].id, name: venues[0].name },
    });
    expect(second.json().events.map((e: { id: string }) => e.id)).toEqual(
      events.map((e: { id: string }) => e.id),
    );
    const listed = (await agent.get('/api/events?from=2027-01-01&to=2027-06-30')).json().events;
    expect(listed.map((e: { date: string }) => e.date)).toEqual(['2027-01-19', '2027-03-10', '2027-05-19']);

    // The plan now keeps them.
    const slots = (await agent.get('/api/cafe/season-plan?season=spring&year=2027')).json().slots;
    expect(slots.map((s: { status: string }) => s.status)).toEqual(['kept', 'kept', 'kept']);
  });

  it('refuses a date in a school holiday and creates nothing', async () => {
    const before = (await agent.get('/api/events')).json().events.length;
    const response = await agent.post('/api/cafe/season-plan/accept', {
      dates: [{ date: '2027-01-26' }, { date: '2027-03-03' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('cafe.date_not_allowed');
    expect(response.json().details).toMatchObject({
      date: '2027-03-03',
      problems: [{ code: 'school_holiday', params: { kind: 'winter', week: 9 } }],
    });
    expect((await agent.get('/api/events')).json().events.length).toBe(before);
  });
});

describe('an event', () => {
  it('is created with a programme and hosts, edited with its version, and cancelled', async () => {
    const venue = (await agent.get('/api/venues')).json().venues[0];
    const hosts = (await agent.get('/api/cafe/hosts')).json().hosts;
    expect(hosts.map((h: { firstName: string }) => h.firstName)).toEqual(['Per', 'Sara']);
    const id = randomUUID();
    const input = eventInput({
      id,
      kind: 'gathering',
      title: 'Sommeravslutning',
      date: '2027-06-08',
      venueId: venue.id,
      capacity: 40,
      registration: 'required',
      deadline: '2027-06-01',
      programme: [
        { kind: 'talk', title: 'Søvn og trygghet', minutes: 25, speaker: 'Psykolog Hansen' },
        { kind: 'leader', title: 'Ny leder presenterer seg' },
      ],
      hostUserIds: [colleague.id, caseworker.id],
    });
    const created = await agent.post('/api/events', input);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id,
      kind: 'gathering',
      venue: { id: venue.id, name: venue.name },
      capacity: 40,
      deadline: '2027-06-01',
      programme: [
        { kind: 'talk', title: 'Søvn og trygghet', minutes: 25, speaker: 'Psykolog Hansen' },
        { kind: 'leader', title: 'Ny leder presenterer seg', minutes: null, speaker: null },
      ],
      hosts: [
        { id: colleague.id, firstName: 'Per' },
        { id: caseworker.id, firstName: 'Sara' },
      ],
      status: 'planned',
      version: 1,
    });
    // A double click sends the same id again: the first one comes back.
    const again = await agent.post('/api/events', input);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);

    const edited = await agent.put(`/api/events/${id}`, {
      ...input,
      title: 'Sommerfest',
      hostUserIds: [caseworker.id],
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Sommerfest', hosts: [{ firstName: 'Sara' }], version: 2 });
    const stale = await agent.put(`/api/events/${id}`, { ...input, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('cafe.conflict');

    const cancelled = await agent.post(`/api/events/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', version: 3 });
    expect((await agent.get(`/api/events/${id}`)).json().status).toBe('cancelled');
    expect(await auditCount("record_type = 'event' AND record_id = $1", [id])).toBe(3);
  });

  it('needs a deadline before the date when registration is required', async () => {
    const missing = await agent.post('/api/events', eventInput({ registration: 'required' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([{ field: 'deadline', rule: 'required' }]);
    const late = await agent.post(
      '/api/events',
      eventInput({ registration: 'required', deadline: '2027-09-20' }),
    );
    expect(late.json().details).toEqual([{ field: 'deadline', rule: 'before_date' }]);
    const times = await agent.post('/api/events', eventInput({ startTime: '20:00', endTime: '18:00' }));
    expect(times.json().details).toEqual([{ field: 'endTime', rule: 'after_start' }]);
  });

  it('refuses a host from another municipality', async () => {
    const response = await agent.post(
      '/api/events',
      eventInput({ hostUserIds: [caseworker.id, stranger.id] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ field: 'hostUserIds.1', rule: 'host' }]);
  });

  it('refuses a public holiday unless the date is confirmed, and shows it as a problem', async () => {
    const refused = await agent.post('/api/events', eventInput({ date: '2027-05-17' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('cafe.date_not_allowed');
    expect(refused.json().details.problems.map((p: { code: string }) => p.code)).toContain('public_holiday');
    const confirmed = await agent.post('/api/events', eventInput({ date: '2027-05-17', confirmDate: true }));
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().problems.map((p: { code: string }) => p.code)).toContain('public_holiday');
    // Editing something else keeps the confirmed date without asking again.
    const edited = await agent.put(`/api/events/${confirmed.json().id}`, {
      ...eventInput({ date: '2027-05-17', title: 'Grunnlovskafé' }),
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
  });
});

describe('the audience of an event', () => {
  let eventId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const make = (firstName: string, input: Record<string, unknown>) =>
      createHousehold(env.db, municipality, {
        address: { line: 'Vei 1', postcode: null },
        adults: [{ firstName, lastName: 'Husstand', preferredLanguage: 'nb' }],
        ...input,
      });
    ids.near = await make('Nær', { travelMinutes: 30 });
    ids.far = await make('Fjern', { travelMinutes: 120 });
    ids.unknown = await make('Ukjent', { travelMinutes: null });
    ids.oversight = await make('Tilsyn', { relation: 'oversight', travelMinutes: 300 });
    // Within the travel limit: emergency homes too are invited only within it (seed 000).
    ids.emergency = await make('Beredskap', { kind: 'emergency', travelMinutes: 60 });
    ids.familyHome = await make('Familiehjem', {
      kind: 'family_home',
      travelMinutes: 45,
      adults: [
        { firstName: 'Familiehjem', lastName: 'Husstand', preferredLanguage: 'en' },
        { firstName: 'Annen', lastName: 'Husstand', preferredLanguage: 'ar' },
      ],
    });
    ids.resource = await make('Ressurs', { kind: 'resource_family', travelMinutes: 10 });
    ids.archived = await make('Arkivert', { travelMinutes: 10 });
    expect((await agent.post(`/api/households/${ids.archived}/archive`)).statusCode).toBe(200);
    ids.otherMunicipality = await createHousehold(env.db, other, {
      adults: [{ firstName: 'Utenbys', lastName: 'Annenby' }],
      travelMinutes: 5,
    });
    eventId = await createEvent(agent, { date: '2027-11-16' });
  });

  const shown = (answer: { households: { id: string; included: boolean; source: string }[] }) =>
    Object.fromEntries(answer.households.map((h) => [h.id, `${h.included ? 'in' : 'out'}:${h.source}`]));

  it('follows the default rule: care within 90 minutes (emergency homes too), oversight', async () => {
    const response = await agent.get(`/api/events/${eventId}/audience`);
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer.rule).toEqual({
      maxTravel: 90,
      care: true,
      oversight: true,
      kinds: ['foster', 'emergency', 'family_home'],
    });
    expect(shown(answer)).toEqual({
      [ids.near as string]: 'in:rule',
      [ids.unknown as string]: 'in:rule',
      [ids.oversight as string]: 'in:rule',
      [ids.emergency as string]: 'in:rule',
      [ids.familyHome as string]: 'in:rule',
    });
    expect(answer.count).toBe(5);
    const familyHome = answer.households.find((h: { id: string }) => h.id === ids.familyHome);
    expect(familyHome).toMatchObject({
      kind: 'family_home',
      relation: 'care',
      travelMinutes: 45,
      note: null,
    });
    expect([...familyHome.languages].sort()).toEqual(['ar', 'en']);
    expect(answer.households.find((h: { id: string }) => h.id === ids.unknown).travelMinutes).toBeNull();
    expect(response.body).not.toContain('Utenbys');
    // Every household shown is a read in the audit log.
    expect(
      await auditCount("record_type = 'household' AND action = 'read' AND subject_id = $1", [ids.near]),
    ).toBeGreaterThanOrEqual(1);
    expect(await auditCount("action = 'read' AND subject_id = $1", [ids.far])).toBe(0);
  });

  it('counts live as the travel time changes, and saves the rule', async () => {
    const preview = await agent.get(
      `/api/events/${eventId}/audience/preview?maxTravel=150&care=true&oversight=true`,
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json().count).toBe(6);
    expect(shown(preview.json())[ids.far as string]).toBe('in:rule');
    const narrow = await agent.get(
      `/api/events/${eventId}/audience/preview?maxTravel=90&care=true&oversight=false&kind=foster&kind=emergency`,
    );
    expect(narrow.json().count).toBe(3);
    // The preview saved nothing.
    expect((await agent.get(`/api/events/${eventId}/audience`)).json().count).toBe(5);

    const saved = await agent.put(`/api/events/${eventId}/audience/rule`, {
      maxTravel: 150,
      care: true,
      oversight: true,
      kinds: ['foster', 'emergency', 'family_home'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().count).toBe(6);
    expect((await agent.get(`/api/events/${eventId}/audience`)).json().rule.maxTravel).toBe(150);
  });

  it('keeps households added and removed by hand, and a personal note', async () => {
    const removed = await agent.put(`/api/events/${eventId}/audience/${ids.near}`, { included: false });
    expect(removed.statusCode).toBe(200);
    const added = await agent.put(`/api/events/${eventId}/audience/${ids.resource}`, { included: true });
    expect(added.statusCode).toBe(200);
    const note = await agent.put(`/api/events/${eventId}/audience/${ids.oversight}/note`, {
      note: 'Så hyggelig om dere kommer igjen!',
    });
    expect(note.statusCode).toBe(204);

    const answer = (await agent.get(`/api/events/${eventId}/audience`)).json();
    expect(shown(answer)[ids.near as string]).toBe('out:removed');
    expect(shown(answer)[ids.resource as string]).toBe('in:added');
    expect(answer.count).toBe(6);
    expect(answer.households.find((h: { id: string }) => h.id === ids.oversight).note).toBe(
      'Så hyggelig om dere kommer igjen!',
    );

    const tooLong = await agent.put(`/api/events/${eventId}/audience/${ids.oversight}/note`, {
      note: 'x'.repeat(141),
    });
    expect(tooLong.statusCode).toBe(400);
    const twoLines = await agent.put(`/api/events/${eventId}/audience/${ids.oversight}/note`, {
      note: 'a\nb',
    });
    expect(twoLines.statusCode).toBe(400);
    expect(await auditCount("record_type = 'event_invitee' AND record_id = $1", [eventId])).toBe(3);
  });

  it("never shows or takes another municipality's or an archived household", async () => {
    for (const householdId of [ids.otherMunicipality, ids.archived, 'not-a-uuid']) {
      const response = await agent.put(`/api/events/${eventId}/audience/${householdId}`, { included: true });
      expect(response.statusCode).toBe(404);
      const noted = await agent.put(`/api/events/${eventId}/audience/${householdId}/note`, { note: 'Hei' });
      expect(noted.statusCode).toBe(404);
    }
    const answer = (await agent.get(`/api/events/${eventId}/audience`)).json();
    expect(answer.households.map((h: { id: string }) => h.id)).not.toContain(ids.otherMunicipality);
    expect(answer.households.map((h: { id: string }) => h.id)).not.toContain(ids.archived);
  });

  it('lets an archived household with a note be erased, note and all', async () => {
    expect(
      (await agent.put(`/api/events/${eventId}/audience/${ids.far}/note`, { note: 'Hei' })).statusCode,
    ).toBe(204);
    expect((await agent.post(`/api/households/${ids.far}/archive`)).statusCode).toBe(200);
    const leader = await loginAs(env.app, colleague.email);
    const erased = await leader.post(`/api/households/${ids.far}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);
    const rows = await env.db.transaction((tx) =>
      tx.query('SELECT 1 FROM event_invitee WHERE household_id = $1', [ids.far]),
    );
    expect(rows).toHaveLength(0);
  });
});
