import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import type { JointMeetingList, JointMeetingView } from '../../src/features/joint-meetings/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// The quarterly joint meeting (seed 003): one municipality plans it with the others, each invites
// and records its own people, and sees of the others' people only how many were invited and came.
let env: TestEnv;

interface Side {
  id: number;
  number: string;
  agent: Agent;
  caseworker: TestUser;
  people: TestUser[];
}
let asker: Side;
let lillehammer: Side;
let bystad: Side;
let meetingId: string;

/** A municipality with a network: two caseworkers and the resource family's account. */
async function side(name: string, surname: string): Promise<Side> {
  const id = await createMunicipality(env.db, name);
  const caseworker = await createUser(env.db, id, ['caseworker'], { lastName: `${surname}saks` });
  const second = await createUser(env.db, id, ['team_leader'], { lastName: `${surname}leder` });
  const family = await createUser(env.db, id, ['resource_family'], { lastName: `${surname}familie` });
  const agent = await loginAs(env.app, caseworker.email);
  const household = await createHousehold(env.db, id, {
    kind: 'resource_family',
    adults: [{ firstName: 'Rita', lastName: `${surname}familie` }],
  });
  await completeCourse(env.db, id, household);
  const network = await agent.post('/api/networks', {
    name: `Nettverket i ${name}`,
    resourceFamilyHouseholdId: household,
    caseworkerUserIds: [caseworker.id, second.id],
    partnerMunicipalityNumber: null,
  });
  expect(network.statusCode, network.body).toBe(201);
  const linked = await agent.post(`/api/networks/${network.json().id}/resource-family-users`, {
    userId: family.id,
  });
  expect(linked.statusCode, linked.body).toBe(200);
  const [row] = await env.db.transaction((tx) =>
    tx.query<{ number: string }>('SELECT number::text AS number FROM municipality WHERE id = $1', [id]),
  );
  return { id, number: row?.number as string, agent, caseworker, people: [caseworker, second, family] };
}

beforeAll(async () => {
  env = await createTestEnv();
  asker = await side('Askerløkka', 'Askeby');
  lillehammer = await side('Lillehamn', 'Lilleby');
  bystad = await side('Bystad', 'Bystadby');
});
afterAll(() => env.close());

const detail = async (s: Side): Promise<JointMeetingView> => {
  const response = await s.agent.get(`/api/joint-meetings/${meetingId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const countsOf = (view: JointMeetingView, municipality: number) =>
  view.meeting.participants.find((p) => p.municipality.id === municipality);

describe('planning', () => {
  it('plans a meeting with the municipalities named, the own one always among them, and refuses a past day or an unknown number', async () => {
    const unknown = await asker.agent.post('/api/joint-meetings', {
      date: inDays(20),
      startTime: '19:00',
      link: 'https://teams.example/m',
      municipalityNumbers: ['0000'],
    });
    expect(unknown.json()).toMatchObject({
      code: 'validation.invalid',
      details: [{ field: 'municipalityNumbers' }],
    });
    const past = await asker.agent.post('/api/joint-meetings', {
      date: inDays(-1),
      startTime: '19:00',
      link: 'https://teams.example/m',
      municipalityNumbers: [],
    });
    expect(past.statusCode).toBe(400);
    const planned = await asker.agent.post('/api/joint-meetings', {
      date: inDays(20),
      startTime: '19:00',
      link: 'https://teams.example/kvartal-1',
      municipalityNumbers: [lillehammer.number],
    });
    expect(planned.statusCode, planned.body).toBe(201);
    meetingId = planned.json().id;
    expect(
      planned
        .json()
        .participants.map((p: { municipality: { id: number } }) => p.municipality.id)
        .sort(),
    ).toEqual([asker.id, lillehammer.id].sort());
  });

  it('is seen by the municipalities that take part and by no other', async () => {
    const listed = (s: Side) =>
      s.agent
        .get('/api/joint-meetings')
        .then((r) => (r.json() as JointMeetingList).meetings.map((m) => m.id));
    expect(await listed(asker)).toContain(meetingId);
    expect(await listed(lillehammer)).toContain(meetingId);
    expect(await listed(bystad)).not.toContain(meetingId);
    expect((await bystad.agent.get(`/api/joint-meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await bystad.agent.post(`/api/joint-meetings/${meetingId}/invitations`, {})).statusCode).toBe(
      404,
    );
  });
});

describe('invitations and attendance, each municipality its own', () => {
  it('e-mails the own caseworkers and resource family accounts with the link, once', async () => {
    const view: JointMeetingView = (
      await asker.agent.post(`/api/joint-meetings/${meetingId}/invitations`, {})
    ).json();
    expect(view.invitees.map((i) => i.userId).sort()).toEqual(asker.people.map((p) => p.id).sort());
    for (const person of asker.people) {
      const mail = await env.smtp.waitFor(person.email);
      expect(mail.text).toContain('https://teams.example/kvartal-1');
      expect(mail.text).toContain('Askerløkka, Lillehamn');
    }
    const before = env.smtp.messages.length;
    const again = await asker.agent.post(`/api/joint-meetings/${meetingId}/invitations`, {});
    expect(again.json().invitees).toHaveLength(3);
    expect(env.smtp.messages.length).toBe(before);
  });

  it("shows Lillehammer only the count of Asker's invitees, never who they are", async () => {
    const seen = await detail(lillehammer);
    expect(seen.invitees).toEqual([]);
    expect(countsOf(seen, asker.id)).toMatchObject({ invited: 3, attended: 0 });
    expect(countsOf(seen, lillehammer.id)).toMatchObject({ invited: null, attended: null });
    expect(JSON.stringify(seen)).not.toMatch(/Askeby/);

    await lillehammer.agent.post(`/api/joint-meetings/${meetingId}/invitations`, {});
    await env.smtp.waitFor(lillehammer.people[2]?.email as string);
    const own = await detail(lillehammer);
    expect(own.invitees.map((i) => i.lastName).sort()).toEqual([
      'Lillebyfamilie',
      'Lillebyleder',
      'Lillebysaks',
    ]);
    expect(JSON.stringify(own)).not.toMatch(/Askeby/);
    expect(JSON.stringify(await detail(asker))).not.toMatch(/Lilleby/);
  });

  it("records the own people's attendance, ignores another municipality's, and the others see the count", async () => {
    const [caseworker, , family] = asker.people as TestUser[];
    const recorded = await asker.agent.put(`/api/joint-meetings/${meetingId}/attendance`, {
      attended: [caseworker?.id, family?.id, lillehammer.people[0]?.id],
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const view: JointMeetingView = recorded.json();
    expect(
      view.invitees
        .filter((i) => i.attended)
        .map((i) => i.userId)
        .sort(),
    ).toEqual([caseworker?.id, family?.id].sort());
    expect(view.invitees.filter((i) => i.attended === false)).toHaveLength(1);

    const seen = await detail(lillehammer);
    expect(countsOf(seen, asker.id)).toMatchObject({ invited: 3, attended: 2 });
    expect(seen.invitees.every((i) => i.attended === null)).toBe(true);
    expect(countsOf(seen, lillehammer.id)).toMatchObject({ invited: 3, attended: 0 });
  });

  it("keeps Asker's invitees from Lillehammer in the database too (row-level security)", async () => {
    const ctx = { municipalityId: lillehammer.id, userId: lillehammer.caseworker.id, ip: null };
    const rows = await inTenant(env.db, ctx, (tx) =>
      tx.query<{ municipality_id: number }>(
        'SELECT municipality_id FROM joint_meeting_invitee WHERE meeting_id = $1',
        [meetingId],
      ),
    );
    expect(rows.map((r) => r.municipality_id)).toEqual([lillehammer.id, lillehammer.id, lillehammer.id]);
    const changed = await inTenant(env.db, ctx, (tx) =>
      tx.query(
        'UPDATE joint_meeting_count SET attended = 0 WHERE meeting_id = $1 AND municipality_id = $2 RETURNING 1',
        [meetingId, asker.id],
      ),
    );
    expect(changed).toEqual([]);
    await expect(
      inTenant(env.db, ctx, (tx) =>
        tx.query(
          `INSERT INTO joint_meeting_invitee (meeting_id, user_id, municipality_id, role) VALUES ($1, $2, $3, 'caseworker')`,
          [meetingId, asker.people[1]?.id, asker.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(countsOf(await detail(lillehammer), asker.id)).toMatchObject({ invited: 3, attended: 2 });
  });
});
