import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { housingUnitOf } from '../../src/features/housing/index.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// Housing units for family homes and recruiting family-home parents (docs/family-homes-api.md).

let env: TestEnv;
let municipality: number;
let caseworker: Agent;
let caseworkerName: string;
let other: Agent;
let homeA: string;
let homeB: string;
const today = todayInOslo();

const familyHome = (db: TestEnv['db'], m: number, firstName: string) =>
  createHousehold(db, m, {
    kind: 'family_home',
    adults: [{ firstName, lastName: 'Familiehjem', mobile: '412 34 567', preferredChannels: ['sms'] }],
  });

const newUnit = async (line: string | null = 'Storgata 3') => {
  const response = await caseworker.post('/api/housing-units', {
    address: { line, postcode: '1384' },
    rooms: 5,
    areaM2: 120,
    owner: 'Kommunen',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().unit as { id: string; version: number };
};

const move = (unitId: string, body: Record<string, unknown>) =>
  caseworker.post(`/api/housing-units/${unitId}/status`, { on: today, ...body });

/** Moves a unit on from searching to `to`, one step at a time, today. */
async function walk(unitId: string, steps: string[], householdId?: string) {
  let version = 1;
  for (const status of steps) {
    const response = await move(unitId, { status, version, householdId });
    expect(response.statusCode, response.body).toBe(200);
    version = response.json().unit.version;
  }
  return version;
}

const auditOf = (recordId: string) =>
  env.db.transaction((tx) =>
    tx.query<{ action: string; actor: string | null }>(
      `SELECT action, actor_user_id AS actor FROM audit_log WHERE record_id = $1 ORDER BY id`,
      [recordId],
    ),
  );

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Boligvik');
  const user = await createUser(env.db, municipality, ['caseworker'], {
    firstName: 'Kaja',
    lastName: 'Bolig',
  });
  caseworkerName = 'Kaja Bolig';
  caseworker = await loginAs(env.app, user.email);
  homeA = await familyHome(env.db, municipality, 'Hiva');
  homeB = await familyHome(env.db, municipality, 'Amal');
  const elsewhere = await createMunicipality(env.db, 'Annenby');
  other = await loginAs(env.app, (await createUser(env.db, elsewhere, ['caseworker'])).email);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('a housing unit', () => {
  it('goes from searching to occupied with a history row for each change, naming who and the home', async () => {
    const unit = await newUnit();
    await walk(unit.id, ['offered', 'approved', 'furnished']);
    const occupied = await move(unit.id, { status: 'occupied', householdId: homeA, version: 4 });
    expect(occupied.statusCode, occupied.body).toBe(200);
    const { unit: after, history } = occupied.json();
    expect(after).toMatchObject({ status: 'occupied', statusOn: today, familyHome: { id: homeA } });
    expect(after.nextStatuses).toEqual(['ending', 'ended']);
    expect(history.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'searching'],
      ['searching', 'offered'],
      ['offered', 'approved'],
      ['approved', 'furnished'],
      ['furnished', 'occupied'],
    ]);
    expect(history.at(-1)).toMatchObject({ by: caseworkerName, on: today, familyHome: { id: homeA } });
    // The family-home page reads the unit its home lives in.
    const found = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
      housingUnitOf(tx, municipality, homeA),
    );
    expect(found).toMatchObject({
      id: unit.id,
      status: 'occupied',
      address: { line: 'Storgata 3', place: 'ASKER' },
    });
  });

  it('keeps its home while ending and lets it go when ended', async () => {
    const unit = await newUnit('Ringveien 8');
    const version = await walk(unit.id, ['offered', 'approved', 'furnished', 'occupied'], homeB);
    const ending = await move(unit.id, { status: 'ending', version });
    expect(ending.json().unit).toMatchObject({ status: 'ending', familyHome: { id: homeB } });
    const ended = await move(unit.id, { status: 'ended', version: version + 1 });
    expect(ended.json().unit).toMatchObject({ status: 'ended', familyHome: null, nextStatuses: [] });
    // The history still says who lived there.
    expect(ended.json().history.at(-1)).toMatchObject({
      from: 'ending',
      to: 'ended',
      familyHome: { id: homeB },
    });
  });

  it('refuses a jump, a move past the end, and leaves the unit as it was', async () => {
    const unit = await newUnit();
    const jump = await move(unit.id, { status: 'occupied', householdId: homeB, version: 1 });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().code).toBe('housing.transition_not_allowed');
    expect(jump.json().message).toMatch(/kan ikke gå til den statusen/);
    const detail = await caseworker.get(`/api/housing-units/${unit.id}`);
    expect(detail.json().unit).toMatchObject({ status: 'searching', version: 1, familyHome: null });
    expect(detail.json().history).toHaveLength(1);
  });

  it('refuses occupied without a family home, with a foster home, or with a home housed elsewhere', async () => {
    const taken = await newUnit();
    const version = await walk(taken.id, ['offered', 'approved', 'furnished']);
    const none = await move(taken.id, { status: 'occupied', version });
    expect([none.statusCode, none.json().code]).toEqual([400, 'housing.family_home_required']);
    const foster = await createHousehold(env.db, municipality, { kind: 'foster' });
    const wrongKind = await move(taken.id, { status: 'occupied', householdId: foster, version });
    expect(wrongKind.json().code).toBe('housing.family_home_required');
    const homeC = await familyHome(env.db, municipality, 'Cecilie');
    const first = await newUnit();
    await walk(first.id, ['offered', 'approved', 'furnished', 'occupied'], homeC);
    const twice = await move(taken.id, { status: 'occupied', householdId: homeC, version });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'housing.family_home_housed']);
  });

  it('refuses a day before its last change or after today, and moving on without an address', async () => {
    const unit = await newUnit();
    const early = await move(unit.id, { status: 'offered', on: addDays(today, -1), version: 1 });
    expect([early.statusCode, early.json().code]).toEqual([400, 'housing.day_out_of_order']);
    const later = await move(unit.id, { status: 'offered', on: addDays(today, 1), version: 1 });
    expect(later.json().code).toBe('housing.day_out_of_order');
    const nowhere = await newUnit(null);
    const noAddress = await move(nowhere.id, { status: 'offered', version: 1 });
    expect([noAddress.statusCode, noAddress.json().code]).toEqual([400, 'housing.address_required']);
  });

  it('refuses a change made on an old version (someone else moved it first)', async () => {
    const unit = await newUnit();
    await walk(unit.id, ['offered']);
    const stale = await move(unit.id, { status: 'approved', version: 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'housing.conflict']);
  });

  it('keeps its history append-only: the app role may not change or delete a row', async () => {
    const unit = await newUnit();
    const ctx = { municipalityId: municipality, userId: null, ip: null };
    await expect(
      inTenant(env.db, ctx, (tx) =>
        tx.query(`UPDATE housing_unit_change SET to_status = 'occupied' WHERE housing_unit_id = $1`, [
          unit.id,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenant(env.db, ctx, (tx) =>
        tx.query('DELETE FROM housing_unit_change WHERE housing_unit_id = $1', [unit.id]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("answers 404 to another municipality's user and changes nothing", async () => {
    const unit = await newUnit();
    expect((await other.get(`/api/housing-units/${unit.id}`)).statusCode).toBe(404);
    const moved = await other.post(`/api/housing-units/${unit.id}/status`, {
      status: 'offered',
      on: today,
      version: 1,
    });
    expect(moved.statusCode).toBe(404);
    const detail = await caseworker.get(`/api/housing-units/${unit.id}`);
    expect(detail.json().unit.status).toBe('searching');
    expect((await other.get('/api/housing-units')).json().units).toEqual([]);
  });

  it('keeps the unit and its history when its family home is erased from the registry, without the home', async () => {
    const leader = await loginAs(env.app, (await createUser(env.db, municipality, ['team_leader'])).email);
    const home = await familyHome(env.db, municipality, 'Slettes');
    const unit = await newUnit('Slettegata 1');
    await walk(unit.id, ['offered', 'approved', 'furnished', 'occupied'], home);
    expect((await caseworker.post(`/api/households/${home}/archive`)).statusCode).toBe(200);
    const erased = await leader.post(`/api/households/${home}/erase`);
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    const { unit: after, history } = (await caseworker.get(`/api/housing-units/${unit.id}`)).json();
    expect(after).toMatchObject({ status: 'occupied', familyHome: null });
    expect(history).toHaveLength(5);
    expect(history.every((h: { familyHome: unknown }) => h.familyHome === null)).toBe(true);
  });

  it('writes an audit entry for its creation, each read and each change', async () => {
    const unit = await newUnit();
    await caseworker.get(`/api/housing-units/${unit.id}`);
    await walk(unit.id, ['offered']);
    await caseworker.put(`/api/housing-units/${unit.id}`, {
      address: { line: 'Storgata 5', postcode: '1384' },
      rooms: 4,
      areaM2: null,
      owner: 'Privat utleier',
      version: 2,
    });
    const entries = await auditOf(unit.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'read', 'update', 'update']);
    expect(entries.every((e) => e.actor !== null)).toBe(true);
  });
});

describe('the summary at the top of the list', () => {
  it('counts the units ready and still searched for, and names the family homes without a unit', async () => {
    const m = await createMunicipality(env.db, 'Oversiktsvik');
    const agent = await loginAs(env.app, (await createUser(env.db, m, ['caseworker'])).email);
    const housed = await familyHome(env.db, m, 'Bo');
    const waiting = await familyHome(env.db, m, 'Vente');
    const create = async (line: string) =>
      (
        await agent.post('/api/housing-units', {
          address: { line, postcode: null },
          rooms: null,
          areaM2: null,
          owner: null,
        })
      ).json().unit.id as string;
    const go = async (unitId: string, steps: string[], householdId?: string) => {
      let version = 1;
      for (const status of steps) {
        const r = await agent.post(`/api/housing-units/${unitId}/status`, {
          status,
          on: today,
          version,
          householdId,
        });
        expect(r.statusCode, r.body).toBe(200);
        version++;
      }
    };
    await go(await create('Klar 1'), ['offered', 'approved', 'furnished']);
    await go(await create('Klar 2'), ['offered', 'approved', 'furnished']);
    await go(await create('Bebodd'), ['offered', 'approved', 'furnished', 'occupied'], housed);
    await create('Søker 1');
    await create('Søker 2');
    await go(await create('Søker 3'), ['offered']);

    const list = await agent.get('/api/housing-units');
    expect(list.statusCode, list.body).toBe(200);
    const { summary, units, familyHomes } = list.json();
    expect(summary).toMatchObject({ ready: 2, searching: 2 });
    expect(summary.byStatus).toMatchObject({ furnished: 2, searching: 2, offered: 1, occupied: 1, ended: 0 });
    expect(summary.homesWithoutUnit.map((h: { id: string }) => h.id)).toEqual([waiting]);
    // Ready units first, so the team sees them at once.
    expect(units.slice(0, 2).map((u: { status: string }) => u.status)).toEqual(['furnished', 'furnished']);
    expect(familyHomes).toHaveLength(2);
  });
});

describe('recruiting family-home parents', () => {
  const candidate = (overrides: Record<string, unknown> = {}) => ({
    name: 'Samira Haddad',
    phone: '912 34 001',
    email: null,
    languages: ['arabisk', ' norsk ', ''],
    firstContactOn: addDays(today, -10),
    notes: 'Kom via informasjonsmøtet.',
    ...overrides,
  });

  it('moves a candidate from first contact through assessment and training to approved, with a date per step', async () => {
    const created = await caseworker.post('/api/family-home-candidates', candidate());
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      stage: 'first_contact',
      phone: '+4791234001',
      languages: ['arabisk', 'norsk'],
    });
    let version = c.version;
    for (const [stage, days] of [
      ['assessment', -8],
      ['training', -4],
      ['approved', 0],
    ] as const) {
      const r = await caseworker.post(`/api/family-home-candidates/${c.id}/stage`, {
        stage,
        on: addDays(today, days),
        version,
      });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().version;
    }
    const read = await caseworker.get(`/api/family-home-candidates/${c.id}`);
    expect(read.json()).toMatchObject({
      stage: 'approved',
      dates: {
        firstContact: addDays(today, -10),
        assessment: addDays(today, -8),
        training: addDays(today, -4),
        approved: today,
        stopped: null,
      },
      nextStages: [],
    });
    const entries = await auditOf(c.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update', 'read']);
  });

  it('refuses skipping a step with a stable code, and stopping without a reason', async () => {
    const c = (await caseworker.post('/api/family-home-candidates', candidate())).json();
    const skip = await caseworker.post(`/api/family-home-candidates/${c.id}/stage`, {
      stage: 'approved',
      on: today,
      version: 1,
    });
    expect([skip.statusCode, skip.json().code]).toEqual([409, 'recruiting.stage_not_allowed']);
    const silent = await caseworker.post(`/api/family-home-candidates/${c.id}/stage`, {
      stage: 'stopped',
      on: today,
      reason: '  ',
      version: 1,
    });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().details).toEqual([{ field: 'reason', rule: 'required' }]);
    const stopped = await caseworker.post(`/api/family-home-candidates/${c.id}/stage`, {
      stage: 'stopped',
      on: today,
      reason: 'Flyttet fra kommunen',
      version: 1,
    });
    const late = await caseworker.put(`/api/family-home-candidates/${c.id}`, {
      ...candidate(),
      firstContactOn: addDays(today, 1),
      version: stopped.json().version,
    });
    expect(late.json().details).toEqual([{ field: 'firstContactOn', rule: 'after_next_step' }]);
    expect(stopped.json()).toMatchObject({
      stage: 'stopped',
      stopReason: 'Flyttet fra kommunen',
      dates: { stopped: today },
    });
  });

  it('asks for a name and a way to reach the candidate, and refuses notes over 1000 characters', async () => {
    const bad = await caseworker.post(
      '/api/family-home-candidates',
      candidate({ name: ' ', phone: null, email: null }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: 'name', rule: 'required' },
      { field: 'phone', rule: 'required' },
    ]);
    const long = await caseworker.post('/api/family-home-candidates', candidate({ notes: 'x'.repeat(1001) }));
    expect([long.statusCode, long.json().code]).toEqual([400, 'validation.invalid']);
  });

  it('lists candidates with an audit entry for each, hides them from another municipality, and deletes one for good', async () => {
    const c = (await caseworker.post('/api/family-home-candidates', candidate({ name: 'Tesfay G' }))).json();
    const list = await caseworker.get('/api/family-home-candidates');
    expect(list.json().candidates.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await auditOf(c.id)).map((e) => e.action)).toEqual(['create', 'read']);
    expect((await other.get(`/api/family-home-candidates/${c.id}`)).statusCode).toBe(404);
    expect(
      (await other.request({ method: 'DELETE', url: `/api/family-home-candidates/${c.id}` })).statusCode,
    ).toBe(404);
    const gone = await caseworker.request({ method: 'DELETE', url: `/api/family-home-candidates/${c.id}` });
    expect(gone.statusCode).toBe(204);
    expect((await caseworker.get(`/api/family-home-candidates/${c.id}`)).statusCode).toBe(404);
    expect((await auditOf(c.id)).at(-1)?.action).toBe('delete');
  });
});
