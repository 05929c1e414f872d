import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { todayInOslo } from '../../src/domain/calendar.js';
import { ageOn } from '../../src/domain/network.js';
import type { MatchingChildList, Proposals } from '../../src/features/matching/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { attend, insertEvent } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// Matching (seed 003: start from the children): proposals deterministic on fixed data with their
// reasons, the team's choice filling a network, sibling links, the short list of resource-family
// candidates with Solid, and another municipality's data out of reach.
let env: TestEnv;
let asker: number;
let other: number;
let agent: Agent;
let caseworker: TestUser;
const homes: Record<string, string> = {};
const kids: Record<string, string> = {};

async function home(
  key: string,
  lastName: string,
  postcode: string,
  travelMinutes: number,
  child: [string, string] | null,
  kind: 'foster' | 'resource_family' = 'foster',
) {
  homes[key] = await createHousehold(env.db, asker, {
    kind,
    address: { line: 'Storgata 1', postcode },
    travelMinutes,
    adults: [{ firstName: 'Kari', lastName, mobile: '412 34 567', preferredChannels: ['sms'] }],
    children: child ? [{ firstName: child[0], birthDate: child[1] }] : [],
  });
}

/** A Solid completion for every adult of the home, written as the course register keeps it. */
async function giveSolid(householdId: string) {
  await inTenant(env.db, { municipalityId: asker, userId: null, ip: null }, async (tx) => {
    await tx.query(`INSERT INTO course (municipality_id, kind) VALUES ($1, 'solid') ON CONFLICT DO NOTHING`, [
      asker,
    ]);
    await tx.query(
      `INSERT INTO course_completion (municipality_id, course_id, adult_id, completed_on, hours)
       SELECT $1, (SELECT id FROM course WHERE municipality_id = $1 AND kind = 'solid'), a.id, '2025-05-20', 18
       FROM adult a WHERE a.household_id = $2`,
      [asker, householdId],
    );
  });
}

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  other = await createMunicipality(env.db, 'Bjørkedalen');
  caseworker = await createUser(env.db, asker, ['caseworker']);
  agent = await loginAs(env.app, caseworker.email);
  await home('A', 'Alm', '1383', 10, ['Liam', '2018-05-01']);
  await home('C', 'Carlsen', '1383', 12, ['Ida', '2017-11-20']);
  await home('B', 'Berg', '1390', 25, ['Nora', '2012-01-01']);
  await home('D', 'Dahl', '1384', 15, ['Emil', '2019-01-01']);
  await home('E', 'Eng', '1384', 15, ['Olav', '2019-01-01']);
  await home('F', 'Fjeld', '1384', 15, ['Tor', '2005-01-01']);
  await home('R1', 'Ruud', '1390', 5, null, 'resource_family');
  await home('R3', 'Rønning', '1390', 10, null, 'resource_family');
  await home('K', 'Kvam', '2609', 40, null);
  await giveSolid(homes.R3 as string);
  await giveSolid(homes.K as string);
  // Carlsen and Eng met at one café evening; Dahl came to another one alone.
  const cafe = await insertEvent(env.db, asker, { date: '2026-03-10' });
  await attend(env.db, asker, cafe, homes.C as string);
  await attend(env.db, asker, cafe, homes.E as string);
  const children = (await agent.get('/api/matching/children')).json() as MatchingChildList;
  for (const c of children.children) kids[c.firstName] = c.id;
});
afterAll(() => env.close());

const today = () => todayInOslo();

describe('matching children to a network', () => {
  it('lists the children of the foster homes to pick, without the resource families', () => {
    expect(Object.keys(kids).sort()).toEqual(['Emil', 'Ida', 'Liam', 'Nora', 'Olav', 'Tor']);
  });

  it('records siblings placed in different homes, shown on both children', async () => {
    const response = await agent.post('/api/matching/siblings', { childIds: [kids.Liam, kids.Nora] });
    expect(response.statusCode).toBe(204);
    const list = (await agent.get('/api/matching/children')).json() as MatchingChildList;
    expect(list.children.find((c) => c.firstName === 'Liam')?.siblingIds).toEqual([kids.Nora]);
    expect(list.children.find((c) => c.firstName === 'Nora')?.siblingIds).toEqual([kids.Liam]);
  });

  it('proposes the same members, suggestions and resource families with the reasons, whatever the order picked', async () => {
    await agent.put(`/api/resource-family-candidates/${homes.K}`, {
      status: 'approached',
      statusOn: '2026-11-01',
    });
    const first = await agent.post('/api/matching/proposals', { childIds: [kids.Liam, kids.Ida] });
    expect(first.statusCode).toBe(200);
    const again = await agent.post('/api/matching/proposals', { childIds: [kids.Ida, kids.Liam] });
    const proposals = first.json() as Proposals;
    expect(again.json()).toEqual(proposals);

    expect(proposals.members.map((m) => m.householdId)).toEqual([homes.A, homes.C]);
    expect(proposals.members[0]?.reasons[0]).toEqual({ code: 'picked', children: ['Liam'] });
    // Berg: Liam's sister Nora; Eng: Olav close in age to Liam and met Carlsen at a café; Dahl: Emil's age.
    expect(proposals.suggestions.map((s) => s.householdId)).toEqual([homes.B, homes.E, homes.D]);
    expect(proposals.suggestions[0]?.reasons).toEqual([
      { code: 'sibling', child: 'Nora', sibling: 'Liam' },
      { code: 'travel', minutes: 14, estimate: 'same_area' },
    ]);
    const eng = proposals.suggestions[1];
    expect(eng?.reasons).toContainEqual({
      code: 'age',
      child: 'Olav',
      age: ageOn('2019-01-01', today()),
      picked: 'Liam',
      pickedAge: ageOn('2018-05-01', today()),
    });
    expect(eng?.reasons).toContainEqual({ code: 'cafe', household: 'Kari Carlsen', evenings: 1 });
    // Rønning has Solid and is nearest; Kvam (a candidate with Solid) further; Ruud lacks Solid.
    expect(proposals.resourceFamilies.map((r) => r.householdId)).toEqual([homes.R3, homes.K, homes.R1]);
    expect(proposals.resourceFamilies[1]?.reasons[0]).toEqual({ code: 'candidate' });
    expect(proposals.resourceFamilies[2]?.reasons[0]).toEqual({ code: 'no_solid' });
  });

  it("creates a network with the team's choice, its homes proposed as members", async () => {
    const response = await agent.post('/api/matching/choice', {
      name: 'Nettverket i Asker sentrum',
      resourceFamilyHouseholdId: homes.R3,
      caseworkerUserIds: [caseworker.id],
      householdIds: [homes.A, homes.C, homes.B],
    });
    expect(response.statusCode).toBe(201);
    const { networkId, proposed } = response.json();
    expect(proposed).toBe(3);
    const network = (await agent.get(`/api/networks/${networkId}`)).json();
    expect(network.members.map((m: { householdId: string }) => m.householdId).sort()).toEqual(
      [homes.A, homes.C, homes.B].sort(),
    );
    expect(network.members.every((m: { status: string }) => m.status === 'pending')).toBe(true);

    // The homes now in a network are no longer suggested for another.
    const next = (await agent.post('/api/matching/proposals', { childIds: [kids.Emil] })).json() as Proposals;
    expect(next.suggestions.map((s) => s.householdId)).not.toContain(homes.C);
  });

  it('writes nothing when one chosen home cannot be proposed', async () => {
    const elsewhere = await createHousehold(env.db, other);
    const count = async () =>
      (
        await env.db.transaction((tx) => tx.query<{ n: number }>('SELECT count(*)::int AS n FROM network'))
      ).at(0)?.n;
    const before = await count();
    const response = await agent.post('/api/matching/choice', {
      name: 'Halvt nettverk',
      resourceFamilyHouseholdId: homes.R3,
      caseworkerUserIds: [caseworker.id],
      householdIds: [homes.D, elsewhere],
    });
    expect(response.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('asks for the name, resource family and caseworkers of a new network', async () => {
    const response = await agent.post('/api/matching/choice', { householdIds: [homes.D] });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.invalid');
  });
});

describe('the short list of resource-family candidates', () => {
  it('keeps status, date and the staff-only note, with the Solid status of each adult', async () => {
    const response = await agent.put(`/api/resource-family-candidates/${homes.K}`, {
      status: 'considering',
      statusOn: '2026-11-20',
      suitabilityNote: 'Raus og strukturert; god lytter.',
    });
    expect(response.statusCode).toBe(200);
    const list = (await agent.get('/api/resource-family-candidates')).json();
    expect(list.candidates).toEqual([
      expect.objectContaining({
        householdId: homes.K,
        status: 'considering',
        statusOn: '2026-11-20',
        suitabilityNote: 'Raus og strukturert; god lytter.',
        solid: { status: 'complete', adults: [{ name: 'Kari Kvam', completedOn: '2025-05-20' }] },
      }),
    ]);
  });

  it('refuses to recruit a candidate without Solid (409) and keeps the earlier status', async () => {
    await agent.put(`/api/resource-family-candidates/${homes.F}`, {
      status: 'approached',
      statusOn: '2026-11-02',
    });
    const response = await agent.put(`/api/resource-family-candidates/${homes.F}`, {
      status: 'accepted',
      statusOn: '2026-11-21',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('courses.solid_required');
    const list = (await agent.get('/api/resource-family-candidates')).json();
    const fjeld = list.candidates.find((c: { householdId: string }) => c.householdId === homes.F);
    expect(fjeld).toMatchObject({ status: 'approached', solid: { status: 'none' } });
  });

  it('refuses a note over 1000 characters', async () => {
    const response = await agent.put(`/api/resource-family-candidates/${homes.K}`, {
      status: 'considering',
      statusOn: '2026-11-20',
      suitabilityNote: 'x'.repeat(1001),
    });
    expect(response.statusCode).toBe(400);
  });

  it('takes a household off the list', async () => {
    expect(
      (await agent.request({ method: 'DELETE', url: `/api/resource-family-candidates/${homes.F}` }))
        .statusCode,
    ).toBe(204);
    const list = (await agent.get('/api/resource-family-candidates')).json();
    expect(list.candidates.map((c: { householdId: string }) => c.householdId)).toEqual([homes.K]);
  });
});

describe("another municipality's matching", () => {
  it("sees none of the children or candidates, and gets 404 for Asker's children and homes", async () => {
    const outsider = await createUser(env.db, other, ['caseworker']);
    const theirs = await loginAs(env.app, outsider.email);
    expect((await theirs.get('/api/matching/children')).json().children).toEqual([]);
    expect((await theirs.get('/api/resource-family-candidates')).json().candidates).toEqual([]);
    expect((await theirs.post('/api/matching/proposals', { childIds: [kids.Liam] })).statusCode).toBe(404);
    expect(
      (await theirs.post('/api/matching/siblings', { childIds: [kids.Liam, kids.Ida] })).statusCode,
    ).toBe(404);
    const put = await theirs.put(`/api/resource-family-candidates/${homes.K}`, {
      status: 'declined',
      statusOn: '2026-11-22',
    });
    expect(put.statusCode).toBe(404);
    const list = (await agent.get('/api/resource-family-candidates')).json();
    expect(list.candidates[0].status).toBe('considering');
  });
});
