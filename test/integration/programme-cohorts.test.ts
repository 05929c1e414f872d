import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/connection.js';
import type { Cohorts } from '../../src/features/programmes/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { createTestProgramme } from '../support/programmes.js';

// En god start across a programme of two municipalities (A, B), for its coordinator: per cohort
// the households in it and per session how many were invited and how many came, with crafted
// counts so every «under 5» and every hidden complement can be worked out by hand.

let env: TestEnv;
let programmeId: string;
let coordinator: Agent;
let teamA: Agent;
let otherCoordinator: Agent;
let households: string[] = [];

/**
 * A cohort with its sessions: per theme [invited, came, walk-ins]: the first `invited` members
 * invited, the first `came` of them present, and `walk-ins` more members present without an invitation.
 */
async function craftCohort(
  tx: Queryable,
  municipalityId: number,
  programme: string | null,
  name: string,
  members: readonly string[],
  sessions: readonly (readonly [number, number, number?])[],
): Promise<void> {
  const [cohort] = await tx.query<{ id: string }>(
    `INSERT INTO cohort (municipality_id, programme_id, name, starts_on) VALUES ($1, $2, $3, '2026-09-01')
     RETURNING id`,
    [municipalityId, programme, name],
  );
  for (const household of members) {
    await tx.query(
      'INSERT INTO cohort_member (cohort_id, household_id, municipality_id) VALUES ($1, $2, $3)',
      [cohort?.id, household, municipalityId],
    );
  }
  for (const [i, [invited, came, walkIns = 0]] of sessions.entries()) {
    const date = `2026-09-${String(i + 1).padStart(2, '0')}`;
    const [event] = await tx.query<{ id: string }>(
      `INSERT INTO event (municipality_id, kind, title, date, start_time, end_time, starts_at, ends_at, registration)
       VALUES ($1, 'good_start_session', $2, $3, '18:00', '20:00', $3::date + time '18:00', $3::date + time '20:00', 'none')
       RETURNING id`,
      [municipalityId, `Samling ${i + 1}`, date],
    );
    await tx.query(
      'INSERT INTO cohort_session (event_id, cohort_id, municipality_id, theme) VALUES ($1, $2, $3, $4)',
      [event?.id, cohort?.id, municipalityId, i + 1],
    );
    for (const [n, household] of members.slice(0, invited).entries()) {
      await tx.query(
        `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
         VALUES ($1, $2, $3, gen_random_uuid()::text::bytea, 'nb')`,
        [municipalityId, event?.id, household],
      );
      await tx.query(
        `INSERT INTO attendance (event_id, household_id, municipality_id, present, last_tap, tapped_at)
         VALUES ($1, $2, $3, $4, gen_random_uuid(), now())`,
        [event?.id, household, municipalityId, n < came],
      );
    }
    for (const household of members.slice(invited, invited + walkIns)) {
      await tx.query(
        `INSERT INTO attendance (event_id, household_id, municipality_id, present, walk_in, last_tap, tapped_at)
         VALUES ($1, $2, $3, true, true, gen_random_uuid(), now())`,
        [event?.id, household, municipalityId],
      );
    }
  }
}

beforeAll(async () => {
  env = await createTestEnv();
  const a = await createMunicipality(env.db, 'Haugesund');
  const b = await createMunicipality(env.db, 'Karmøy');
  const outside = await createMunicipality(env.db, 'Utenfor');
  const lead = await createUser(env.db, a, ['programme_coordinator']);
  const leaderA = await createUser(env.db, a, ['team_leader']);
  const otherLead = await createUser(env.db, outside, ['programme_coordinator']);
  programmeId = await createTestProgramme(env.db, [a, b], [lead.id]);
  await createTestProgramme(env.db, [outside], [otherLead.id], 'Et annet program');
  coordinator = await loginAs(env.app, lead.email);
  teamA = await loginAs(env.app, leaderA.email);
  otherCoordinator = await loginAs(env.app, otherLead.email);
  const marked = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      adults: [{ firstName: 'Hemmelig', lastName: `Kullmedlem${i}`, mobile: '412 34 567' }],
    }));
  const inA = await createHouseholds(env.db, a, marked(9));
  const inB = await createHouseholds(env.db, b, marked(15));
  const inOutside = await createHouseholds(env.db, outside, marked(6));
  households = [...inA, ...inB, ...inOutside];
  await env.db.transaction(async (tx) => {
    // A, 8 households: session 1 all 8 invited, 7 came; 2: 8 invited, 3 came; 3: 8 of 8 came.
    await craftCohort(tx, a, programmeId, 'Vårkull Haugesund', inA.slice(0, 8), [
      [8, 7],
      [8, 3],
      [8, 8],
    ]);
    // B, 12 households: session 1 all 12 invited, 6 came; session 2: 3 invited, 2 came;
    // session 3: 3 invited, 2 came and 4 more came uninvited (so 7 counted as invited, 6 came).
    await craftCohort(tx, b, programmeId, 'Høstkull Karmøy', inB.slice(0, 12), [
      [12, 6],
      [3, 2],
      [3, 2, 4],
    ]);
    // B, 3 households, no sessions yet.
    await craftCohort(tx, b, programmeId, 'Vinterkull Karmøy', inB.slice(12, 15), []);
    // Not the programme's: A's own cohort outside it, and a municipality that is not a member.
    await craftCohort(tx, a, null, 'Eget kull', inA.slice(8, 9), [[1, 1]]);
    await craftCohort(tx, outside, programmeId, 'Utenfor-kull', inOutside, [[6, 6]]);
  });
});
afterAll(() => env.close());

const textOfSheet = (rows: string[][]) => rows.map((r) => r.join(';')).join('\n');

describe("the programme's cohorts for its coordinator", () => {
  it('shows each cohort of the member municipalities with attendance per session, small counts and their complements hidden', async () => {
    const response = await coordinator.get(`/api/programmes/${programmeId}/cohorts`);
    expect(response.statusCode).toBe(200);
    const { cohorts } = response.json() as Cohorts;
    const byName = new Map(cohorts.map((c) => [c.name, c]));
    // Only the programme's cohorts in its member municipalities.
    expect([...byName.keys()].sort()).toEqual(['Høstkull Karmøy', 'Vinterkull Karmøy', 'Vårkull Haugesund']);

    const spring = byName.get('Vårkull Haugesund');
    expect(spring?.municipality).toBe('Haugesund');
    expect(spring?.members).toBe(8);
    expect(spring?.sessions.map((s) => [s.theme, s.date, s.invited, s.attended])).toEqual([
      // 7 came, 1 did not: the 1 is small, so the 7 is hidden too (8 − 7 would tell it).
      [1, '2026-09-01', 8, { hidden: true }],
      // 3 came (under 5); the 5 who did not are hidden with it, the 8 invited are shown.
      [2, '2026-09-02', 8, { under: 5 }],
      // everyone came: 0 did not, so the 8 who came are hidden.
      [3, '2026-09-03', 8, { hidden: true }],
    ]);

    const autumn = byName.get('Høstkull Karmøy');
    expect(autumn?.members).toBe(12);
    expect(autumn?.sessions.map((s) => [s.theme, s.invited, s.attended])).toEqual([
      [1, 12, 6], // 6 came, 6 did not: nothing small
      [2, { under: 5 }, { under: 5 }], // 3 invited, 2 came
      // a walk-in counts as invited: 7 invited, 6 came, the 1 who did not hides the 6
      [3, 7, { hidden: true }],
    ]);

    const winter = byName.get('Vinterkull Karmøy');
    expect(winter?.members).toEqual({ under: 5 });
    expect(winter?.sessions).toEqual([]);
  });

  it('gives no household away: no id, no name of a member', async () => {
    const body = (await coordinator.get(`/api/programmes/${programmeId}/cohorts`)).body;
    for (const id of households) expect(body).not.toContain(id);
    expect(body).not.toContain('Hemmelig');
    expect(body).not.toContain('Kullmedlem');
  });

  it('downloads the table as CSV and Excel with the same hidden counts as the page («under 5», «skjult»)', async () => {
    const csv = await coordinator.get(`/api/programmes/${programmeId}/cohorts.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Kull;Kommune;Husstander i kullet;Samling;Dato;Invitert;Kom');
    expect(lines).toContain('Vårkull Haugesund;Haugesund;8;1 Den nye familien;2026-09-01;8;skjult');
    expect(lines.filter((l) => l.startsWith('Vårkull Haugesund;')).map((l) => l.split(';').at(-1))).toEqual([
      'skjult',
      'under 5',
      'skjult',
    ]);
    expect(lines).toContain('Vinterkull Karmøy;Karmøy;under 5;;;;');
    expect(csv.body).not.toContain('Eget kull');
    expect(csv.body).not.toContain('Utenfor-kull');

    const xlsx = await coordinator.get(`/api/programmes/${programmeId}/cohorts.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows).toContainEqual([
      'Høstkull Karmøy',
      'Karmøy',
      '12',
      '2 Samarbeid med barnets familie',
      '2026-09-02',
      'under 5',
      'under 5',
    ]);
    const files = [csv.body, textOfSheet(rows)];
    for (const file of files) for (const id of households) expect(file).not.toContain(id);
    for (const file of files) expect(file).not.toContain('Kullmedlem');

    expect((await teamA.get(`/api/programmes/${programmeId}/cohorts.csv`)).statusCode).toBe(403);
    expect((await otherCoordinator.get(`/api/programmes/${programmeId}/cohorts.xlsx`)).statusCode).toBe(404);
  });

  it("is the coordinator's only: a member's team may not (403), another programme's coordinator finds nothing (404)", async () => {
    expect((await teamA.get(`/api/programmes/${programmeId}/cohorts`)).statusCode).toBe(403);
    expect((await otherCoordinator.get(`/api/programmes/${programmeId}/cohorts`)).statusCode).toBe(404);
  });
});
