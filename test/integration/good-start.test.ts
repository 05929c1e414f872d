import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let agent: Agent;
let strangerAgent: Agent;
let leader: string;
let kari: string;
let lars: string;
let siri: string;
let cohortA: CohortView;

interface CohortView {
  id: string;
  name: string;
  sessions: { eventId: string; theme: number; date: string; held: boolean; present: number }[];
  leaders: { userId: string; name: string; trained: boolean }[];
  members: { householdId: string; name: string; attendance: { eventId: string; mark: string | null }[] }[];
  offers: {
    householdId: string;
    name: string;
    theme: number;
    eventId: string;
    cohortName: string;
    added: boolean;
  }[];
}

const newCohort = (input: Record<string, unknown>) =>
  agent.post('/api/cohorts', {
    startTime: '18:00',
    endTime: '20:30',
    intervalDays: 14,
    leaderUserIds: [leader],
    ...input,
  });

const present = (eventId: string, householdId: string) =>
  agent.post(`/api/events/${eventId}/attendance`, {
    tapId: randomUUID(),
    householdId,
    present: true,
    tappedAt: new Date().toISOString(),
  });

const cohort = async (id: string): Promise<CohortView> => {
  const response = await agent.get(`/api/cohorts/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Startvik');
  const other = await createMunicipality(env.db, 'Annenvik');
  const anne = await createUser(env.db, municipality, ['caseworker'], {
    firstName: 'Anne',
    lastName: 'Leder',
  });
  leader = anne.id;
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, anne.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  kari = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Kari', lastName: 'Nordmann' }],
  });
  lars = await createHousehold(env.db, municipality, { adults: [{ firstName: 'Lars', lastName: 'Dahl' }] });
  siri = await createHousehold(env.db, municipality, { adults: [{ firstName: 'Siri', lastName: 'Berg' }] });
  // Under way: sessions 1–3 held (35, 21 and 7 days ago), 4–6 to come.
  const created = await newCohort({ name: 'Høstkullet', firstDate: inDays(-35), householdIds: [kari, lars] });
  expect(created.statusCode, created.body).toBe(201);
  cohortA = created.json();
}, 60_000);

afterAll(() => env?.close());

describe('a cohort of En god start', () => {
  it('makes its six sessions as events of kind good_start_session with the fixed themes, every interval', async () => {
    expect(cohortA.sessions.map((s) => [s.theme, s.date, s.held])).toEqual([
      [1, inDays(-35), true],
      [2, inDays(-21), true],
      [3, inDays(-7), true],
      [4, inDays(7), false],
      [5, inDays(21), false],
      [6, inDays(35), false],
    ]);
    const events = (await agent.get(`/api/events?from=${inDays(-40)}&to=${inDays(40)}`)).json().events as {
      id: string;
      kind: string;
      title: string;
      hosts: { firstName: string }[];
    }[];
    const sessions = cohortA.sessions.map((s) => events.find((e) => e.id === s.eventId));
    expect(sessions.map((e) => e?.kind)).toEqual(Array(6).fill('good_start_session'));
    expect(sessions.map((e) => e?.title)).toEqual([
      'En god start 1: Den nye familien',
      'En god start 2: Samarbeid med barnets familie',
      'En god start 3: Tilknytning og tilhørighet',
      'En god start 4: Avvisning',
      'En god start 5: Følelsesregulering',
      'En god start 6: Den nye familien, evaluering og veien videre',
    ]);
    // The contact person hosts every session (her first name signs the invitation).
    expect(sessions.every((e) => e?.hosts.map((h) => h.firstName).join() === 'Anne')).toBe(true);
  });

  it("invites the cohort's households, and only them, to the sessions to come", async () => {
    const audience = (await agent.get(`/api/events/${cohortA.sessions[3]?.eventId}/audience`)).json();
    const included = audience.households
      .filter((h: { included: boolean }) => h.included)
      .map((h: { id: string }) => h.id);
    expect(included.sort()).toEqual([kari, lars].sort());
  });

  it('shows whether each contact person has the training of the course register', async () => {
    expect(cohortA.leaders).toEqual([{ userId: leader, name: 'Anne Leder', trained: false }]);
    await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, async (tx) => {
      const [course] = await tx.query<{ id: string }>(
        `INSERT INTO course (municipality_id, kind) VALUES ($1, 'contact_person_training') RETURNING id`,
        [municipality],
      );
      await tx.query(
        `INSERT INTO course_completion (municipality_id, course_id, user_id, completed_on) VALUES ($1, $2, $3, '2026-09-01')`,
        [municipality, course?.id, leader],
      );
    });
    expect((await cohort(cohortA.id)).leaders[0]?.trained).toBe(true);
  });

  it('takes attendance per session and household through the check-in: present, absent, not yet held', async () => {
    const [s1, s2, s3, s4] = cohortA.sessions;
    for (const s of [s1, s2, s3]) expect((await present(s?.eventId as string, kari)).statusCode).toBe(200);
    expect((await present(s1?.eventId as string, lars)).statusCode).toBe(200);
    const view = await cohort(cohortA.id);
    const marks = (id: string) =>
      view.members.find((m) => m.householdId === id)?.attendance.map((a) => a.mark);
    expect(marks(kari)).toEqual(['present', 'present', 'present', null, null, null]);
    expect(marks(lars)).toEqual(['present', 'absent', 'absent', null, null, null]);
    expect(view.sessions.map((s) => s.present)).toEqual([2, 1, 1, 0, 0, 0]);
    expect(s4?.held).toBe(false);
  });

  it("offers a household that missed a session the next cohort's session of the same theme, in one click", async () => {
    const next = (
      await newCohort({ name: 'Vårkullet', firstDate: inDays(1), householdIds: [siri] })
    ).json() as CohortView;
    const view = await cohort(cohortA.id);
    expect(view.offers.map((o) => [o.name, o.theme, o.cohortName, o.added])).toEqual([
      ['Lars Dahl', 2, 'Vårkullet', false],
      ['Lars Dahl', 3, 'Vårkullet', false],
    ]);
    const theme2 = next.sessions[1]?.eventId as string;
    expect(view.offers[0]?.eventId).toBe(theme2);
    const offered = await agent.post(`/api/cohorts/${cohortA.id}/offers`, {
      householdId: lars,
      eventId: theme2,
    });
    expect(offered.statusCode, offered.body).toBe(200);
    expect(offered.json().offers[0]).toMatchObject({ theme: 2, added: true });
    const audience = (await agent.get(`/api/events/${theme2}/audience`)).json();
    expect(
      audience.households
        .filter((h: { included: boolean }) => h.included)
        .map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([lars, siri].sort());
    // Kari came to all three: nothing to offer her; a session not offered is refused.
    const refused = await agent.post(`/api/cohorts/${cohortA.id}/offers`, {
      householdId: kari,
      eventId: theme2,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('adds and removes a household: the audience of the sessions to come follows', async () => {
    const added = await agent.post(`/api/cohorts/${cohortA.id}/members`, { householdId: siri });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members.map((m: { name: string }) => m.name)).toEqual([
      'Kari Nordmann',
      'Lars Dahl',
      'Siri Berg',
    ]);
    const removed = await agent.request({
      method: 'DELETE',
      url: `/api/cohorts/${cohortA.id}/members/${siri}`,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const audience = (await agent.get(`/api/events/${cohortA.sessions[4]?.eventId}/audience`)).json();
    expect(
      audience.households.some((h: { id: string; included: boolean }) => h.id === siri && h.included),
    ).toBe(false);
  });

  it('refuses a cohort that ends before it starts or names a household it does not know, writing nothing', async () => {
    const before = (await agent.get('/api/cohorts')).json().cohorts.length;
    const bad = await newCohort({ name: 'Feil', firstDate: inDays(3), endTime: '17:00', householdIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toContainEqual({ field: 'endTime', rule: 'after_start' });
    const unknown = await newCohort({ name: 'Feil', firstDate: inDays(3), householdIds: [randomUUID()] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toContainEqual({ field: 'householdIds.0', rule: 'unknown' });
    expect((await agent.get('/api/cohorts')).json().cohorts.length).toBe(before);
  });

  it("answers 404 for another municipality's cohort and changes nothing", async () => {
    expect((await strangerAgent.get(`/api/cohorts/${cohortA.id}`)).statusCode).toBe(404);
    const add = await strangerAgent.post(`/api/cohorts/${cohortA.id}/members`, { householdId: kari });
    expect(add.statusCode).toBe(404);
    expect((await strangerAgent.get('/api/cohorts')).json().cohorts).toEqual([]);
    expect((await cohort(cohortA.id)).members).toHaveLength(2);
  });
});
