import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import type { NetworkInsight } from '../../src/features/network-insight/contract.js';
import { createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';
import { createNetwork, joinedHousehold, type TestNetwork } from '../support/networks.js';

// The team's insight on networks (/innsikt/nettverk), checked against numbers worked out by hand
// from a fixed year (2025): contacts per member household and month, gatherings against six,
// budget used (the seed's allowance, then a budget set), and another municipality's view.
let env: TestEnv;
let asker: number;
let tn: TestNetwork;
let alm: string;
let berg: string;

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  tn = await createNetwork(env, asker, { name: 'Nettverket på Berg' });
  const a = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
    adults: [{ firstName: 'Anne', lastName: 'Alm' }],
  });
  const b = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
    adults: [{ firstName: 'Bjørn', lastName: 'Berg' }],
  });
  alm = a.householdId;
  berg = b.householdId;
  const network = tn.network.id;
  await inTenant(env.db, { municipalityId: asker, userId: null, ip: null }, async (tx) => {
    // Alm all of 2025; Berg from March to June.
    await tx.query(`UPDATE network_member SET joined_on = '2025-01-10' WHERE id = $1`, [a.id]);
    await tx.query(
      `UPDATE network_member SET joined_on = '2025-03-01', left_on = '2025-06-30', end_reason = 'left' WHERE id = $1`,
      [b.id],
    );
    const [category] = await tx.query<{ id: string }>(
      `INSERT INTO contact_category (municipality_id, label, position) VALUES ($1, 'Hverdagsprat', 1) RETURNING id`,
      [asker],
    );
    const contact = (household: string, date: string) =>
      tx.query(
        `INSERT INTO contact_log (id, municipality_id, network_id, household_id, date, kind, category_id)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'call', $5)`,
        [asker, network, household, date, category?.id],
      );
    for (const date of ['2024-12-31', '2025-01-15', '2025-01-20', '2025-03-05']) await contact(alm, date);
    await contact(berg, '2025-04-01');
    const gathering = (date: string, status: string) =>
      tx.query(
        `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at, network_id, status, registration)
         VALUES ($1, 'gathering', 'Samling', $2::date, '12:00', '15:00', $2::date + time '11:00', $2::date + time '14:00', $3, $4, 'none')`,
        [asker, date, network, status],
      );
    await gathering('2025-06-20', 'planned');
    await gathering('2025-09-01', 'cancelled');
    await gathering('2025-12-14', 'planned');
    const claim = (date: string, ore: number, status: string, reason: string | null) =>
      tx.query(
        `INSERT INTO expense_claim (id, municipality_id, network_id, date, amount_ore, purpose, status, decision_reason)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Grilling', $5, $6)`,
        [asker, network, date, ore, status, reason],
      );
    await claim('2025-06-21', 40000, 'approved', null);
    await claim('2025-12-15', 15000, 'submitted', null);
    await claim('2025-08-01', 9900, 'rejected', 'Ikke avtalt');
    // Supervision every 14 days from the start on 1 January 2025: due 15 January, then 14 days on.
    for (const heldOn of ['2025-01-10', '2025-02-10', '2025-02-20']) {
      await tx.query(
        `INSERT INTO supervision_talk (id, municipality_id, network_id, held_on) VALUES (gen_random_uuid(), $1, $2, $3)`,
        [asker, network, heldOn],
      );
    }
  });
  // The network started on 1 January 2025 (no role of the app may change when a network was made).
  await env.db.transaction((tx) =>
    tx.query(`UPDATE network SET created_at = '2025-01-01T12:00:00+01:00' WHERE id = $1`, [network]),
  );
});
afterAll(() => env.close());

const read = async (year = 2025) =>
  (await tn.agent.get(`/api/insight/networks?year=${year}`)).json() as NetworkInsight;

describe('the insight on networks', () => {
  it('counts contacts per member household and month of the year, and per month over twelve', async () => {
    const insight = await read();
    expect(insight.monthsCounted).toBe(12);
    const [network] = insight.networks;
    expect(network?.members).toEqual([
      {
        householdId: alm,
        name: 'Anne Alm',
        months: [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        total: 3,
        perMonth: 0.3,
      },
      {
        householdId: berg,
        name: 'Bjørn Berg',
        months: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        total: 1,
        perMonth: 0.1,
      },
    ]);
  });

  it('counts the gatherings held, leaving out the cancelled one, against six a year', async () => {
    const [network] = (await read()).networks;
    expect(network?.gatherings).toEqual({ held: 2, planned: 0, required: 6 });
  });

  it("measures approved claims against the seed's allowance, then against the budget set", async () => {
    const [before] = (await read()).networks;
    // Two member households × NOK 500 × (Christmas + summer) = NOK 2000; NOK 400 approved.
    expect(before?.budget).toEqual({
      budgetOre: 200000,
      source: 'seed',
      approvedOre: 40000,
      submittedOre: 15000,
      used: 0.2,
    });
    const put = await tn.agent.put(`/api/network-budgets/${tn.network.id}`, { year: 2025, amountKr: 4000 });
    expect(put.statusCode).toBe(200);
    const [after] = (await read()).networks;
    expect(after?.budget).toMatchObject({ budgetOre: 400000, source: 'set', used: 0.1 });
    // Another year keeps the seed's allowance (no member that year: none).
    const [other] = (await read(2024)).networks;
    expect(other?.budget).toMatchObject({ budgetOre: 0, source: 'seed', used: null });
  });

  it('counts supervision talks held by the day the one before made due, and the one overdue now', async () => {
    const [network] = (await read()).networks;
    // 10 Jan ≤ 15 Jan: on time; 10 Feb > 24 Jan: late; 20 Feb ≤ 24 Feb: on time; next due 6 March 2025.
    expect(network?.supervision).toEqual({
      talks: 3,
      onTime: 2,
      share: 0.667,
      nextDue: '2025-03-06',
      overdue: true,
    });
  });

  it('downloads each figure as CSV and Excel with the same numbers', async () => {
    const csv = await tn.agent.get('/api/insight/networks/contacts.csv?year=2025');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Nettverket på Berg;Anne Alm;2;0;1;0;0;0;0;0;0;0;0;0;3;0.3');
    const supervision = await tn.agent.get('/api/insight/networks/supervision.csv?year=2025');
    expect(supervision.body).toContain('Nettverket på Berg;3;2;66.7;2025-03-06;Ja');
    const gatherings = await tn.agent.get('/api/insight/networks/gatherings.csv?year=2025');
    expect(gatherings.body).toContain('Nettverket på Berg;2;0;6');
    const xlsx = await tn.agent.get('/api/insight/networks/budget.xlsx?year=2025');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it("shows another municipality none of it, and 404 for setting this network's budget", async () => {
    const other = await createMunicipality(env.db, 'Bjørkedalen');
    const outsider = await loginAs(env.app, (await createUser(env.db, other, ['caseworker'])).email);
    expect(
      ((await outsider.get('/api/insight/networks?year=2025')).json() as NetworkInsight).networks,
    ).toEqual([]);
    const put = await outsider.put(`/api/network-budgets/${tn.network.id}`, { year: 2025, amountKr: 1 });
    expect(put.statusCode).toBe(404);
    const [network] = (await read()).networks;
    expect(network?.budget.budgetOre).toBe(400000);
  });
});
