import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { createNetwork, joinedHousehold } from '../support/networks.js';
import { createTestProgramme } from '../support/programmes.js';

// A programme of three municipalities, each with households whose names, addresses, e-mail
// addresses, phone numbers, children and ids are written down as markers. The coordinator walks
// every route of the app and must find none of them in any answer: they get aggregates only.

let env: TestEnv;
let programmeId: string;
let coordinator: Agent;
let coordinatorEmail: string;
let householdIds: string[] = [];
const markers: string[] = [];

const SUFFIXES = ['Alfa', 'Beta', 'Gamma'];

beforeAll(async () => {
  env = await createTestEnv();
  const municipalities = [
    await createMunicipality(env.db, 'Sauda'),
    await createMunicipality(env.db, 'Tysvær'),
    await createMunicipality(env.db, 'Vindafjord'),
  ];
  // The coordinator's account is kept in the first municipality, which is itself a member.
  const lead = await createUser(env.db, municipalities[0] as number, ['programme_coordinator'], {
    firstName: 'Kari',
    lastName: 'Koordinator',
  });
  programmeId = await createTestProgramme(env.db, municipalities, [lead.id]);
  for (const [m, municipalityId] of municipalities.entries()) {
    const suffix = SUFFIXES[m] as string;
    const people = Array.from({ length: 6 }, (_, i) => ({
      firstName: `Hemmelig${suffix}${i}`,
      lastName: `Etternavn${suffix}${i}`,
      email: `skjult.${suffix.toLowerCase()}${i}@familie.example`,
      mobile: `+479${m}${i}12345`,
      address: `Løyndomsvegen ${suffix} ${i}`,
      child: `Barnenavn${suffix}${i}`,
    }));
    const ids = await createHouseholds(
      env.db,
      municipalityId,
      people.map((p, i) => ({
        address: { line: p.address, postcode: '1384' },
        adults: [{ firstName: p.firstName, lastName: p.lastName, email: p.email, mobile: p.mobile }],
        children: [{ firstName: p.child, birthDate: '2014-02-02' }],
        placements: [
          {
            childIndex: 0,
            startDate: '2025-01-10',
            endDate: i < 2 ? '2026-03-01' : null,
            endReason: i < 2 ? 'unplanned' : null,
          },
        ],
      })),
    );
    householdIds = [...householdIds, ...ids];
    for (const p of people) markers.push(p.firstName, p.lastName, p.email, p.mobile, p.address, p.child);
  }
  // A network in the second municipality: its member household is a marker too.
  const second = municipalities[1] as number;
  const network = await createNetwork(env, second, { name: 'Nettverket i Tysvær' });
  const member = await joinedHousehold(env, network.agent, second, network.network.id, {
    adults: [{ firstName: 'Nettverksmedlem', lastName: 'Ukjentsen' }],
  });
  householdIds.push(member.householdId);
  markers.push('Nettverksmedlem', 'Ukjentsen');
  markers.push(...householdIds);
  coordinatorEmail = lead.email;
  coordinator = await loginAs(env.app, lead.email);
});
afterAll(() => env.close());

/** What a response says, the text inside a spreadsheet included. */
async function textOf(response: LightMyRequestResponse): Promise<string> {
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return response.body;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text));
      });
    });
  }
  return cells.join('\n');
}

describe('the programme coordinator', () => {
  it('finds no name, id, address or contact detail of any household on any route of the app', async () => {
    const household = householdIds[0] as string;
    // Logging out last, so the walk is done logged in.
    const routes = env.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.url.includes('*'))
      .sort((x, y) => Number(x.url === '/api/auth/logout') - Number(y.url === '/api/auth/logout'));
    expect(routes.length).toBeGreaterThan(50);
    const answered: string[] = [];
    for (const route of routes) {
      // The programme's own id where a route names it; a household's id everywhere else, to try.
      const url = route.url.replace(':programmeId', programmeId).replace(/:[A-Za-z]+/g, household);
      const response = await coordinator.request({
        method: route.method as 'GET',
        url,
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).toBeLessThan(500);
      const text = await textOf(response);
      for (const marker of markers) {
        expect(text.includes(marker), `${route.method} ${route.url} shows ${marker}`).toBe(false);
      }
      if (response.statusCode === 200) answered.push(`${route.method} ${route.url}`);
    }
    coordinator = await loginAs(env.app, coordinatorEmail);
    // The walk is not vacuous: the coordinator's own pages answered, with figures in them.
    expect(answered).toContain('GET /api/programmes/:programmeId');
    expect(answered).toContain('GET /api/programmes/:programmeId/stability');
    expect(answered).toContain('GET /api/programmes/:programmeId/stability/by-municipality.xlsx');
    // The files of the plan, the cohorts and the evaluation were walked too (their text read above).
    expect(answered).toContain('GET /api/programmes/:programmeId/members.xlsx');
    expect(answered).toContain('GET /api/programmes/:programmeId/cohorts.xlsx');
    expect(answered).toContain('GET /api/programmes/:programmeId/cohorts.csv');
    expect(answered).toContain('GET /api/evaluation/programmes/:programmeId/results.xlsx');
  });

  it('gets the pooled figures of all three municipalities, with the small ones hidden', async () => {
    const s = (await coordinator.get(`/api/programmes/${programmeId}/stability`)).json();
    expect(s.scope).toBe('programme');
    expect(s.municipalities.map((m: { name: string }) => m.name)).toEqual(['Sauda', 'Tysvær', 'Vindafjord']);
    // 18 placements from 2025 (six per municipality; the network member has none): 18
    // placement-years in 2025 and 18 in 2026; 6 unplanned moves, all in 2026, two per municipality.
    // 2025's 0 is small, and with the total 6 shown, 2026's 6 would give it away: hidden too.
    expect(s.years).toEqual([2025, 2026]);
    expect(s.byYear.map((r: { moves: unknown }) => r.moves)).toEqual([{ under: 5 }, { hidden: true }]);
    expect(s.byYear.map((r: { placementYears: unknown }) => r.placementYears)).toEqual([18, 18]);
    expect([s.total.moves, s.total.placementYears]).toEqual([6, 36]);
    // Each municipality's 2 moves are under 5.
    expect(s.byMunicipality.map((r: { moves: unknown }) => r.moves)).toEqual([
      { under: 5 },
      { under: 5 },
      { under: 5 },
    ]);
  });

  it('is refused the registry and every list of households', async () => {
    expect((await coordinator.get('/api/households')).statusCode).toBe(403);
    expect((await coordinator.get(`/api/households/${householdIds[0]}`)).statusCode).toBe(403);
  });
});
