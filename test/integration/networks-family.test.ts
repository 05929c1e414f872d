import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/features/demo/service.js';
import type { Agent } from '../support/app.js';
import { createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';
import {
  bornYearsAgo,
  createNetwork,
  joinedHousehold,
  resourceFamilyAgent,
  type TestNetwork,
} from '../support/networks.js';

// The resource family's own pages (SPEC section 3): what it sees of its members, the contact log,
// "call me", gatherings against six a year, claims against the Christmas/summer budget; and a
// joint network across two municipalities, seen from both sides.
let env: TestEnv;
let asker: number;
let tn: TestNetwork;
let family: Agent;
let memberHousehold: string;

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  tn = await createNetwork(env, asker);
  for (const name of ['Hansen', 'Berg', 'Dahl']) {
    const member = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
      adults: [{ firstName: 'Eva', lastName: name, email: `eva.${name.toLowerCase()}@example.no` }],
      children: [bornYearsAgo(9)],
    });
    memberHousehold = member.householdId;
  }
  family = (await resourceFamilyAgent(env, tn)).agent;
});
afterAll(() => env.close());

describe("the resource family's view", () => {
  it("shows the members' contact details and the children's first names and ages, nothing more, and audits the read", async () => {
    const response = await family.get('/api/my-network');
    expect(response.statusCode).toBe(200);
    const mine = response.json();
    expect(mine.members).toHaveLength(3);
    const dahl = mine.members.find((m: { name: string }) => m.name === 'Eva Dahl');
    expect(dahl).toEqual({
      householdId: memberHousehold,
      name: 'Eva Dahl',
      adults: [{ firstName: 'Eva', lastName: 'Dahl', mobile: '+4741234567', email: 'eva.dahl@example.no' }],
      address: { line: 'Storgata 1', postcode: '1384', place: expect.any(String) },
      children: [{ firstName: 'Barn1', age: 9 }],
      lastContactOn: null,
    });
    expect(response.body).not.toContain('birthDate');
    expect(mine.gatheringsRequired).toBe(6);
    const reads = await env.db.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND subject_id = $1`,
        [memberHousehold],
      ),
    );
    expect(reads[0]?.n).toBeGreaterThan(0);
  });

  it('links an account with the role to the network when its e-mail is an adult of the resource family', async () => {
    const user = await createUser(env.db, asker, ['resource_family'], { email: 'rf.berg@example.no' });
    const caseworker = await createUser(env.db, asker, ['caseworker']);
    const agent = await loginAs(env.app, caseworker.email);
    const householdId = await createHousehold(env.db, asker, {
      kind: 'resource_family',
      adults: [{ firstName: 'Rolf', lastName: 'Berg', email: 'RF.Berg@example.no' }],
    });
    await completeCourse(env.db, asker, householdId);
    const created = await agent.post('/api/networks', {
      name: 'Bergnettverket',
      resourceFamilyHouseholdId: householdId,
      caseworkerUserIds: [caseworker.id],
    });
    expect(created.json().resourceFamilyUsers).toEqual([{ id: user.id, email: 'rf.berg@example.no' }]);
    const mine = await (await loginAs(env.app, user.email)).get('/api/my-network');
    expect(mine.json().name).toBe('Bergnettverket');
  });
});

describe('the contact log', () => {
  it('logs a contact in one post with today as the date, and the team sees the last contact', async () => {
    const settings = (await family.get('/api/my-network')).json().contactSettings;
    expect(settings.noteEnabled).toBe(false);
    const category = settings.categories[0].id;
    const logged = await family.post('/api/my-network/contacts', {
      householdId: memberHousehold,
      kind: 'call',
      categoryId: category,
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ date: inDays(0), kind: 'call', householdName: 'Eva Dahl' });
    const team = (await tn.agent.get('/api/networks'))
      .json()
      .networks.find((n: { id: string }) => n.id === tn.network.id);
    const member = team.members.find((m: { householdId: string }) => m.householdId === memberHousehold);
    expect(member.lastContactOn).toBe(inDays(0));
  });

  it('refuses a note until the municipality turns the note field on', async () => {
    const settings = (await tn.agent.get('/api/networks/contact-settings')).json();
    const body = {
      householdId: memberHousehold,
      kind: 'visit',
      categoryId: settings.categories[1].id,
      note: 'Kaffe',
    };
    const refused = await family.post('/api/my-network/contacts', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('network.note_disabled');
    const saved = await tn.agent.put('/api/networks/contact-settings', {
      categories: [...settings.categories, { label: 'Skolevalg' }],
      noteEnabled: true,
    });
    expect(saved.json().categories.map((c: { label: string }) => c.label)).toContain('Skolevalg');
    expect((await family.post('/api/my-network/contacts', body)).statusCode).toBe(201);
  });

  it('refuses a household that is not a member', async () => {
    const stranger = await createHousehold(env.db, asker);
    const settings = (await tn.agent.get('/api/networks/contact-settings')).json();
    const refused = await family.post('/api/my-network/contacts', {
      householdId: stranger,
      kind: 'call',
      categoryId: settings.categories[0].id,
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('"I need to talk to the child welfare service"', () => {
  it('e-mails both caseworkers to call back and keeps no content', async () => {
    const view = (await tn.agent.get(`/api/networks/${tn.network.id}`)).json();
    const emails = await env.db.transaction((tx) =>
      tx.query<{ email: string }>('SELECT email FROM app_user WHERE id = ANY($1::uuid[])', [
        view.caseworkers.map((c: { id: string }) => c.id),
      ]),
    );
    expect(emails).toHaveLength(2);
    const response = await family.post('/api/my-network/call-back');
    expect(response.statusCode).toBe(201);
    expect(response.json().notified).toBe(2);
    for (const { email } of emails) {
      const mail = await env.smtp.waitFor(email);
      expect(mail.subject).toContain('Nettverket på Berg');
    }
    const columns = await env.db.transaction((tx) =>
      tx.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'call_back' ORDER BY column_name`,
      ),
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'done_at',
      'done_by',
      'id',
      'municipality_id',
      'network_id',
      'requested_at',
      'requested_by',
    ]);
    const open = (await tn.agent.get(`/api/networks/${tn.network.id}`)).json().callBacks[0];
    expect(open.doneAt).toBeNull();
    const done = await tn.agent.post(`/api/networks/${tn.network.id}/call-backs/${open.id}/done`);
    expect(done.statusCode).toBe(204);
  });
});

describe('gatherings and the budget', () => {
  it("counts this year's gatherings against six and the Christmas budget of NOK 500 per member household", async () => {
    const year = inDays(0).slice(0, 4);
    for (const [i, occasion] of [null, null, 'summer', 'christmas'].entries()) {
      const planned = await family.post('/api/my-network/gatherings', {
        title: `Samling ${i + 1}`,
        date: `${year}-0${i + 2}-10`,
        startTime: '12:00',
        endTime: '15:00',
        place: 'Grendehuset',
        occasion,
      });
      expect(planned.statusCode).toBe(201);
    }
    const list = (await family.get('/api/my-network/gatherings')).json();
    expect(list).toMatchObject({ thisYear: 4, required: 6 });
    expect(list.budgets.find((b: { occasion: string }) => b.occasion === 'christmas')).toMatchObject({
      budgetOre: 150000,
      claimedOre: 0,
      overBudget: false,
    });
    const event = await env.db.transaction((tx) =>
      tx.query<{ kind: string; network_id: string }>(
        `SELECT kind, network_id FROM event WHERE title = 'Samling 1'`,
      ),
    );
    expect(event).toEqual([{ kind: 'gathering', network_id: tn.network.id }]);
    expect((await tn.agent.get(`/api/networks/${tn.network.id}`)).json().gatheringsThisYear).toBe(4);
    // Its invitations go to the network's member households (the audience the sending engine uses).
    const gathering = list.gatherings.find((g: { title: string }) => g.title === 'Samling 1');
    const audience = (await tn.agent.get(`/api/events/${gathering.id}/audience`)).json();
    const members = (await tn.agent.get(`/api/networks/${tn.network.id}`)).json().members;
    expect(
      audience.households
        .filter((h: { included: boolean }) => h.included)
        .map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual(
      members
        .filter((m: { status: string }) => m.status === 'active')
        .map((m: { householdId: string }) => m.householdId)
        .sort(),
    );
  });
});

describe('expense claims', () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

  it('flags a claim over the budget without losing it, and takes a receipt by its bytes', async () => {
    const first = await family.post('/api/my-network/claims', {
      date: inDays(0),
      amountOre: 120000,
      purpose: 'Julemat',
      occasion: 'christmas',
    });
    expect(first.json()).toMatchObject({ status: 'submitted', overBudget: false });
    const second = await family.post('/api/my-network/claims', {
      date: inDays(0),
      amountOre: 40000,
      purpose: 'Juletre',
      occasion: 'christmas',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().overBudget).toBe(true);
    const fake = await family.request({
      method: 'PUT',
      url: `/api/my-network/claims/${second.json().id}/receipt`,
      payload: Buffer.from('not a picture'),
      headers: { 'content-type': 'image/png' },
    });
    expect(fake.json().code).toBe('network.receipt_unsupported');
    const stored = await family.request({
      method: 'PUT',
      url: `/api/my-network/claims/${second.json().id}/receipt`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(stored.json().receipt).toEqual({ contentType: 'image/png', bytes: PNG.length });
    const receipt = await tn.agent.get(`/api/networks/claims/${second.json().id}/receipt`);
    expect(receipt.headers['content-type']).toBe('image/png');
    expect(receipt.rawPayload.equals(PNG)).toBe(true);
    const budget = (await family.get('/api/my-network/gatherings')).json().budgets;
    expect(budget.find((b: { occasion: string }) => b.occasion === 'christmas')).toMatchObject({
      claimedOre: 160000,
      overBudget: true,
    });
  });

  it('lets the caseworker approve, or reject only with a reason, once; approved claims export as CSV', async () => {
    const claims = (await tn.agent.get('/api/networks/claims?status=submitted')).json().claims;
    expect(claims.length).toBeGreaterThanOrEqual(2);
    const [a, b] = claims;
    const noReason = await tn.agent.post(`/api/networks/claims/${a.id}/decision`, { decision: 'reject' });
    expect(noReason.json().code).toBe('network.reason_required');
    const rejected = await tn.agent.post(`/api/networks/claims/${a.id}/decision`, {
      decision: 'reject',
      reason: 'Over budsjett',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'Over budsjett' });
    const approved = await tn.agent.post(`/api/networks/claims/${b.id}/decision`, { decision: 'approve' });
    expect(approved.json().status).toBe('approved');
    const again = await tn.agent.post(`/api/networks/claims/${b.id}/decision`, {
      decision: 'reject',
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await family.get('/api/my-network/claims')).json().claims.find((c: { id: string }) => c.id === a.id),
    ).toMatchObject({ status: 'rejected', decisionReason: 'Over budsjett' });
    const csv = await tn.agent.get('/api/networks/claims.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(b.purpose);
    expect(csv.body).not.toContain(a.purpose);
    expect(csv.body).toContain(`${(b.amountOre / 100).toFixed(2).replace('.', ',')}`);
  });
});

describe('a joint network across two municipalities', () => {
  it('lets each add its own households and see of the other only what a member sees, both ways', async () => {
    const lillehammer = await createMunicipality(env.db, 'Lillehammerby');
    const [row] = await env.db.transaction((tx) =>
      tx.query<{ number: string }>('SELECT number FROM municipality WHERE id = $1', [lillehammer]),
    );
    const number = row?.number ?? '';
    const joint = await createNetwork(env, asker, {
      name: 'Felles nettverk',
      partnerMunicipalityNumber: number,
    });
    const fromAsker = await joinedHousehold(env, joint.agent, asker, joint.network.id, {
      adults: [{ firstName: 'Asle', lastName: 'Askeby' }],
      children: [bornYearsAgo(8)],
    });
    const lilleCaseworker = await createUser(env.db, lillehammer, ['caseworker']);
    const lille = await loginAs(env.app, lilleCaseworker.email);
    expect((await lille.get('/api/networks')).json().networks.map((n: { name: string }) => n.name)).toEqual([
      'Felles nettverk',
    ]);
    // Lillehammer cannot add Asker's household, only its own.
    const foreign = await lille.post(`/api/networks/${joint.network.id}/members`, {
      householdId: fromAsker.householdId,
    });
    expect(foreign.statusCode).toBe(404);
    const fromLille = await joinedHousehold(env, lille, lillehammer, joint.network.id, {
      adults: [{ firstName: 'Liv', lastName: 'Lillevik' }],
      children: [bornYearsAgo(16)],
    });
    for (const [agent, otherHousehold, otherName] of [
      [joint.agent, fromLille.householdId, 'Liv Lillevik'],
      [lille, fromAsker.householdId, 'Asle Askeby'],
    ] as const) {
      const view = (await agent.get(`/api/networks/${joint.network.id}`)).json();
      expect(view.memberCount).toBe(2);
      const other = view.members.find((m: { householdId: string }) => m.householdId === otherHousehold);
      expect(other).toMatchObject({ own: false, name: otherName, missing: { children: [], adults: [] } });
      expect(other.adults[0]).toMatchObject({ firstName: otherName.split(' ')[0], signature: null });
      expect(other.children[0].consentRecordedAt).toBeNull();
      expect((await agent.get(`/api/households/${otherHousehold}`)).statusCode).toBe(404);
    }
    // Underneath, in SQL: Asker's requests see none of Lillehammer's rows, only the shared fields.
    const seen = await inTenant(env.db, { municipalityId: asker, userId: null, ip: null }, async (tx) => ({
      members: await tx.query('SELECT id FROM network_member WHERE household_id = $1', [
        fromLille.householdId,
      ]),
      signatures: await tx.query('SELECT id FROM confidentiality_signature WHERE member_id = $1', [
        fromLille.id,
      ]),
      children: await tx.query('SELECT id FROM child WHERE household_id = $1', [fromLille.householdId]),
      shared: await tx.query<Record<string, unknown>>(
        'SELECT * FROM network_member_contacts($1) WHERE household_id = $2',
        [joint.network.id, fromLille.householdId],
      ),
    }));
    expect(seen.members).toEqual([]);
    expect(seen.signatures).toEqual([]);
    expect(seen.children).toEqual([]);
    expect(Object.keys(seen.shared[0] ?? {}).sort()).toEqual(
      [
        'address_line',
        'adults',
        'children',
        'display_name',
        'household_id',
        'joined_on',
        'left_on',
        'member_id',
        'municipality_id',
        'place',
        'postcode',
      ].sort(),
    );
    // A third municipality sees nothing of the joint network.
    const other = await createMunicipality(env.db, 'Tredjeby');
    const outsider = await loginAs(env.app, (await createUser(env.db, other, ['caseworker'])).email);
    expect((await outsider.get(`/api/networks/${joint.network.id}`)).statusCode).toBe(404);
    const none = await inTenant(env.db, { municipalityId: other, userId: null, ip: null }, (tx) =>
      tx.query('SELECT * FROM network_member_contacts($1)', [joint.network.id]),
    );
    expect(none).toEqual([]);
  });
});

describe('the demo', () => {
  it('gives the demo resource family a network of four members who passed the gate, and the team sees it', async () => {
    await seedDemo(env.db);
    const family = await loginAs(env.app, 'ressursfamilie@demo.landsby.no', DEMO_PASSWORD);
    const mine = (await family.get('/api/my-network')).json();
    expect(mine.name).toBe('Nettverket på Heggedal');
    expect(mine.members).toHaveLength(4);
    expect(mine.members.every((m: { lastContactOn: string | null }) => m.lastContactOn !== null)).toBe(true);
    const caseworker = await loginAs(env.app, 'saksbehandler@demo.landsby.no', DEMO_PASSWORD);
    const [network] = (await caseworker.get('/api/networks')).json().networks;
    expect(network.members.map((m: { status: string }) => m.status)).toEqual([
      'active',
      'active',
      'active',
      'active',
    ]);
    expect(network.caseworkers).toHaveLength(2);
  });
});
