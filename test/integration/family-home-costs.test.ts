import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCosts } from '../../src/features/family-home-costs/index.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';

// The cost page (docs/family-homes-api.md, "Cost"): cost per youth per year of each arrangement,
// computed from the unit costs the municipality sets. Every figure here is computed by hand.

let env: TestEnv;
let municipality: number;
let leader: Agent;
let caseworker: Agent;

const settings = (year: number, overrides: Record<string, number> = {}) => ({
  year,
  familyHomeNok: 1_600_000,
  counsellorShareNok: 450_000,
  youthsPerHome: 3,
  groupHomePlaceNok: 1_450_000,
  institutionPlaceNok: 4_900_000,
  ...overrides,
});

const perYouth = (body: { arrangements: { arrangement: string; perYouthNok: number }[] }) =>
  Object.fromEntries(body.arrangements.map((a) => [a.arrangement, a.perYouthNok]));

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Kostnadsvik');
  leader = await loginAs(env.app, (await createUser(env.db, municipality, ['team_leader'])).email);
  caseworker = await loginAs(env.app, (await createUser(env.db, municipality, ['caseworker'])).email);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('cost per youth per year', () => {
  it('is nothing until the municipality sets its unit costs', async () => {
    const response = await caseworker.get('/api/family-home-costs?year=2024');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ year: 2024, settings: null, arrangements: [] });
  });

  it("divides a family home's cost and its counsellor's share by its youths, and takes a place for the others", async () => {
    const saved = await leader.put('/api/family-home-costs', settings(2025));
    expect(saved.statusCode, saved.body).toBe(200);
    // (1 600 000 + 450 000) / 3 = 683 333.33… → 683 333
    expect(perYouth(saved.json())).toEqual({
      family_home: 683_333,
      group_home: 1_450_000,
      institution: 4_900_000,
    });
    expect(saved.json().settings).toMatchObject({ year: 2025, example: false });
  });

  it('takes a typical number of youths with one decimal', async () => {
    const saved = await leader.put(
      '/api/family-home-costs',
      settings(2026, { familyHomeNok: 1_200_000, counsellorShareNok: 400_000, youthsPerHome: 2.5 }),
    );
    // (1 200 000 + 400 000) / 2.5 = 640 000
    expect(perYouth(saved.json()).family_home).toBe(640_000);
  });

  it("carries a year's unit costs into the years after until new ones are set", async () => {
    const later = await caseworker.get('/api/family-home-costs?year=2028');
    expect(later.json().settings.year).toBe(2026);
    expect(perYouth(later.json()).family_home).toBe(640_000);
    expect(later.json().years).toEqual([2026, 2025]);
    expect(perYouth((await caseworker.get('/api/family-home-costs?year=2025')).json()).family_home).toBe(
      683_333,
    );
  });

  it('lets only the team leader set the unit costs, and refuses figures out of bounds', async () => {
    const refused = await caseworker.put('/api/family-home-costs', settings(2027));
    expect(refused.statusCode).toBe(403);
    const bad = await leader.put('/api/family-home-costs', settings(2027, { youthsPerHome: 0 }));
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation.invalid']);
    expect((await caseworker.get('/api/family-home-costs?year=2027')).json().settings.year).toBe(2026);
  });

  it('exports the comparison as CSV and Excel with the same figures and how they are computed', async () => {
    const csv = await caseworker.get('/api/family-home-costs.csv?year=2025');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('landsby-kostnader-familiehjem-2025.csv');
    const lines = csv.body.replace('\uFEFF', '').split('\n');
    expect(lines[0]).toBe('Ordning;Kostnad per ungdom per år (kr);Slik er det regnet');
    expect(lines[1]).toBe(
      'Familiehjem;683333;(familiehjem + familieveilederens andel) delt på 3 ungdommer per hjem',
    );
    expect(lines[2]).toMatch(/^Bofellesskap;1450000;/);
    expect(lines[3]).toMatch(/^Institusjon;4900000;/);

    const xlsx = await caseworker.get('/api/family-home-costs.xlsx?year=2025');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('Familiehjem');
    expect(sheet?.getRow(2).getCell(2).value).toBe(683_333);
    expect(sheet?.getRow(4).getCell(2).value).toBe(4_900_000);
  });

  it("shows another municipality none of this one's figures", async () => {
    const elsewhere = await createMunicipality(env.db, 'Annenby');
    const agent = await loginAs(env.app, (await createUser(env.db, elsewhere, ['caseworker'])).email);
    expect((await agent.get('/api/family-home-costs?year=2025')).json()).toMatchObject({
      settings: null,
      years: [],
    });
  });

  it("marks the demo's unit costs as examples, and a saved year as the municipality's own", async () => {
    const demo = await createMunicipality(env.db, 'Demovik');
    await seedDemoCosts(env.db, demo);
    const agent = await loginAs(env.app, (await createUser(env.db, demo, ['team_leader'])).email);
    const shown = (await agent.get('/api/family-home-costs')).json();
    expect(shown.settings.example).toBe(true);
    expect(perYouth(shown)).toEqual({ family_home: 683_333, group_home: 1_450_000, institution: 4_900_000 });
    const csv = await agent.get('/api/family-home-costs.csv');
    expect(csv.body).toContain('Tallene er eksempler, ikke kommunens egne.');
    const own = await agent.put('/api/family-home-costs', settings(shown.year));
    expect(own.json().settings.example).toBe(false);
  });

  it('writes an audit entry when the unit costs change', async () => {
    const rows = await env.db.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = $1 AND record_type = 'family_home_cost'
           AND action = 'update'`,
        [municipality],
      ),
    );
    expect(rows[0]?.n).toBe(2);
  });
});
