import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rate, Stability } from '../../src/features/programmes/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';
import { createPlacements, createTestProgramme } from '../support/programmes.js';

// A programme of three municipalities (A, B, C) with placements crafted so every figure can be
// worked out by hand. The years shown are the five up to today's (the test's dates are 2022–2026
// only while today is in 2026; stabilityYears is checked in the unit test).

let env: TestEnv;
let programmeId: string;
let a: number;
let b: number;
let c: number;
let coordinator: Agent;
let teamA: Agent;
let caseworkerOutside: Agent;
let years: number[];

beforeAll(async () => {
  env = await createTestEnv();
  a = await createMunicipality(env.db, 'Haugesund');
  b = await createMunicipality(env.db, 'Karmøy');
  c = await createMunicipality(env.db, 'Indre Ryfylke');
  const outside = await createMunicipality(env.db, 'Utenfor');
  const lead = await createUser(env.db, a, ['programme_coordinator'], {
    firstName: 'Pia',
    lastName: 'Prosjektleder',
  });
  const leaderA = await createUser(env.db, a, ['team_leader']);
  const stranger = await createUser(env.db, outside, ['team_leader']);
  programmeId = await createTestProgramme(env.db, [a, b, c], [lead.id]);
  coordinator = await loginAs(env.app, lead.email);
  teamA = await loginAs(env.app, leaderA.email);
  caseworkerOutside = await loginAs(env.app, stranger.email);

  // A: P6 2020-01-01 → 2024-12-31 unplanned; P1 2024-03-01 → (open); P3 2024-06-01 → 2026-04-01
  // unplanned; P2 2025-02-01 → 2025-09-30 unplanned; P4 2025-05-01 → 2025-12-31 planned;
  // P5 2026-01-01 → (open).
  const [p1] = await createPlacements(env.db, a, [
    { start: '2024-03-01' },
    { start: '2020-01-01', end: '2024-12-31', reason: 'unplanned' },
    { start: '2024-06-01', end: '2026-04-01', reason: 'unplanned' },
    { start: '2025-02-01', end: '2025-09-30', reason: 'unplanned' },
    { start: '2025-05-01', end: '2025-12-31', reason: 'planned' },
    { start: '2026-01-01' },
  ]);
  // P1's home took part in En god start: a cohort that started 15 January 2025.
  await env.db.transaction(async (tx) => {
    const [cohort] = await tx.query<{ id: string }>(
      `INSERT INTO cohort (municipality_id, programme_id, name, starts_on) VALUES ($1, $2, 'Kull 1', '2025-01-15') RETURNING id`,
      [a, programmeId],
    );
    await tx.query(
      'INSERT INTO cohort_member (cohort_id, household_id, municipality_id) VALUES ($1, $2, $3)',
      [cohort?.id, p1, a],
    );
  });
  // B: ten placements from 2025-01-01; six ended unplanned 2025-06-30, four go on.
  await createPlacements(env.db, b, [
    ...Array.from({ length: 6 }, () => ({
      start: '2025-01-01',
      end: '2025-06-30',
      reason: 'unplanned' as const,
    })),
    ...Array.from({ length: 4 }, () => ({ start: '2025-01-01' })),
  ]);
  // C: eight placements from 2026-01-01; five ended unplanned 2026-05-01.
  await createPlacements(env.db, c, [
    ...Array.from({ length: 5 }, () => ({
      start: '2026-01-01',
      end: '2026-05-01',
      reason: 'unplanned' as const,
    })),
    ...Array.from({ length: 3 }, () => ({ start: '2026-01-01' })),
  ]);
  years = (await teamA.get(`/api/programmes/${programmeId}/stability`)).json().years;
});
afterAll(() => env.close());

const yearIndex = (year: number) => years.indexOf(year);

describe('the programme plan', () => {
  it('shows the coordinator every member, its phase and checklist, and the groups', async () => {
    expect((await teamA.put(`/api/programmes/${programmeId}/phase`, { phase: 3 })).statusCode).toBe(200);
    expect(
      (await teamA.put(`/api/programmes/${programmeId}/checks/project_group`, { done: true })).statusCode,
    ).toBe(200);
    const plan = (await coordinator.get(`/api/programmes/${programmeId}`)).json();
    expect(plan.access).toBe('coordinator');
    expect(plan.members.map((m: { name: string; phase: number }) => [m.name, m.phase])).toEqual([
      ['Haugesund', 3],
      ['Indre Ryfylke', 1],
      ['Karmøy', 1],
    ]);
    expect(plan.members[0].done).toEqual(['project_group']);
    expect(plan.people.map((p: { name: string }) => p.name)).toEqual(['Randi Rådgiver']);
  });

  it('lets the coordinator keep the groups, and no one else', async () => {
    const added = await coordinator.post(`/api/programmes/${programmeId}/people`, {
      name: 'Janette Vea',
      organisation: 'Bufetat region vest',
      role: 'Bufetats representant',
      email: 'janette@bufetat.example',
      groups: ['steering', 'working'],
    });
    expect(added.statusCode).toBe(201);
    const plan = (await teamA.get(`/api/programmes/${programmeId}`)).json();
    expect(plan.people.find((p: { name: string }) => p.name === 'Janette Vea').groups).toEqual([
      'steering',
      'working',
    ]);
    const refused = await teamA.post(`/api/programmes/${programmeId}/people`, {
      name: 'Inntrenger',
      organisation: 'X',
      role: 'X',
      groups: ['working'],
    });
    expect(refused.statusCode).toBe(403);
    const notMember = await coordinator.post(`/api/programmes/${programmeId}/people`, {
      name: 'Kontaktperson',
      organisation: 'Utenfor',
      role: 'Kontaktperson',
      groups: ['working'],
      representsMunicipality: 999999,
    });
    expect(notMember.statusCode).toBe(400);
    expect(
      (
        await coordinator.request({
          method: 'DELETE',
          url: `/api/programmes/${programmeId}/people/${added.json().id}`,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a checklist item that does not exist, and a coordinator setting a phase', async () => {
    expect(
      (await teamA.put(`/api/programmes/${programmeId}/checks/no_such_item`, { done: true })).statusCode,
    ).toBe(404);
    expect((await coordinator.put(`/api/programmes/${programmeId}/phase`, { phase: 5 })).statusCode).toBe(
      403,
    );
  });

  it('does not exist for a municipality outside it', async () => {
    expect((await caseworkerOutside.get(`/api/programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await caseworkerOutside.get(`/api/programmes/${programmeId}/stability`)).statusCode).toBe(404);
    expect((await caseworkerOutside.get('/api/programmes')).json().programmes).toEqual([]);
  });
});

describe('placement stability on crafted placements', () => {
  it("gives a member's team its own municipality exactly, as worked out by hand", async () => {
    const s: Stability = (await teamA.get(`/api/programmes/${programmeId}/stability`)).json();
    expect(s.scope).toBe('municipality');
    expect(s.hidden).toBe(false);
    expect(s.municipalities.map((m) => m.name)).toEqual(['Haugesund']);
    // Placement-years of A by hand: 2024 P6 P1 P3 = 3 (P6's move); 2025 P1 P2 P3 P4 = 4 (P2's
    // move; P4 ended as planned); 2026 P1 P3 P5 = 3 (P3's move). P6 ended before 2025: not in it.
    const y2025 = s.byYear[yearIndex(2025)] as Rate;
    expect([y2025.moves, y2025.placementYears]).toEqual([1, 4]);
    expect(y2025.per100).toBeCloseTo(25, 5);
    // Wilson 1 of 4: centre (0.25 + 1.96²/8) / (1 + 1.96²/4) = 0.3725, half 0.3269 → 4.6 % to 69.9 %.
    expect(y2025.low).toBeCloseTo(4.56, 1);
    expect(y2025.high).toBeCloseTo(69.94, 1);
    const y2026 = s.byYear[yearIndex(2026)] as Rate;
    expect([y2026.moves, y2026.placementYears]).toEqual([1, 3]);
    expect([s.byYear[yearIndex(2024)]?.moves, s.byYear[yearIndex(2024)]?.placementYears]).toEqual([1, 3]);
    // En god start: P1 took part from 2025: 2 placement-years (2025, 2026), no move.
    const goodStart = s.participation.find((p) => p.kind === 'good_start');
    expect(goodStart?.tookPart.placementYears).toBe(2);
    expect(goodStart?.tookPart.moves).toBe(0);
    expect(goodStart?.verdict).toBe('too_thin');
  });

  it('gives the coordinator the programme pooled, small counts and their complements hidden', async () => {
    const s: Stability = (await coordinator.get(`/api/programmes/${programmeId}/stability`)).json();
    expect(s.scope).toBe('programme');
    expect(s.hidden).toBe(true);
    const names = s.municipalities.map((m) => m.name);
    expect(names).toEqual(['Haugesund', 'Indre Ryfylke', 'Karmøy']);
    const row = (name: string) => names.indexOf(name);
    // By hand, unplanned moves / placement-years per year, 2022 to 2026:
    //   A (Haugesund)      0/1  0/1  1/3  1/4   1/3   = 3/12
    //   C (Indre Ryfylke)  0/0  0/0  0/0  0/0   5/8   = 5/8
    //   B (Karmøy)         0/0  0/0  0/0  6/10  0/4   = 6/14
    //   all                0/1  0/1  1/3  7/14  6/15  = 14/34
    // 2025 pooled: 7 moves of 14 placement-years = 50 per 100, shown.
    const y2025 = s.byYear[yearIndex(2025)] as Rate;
    expect([y2025.moves, y2025.placementYears, y2025.per100]).toEqual([7, 14, 50]);
    // The years' moves 0, 0, 1, 7, 6 of a shown 14: 0, 0 and 1 are small, and with 7 and 6 shown
    // they would be known to add up to 1; so the 6 (the smallest shown) is hidden too.
    const y2026 = s.byYear[yearIndex(2026)] as Rate;
    expect([y2026.moves, y2026.placementYears, y2026.per100]).toEqual([{ hidden: true }, 15, null]);
    expect([s.total.moves, s.total.placementYears]).toEqual([14, 34]);
    expect(s.total.per100).toBeCloseTo(41.18, 2);
    // A's 3 moves are small: hidden. The programme's total 14 is shown, so one more municipality's
    // total is hidden with it (the smallest, C's 5), or A's would be 14 − 6 − 5.
    expect(s.byMunicipality[row('Haugesund')]?.moves).toEqual({ under: 5 });
    expect(s.byMunicipality[row('Indre Ryfylke')]?.moves).toEqual({ hidden: true });
    expect(s.byMunicipality[row('Indre Ryfylke')]?.per100).toBeNull();
    expect(s.byMunicipality[row('Karmøy')]?.moves).toBe(6);
    expect(s.byMunicipality[row('Karmøy')]?.per100).toBeCloseTo(42.86, 2);
    // No cell of the table has fewer than 5 shown, and no shown rate stands on a hidden count.
    for (const r of s.cells.flat()) {
      if (typeof r.moves === 'number') expect(r.moves).toBeGreaterThanOrEqual(5);
      if (typeof r.placementYears === 'number') expect(r.placementYears).toBeGreaterThanOrEqual(5);
      if (typeof r.moves !== 'number' || typeof r.placementYears !== 'number') expect(r.per100).toBeNull();
    }
    // Karmøy's 6 of 10 in 2025 would tell its other years' zeros (6 of a shown 6): hidden too.
    expect(s.cells[row('Karmøy')]?.[yearIndex(2025)]?.moves).toEqual({ hidden: true });
    expect(s.cells[row('Haugesund')]?.[yearIndex(2025)]?.moves).toEqual({ under: 5 });
    // En god start: 0 of 2 placement-years against 14 of 32; all the parts are hidden (a shown
    // 14 of 14 would say those who took part had none).
    const goodStart = s.participation.find((p) => p.kind === 'good_start');
    expect(goodStart?.tookPart.moves).toEqual({ under: 5 });
    expect(goodStart?.didNot.moves).toEqual({ hidden: true });
  });

  it('downloads each figure as CSV and Excel with the same hidden counts', async () => {
    const csv = await coordinator.get(`/api/programmes/${programmeId}/stability/by-municipality.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Haugesund;Alle år;under 5');
    const xlsx = await coordinator.get(`/api/programmes/${programmeId}/stability/by-year.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
