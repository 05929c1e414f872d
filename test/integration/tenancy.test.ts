import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles.js';
import type { RouteSummary } from '../../src/server/types.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';
import {
  createNetwork,
  joinedHousehold,
  resourceFamilyAgent,
  type TestNetwork,
} from '../support/networks.js';
import { createTestProgramme } from '../support/programmes.js';

// A user of municipality A who holds every role, so no route refuses for lack of permission,
// and municipality B with people whose names must never reach A.
let env: TestEnv;
let agentA: Agent;
let personB: TestUser;
let adminB: TestUser;

/** An object of municipality B for each kind of object a route can name by id. */
let objectsOfB: Record<NonNullable<RouteSummary['config']['tenantObject']>, string>;

/** Valid bodies for routes whose body schema has no valid default. */
const SAMPLE_BODIES: Record<string, unknown> = {
  'POST /api/programmes/:programmeId/people': {
    name: 'Inntrenger',
    organisation: 'A',
    role: 'Kontaktperson',
    groups: ['working'],
  },
  'PATCH /api/admin/users/:userId': { roles: ['caseworker'] },
  'POST /api/housing-units/:unitId/status': { status: 'offered', on: '2026-01-05', version: 1 },
  'PUT /api/housing-units/:unitId': {
    address: { line: 'Inntrengerveien 1', postcode: null },
    rooms: null,
    areaM2: null,
    owner: null,
    version: 1,
  },
  'PUT /api/family-home-candidates/:candidateId': {
    name: 'Inntrenger',
    phone: null,
    email: 'inntrenger@a.no',
    languages: [],
    firstContactOn: '2026-01-05',
    notes: null,
    version: 1,
  },
  'POST /api/family-home-candidates/:candidateId/stage': {
    stage: 'assessment',
    on: '2026-01-06',
    version: 1,
  },
  'POST /api/cohorts/:cohortId/evaluation-links': { round: 'before' },
  'POST /api/cohorts/:cohortId/evaluation-links/sending': { round: 'before' },
  'POST /api/cohorts/:cohortId/evaluation-links/reminder': { round: 'before' },
  'POST /api/cohorts/:cohortId/members': { householdId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70' },
  'PUT /api/cohorts/:cohortId/leaders': { userIds: [] },
  'POST /api/cohorts/:cohortId/partners': { municipalityId: 1 },
  'PUT /api/cohorts/:cohortId/partner-attendance': {
    householdId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70',
    theme: 1,
    present: true,
    tapId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e71',
    tappedAt: '2027-03-16T17:00:00Z',
  },
  'PUT /api/cohorts/:cohortId/venue': { venueId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e72' },
  'POST /api/cohorts/:cohortId/offers': {
    householdId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70',
    eventId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e71',
  },
  'POST /api/imports/:importId/dry-run': {
    mapping: { columns: [null], key: 'externalRef', defaults: { kind: 'foster', relation: 'care' } },
  },
  'POST /api/imports/:importId/apply': {
    mapping: { columns: [null], key: 'externalRef', defaults: { kind: 'foster', relation: 'care' } },
    skipRejected: false,
  },
  'PUT /api/households/:householdId': {
    kind: 'foster',
    relation: 'care',
    adults: [{ firstName: 'Inntrenger', lastName: 'A' }],
    version: 1,
  },
  'PUT /api/venues/:venueId': {
    name: 'Inntrengerlokalet',
    kitchen: true,
    parking: true,
    stepFree: true,
    version: 1,
  },
  'PUT /api/events/:eventId/sending/schedule': { sendAt: '2030-01-01T09:00:00Z' },
  'PUT /api/events/:eventId/sending/channel': { channel: 'sms' },
  'PUT /api/events/:eventId/sending/households/:householdId/channel': { channel: 'sms' },
  'POST /api/events/:eventId/sending/retry': {},
  'PUT /api/events/:eventId/reminders': { days: [7] },
  'PUT /api/events/:eventId/feedback': {
    questions: [{ id: 'q1', type: 'scale', text: { nb: 'Inntrenger?' } }],
    languages: ['nb'],
    closesAt: '2027-03-20T12:00:00Z',
  },
  'PUT /api/events/:eventId/evaluation': { wentWell: 'Inntrenger', version: 0 },
  'POST /api/events/:eventId/reminders/now': { group: 'silent' },
  'PUT /api/events/:eventId/answers/:householdId': {
    response: 'maybe',
    adults: 0,
    children: 0,
    diet: [],
    dietNote: null,
    comment: null,
  },
  'PUT /api/my/events/:eventId/answer': {
    response: 'coming',
    adults: 2,
    children: 1,
    diet: [],
    dietNote: null,
    comment: null,
  },
  'PUT /api/events/:eventId': {
    title: 'Inntrengerkafé',
    date: '2027-03-16',
    startTime: '18:00',
    endTime: '20:00',
    food: true,
    registration: 'none',
    version: 1,
  },
  'PUT /api/events/:eventId/audience/rule': {
    maxTravel: 1440,
    care: true,
    oversight: true,
    kinds: ['foster'],
  },
  'PUT /api/events/:eventId/audience/:householdId': { included: true },
  'PUT /api/resource-family-candidates/:householdId': { status: 'declined', statusOn: '2027-03-16' },
  'PUT /api/network-budgets/:networkId': { year: 2027, amountKr: 1 },
  'PUT /api/events/:eventId/audience/:householdId/note': { note: 'Inntrenger' },
  'POST /api/events/:eventId/attendance': {
    tapId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e5f',
    householdId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e60',
    present: true,
    tappedAt: '2027-03-16T17:00:00Z',
  },
  'POST /api/events/:eventId/walk-ins': {
    tapId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e61',
    newHousehold: { firstName: 'Inntrenger', lastName: 'A' },
  },
  'POST /api/households/:householdId/welcome-calls': { outcome: 'reached', note: 'Inntrenger' },
  'POST /api/networks/:networkId/members/:memberId/end': { reason: 'left' },
  'POST /api/networks/:networkId/members': { householdId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70' },
  'POST /api/networks/:networkId/members/:memberId/consents': {
    childId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70',
  },
  'POST /api/networks/:networkId/members/:memberId/withdraw': {
    childId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70',
  },
  'POST /api/networks/:networkId/members/:memberId/signing-links': {
    adultId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70',
  },
  'POST /api/networks/:networkId/resource-family-users': { userId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70' },
  'POST /api/networks/claims/:claimId/decision': { decision: 'approve' },
  'POST /api/family-homes/:householdId/youths': {
    firstName: 'Inntrenger',
    birthDate: '2010-01-01',
    arrivalDate: '2024-01-01',
    languages: [],
  },
  'PUT /api/family-homes/:householdId/youths/:youthId': {
    firstName: 'Inntrenger',
    birthDate: '2010-01-01',
    arrivalDate: '2024-01-01',
    languages: [],
  },
  'PUT /api/family-homes/:householdId/counsellor': { userId: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70' },
  'POST /api/family-homes/:householdId/follow-ups': { date: '2026-01-05', kind: 'call' },
  'POST /api/family-homes/:householdId/meetings': {
    date: '2030-01-05',
    startTime: '10:00',
    kind: 'school',
    place: 'Inntrenger',
    participantUserIds: ['6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e70'],
  },
  'PUT /api/networks/:networkId/agreement': {
    startOn: '2027-01-01',
    endOn: '2027-12-31',
    ksUnits: 1,
    expenses: 'Inntrenger',
    otherArrangements: '',
  },
  'POST /api/joint-meetings': {
    date: '2099-01-05',
    startTime: '19:00',
    link: 'https://inntrenger.example',
    municipalityNumbers: [],
  },
  'POST /api/networks/:networkId/supervision/talks': {
    id: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e71',
    heldOn: '2026-01-05',
    caseworkerIds: [],
    adultIds: [],
  },
  'PUT /api/networks/:networkId/supervision/interval': { days: 7 },
  'POST /api/networks/:networkId/summaries/:halfYear/comments': {
    id: '6f1c7a52-2b1e-4c1a-9d0e-3a1b2c3d4e72',
    body: 'Inntrenger',
  },
  'PUT /api/households/:householdId/solid-override': { reason: 'Inntrenger' },
};

/** A claim of the network's resource family, as it submits it. */
async function submitClaim(network: TestNetwork): Promise<string> {
  const { agent } = await resourceFamilyAgent(env, network);
  const claim = await agent.post('/api/my-network/claims', {
    date: '2026-01-05',
    amountOre: 45000,
    purpose: 'Pizza',
  });
  return claim.json().id;
}

beforeAll(async () => {
  env = await createTestEnv();
  const a = await createMunicipality(env.db, 'Askerløkka');
  const b = await createMunicipality(env.db, 'Bjørkedalen');
  const superA = await createUser(env.db, a, [...ROLES]);
  personB = await createUser(env.db, b, ['caseworker'], { firstName: 'Bjarnhild', lastName: 'Bortenfor' });
  adminB = await createUser(env.db, b, ['municipality_admin'], {
    firstName: 'Brynjulf',
    lastName: 'Bakenom',
  });
  // B's admin reads B's users, so B's audit log holds entries about B's people.
  await (await loginAs(env.app, adminB.email)).get('/api/admin/users');
  agentA = await loginAs(env.app, superA.email);
  const householdB = await createHousehold(env.db, b, {
    adults: [{ firstName: 'Bodvar', lastName: 'Bergkvist', email: 'bodvar@bjorkedalen.no' }],
  });
  // An import of B's with its saved mapping (the upload holds B's people until it is imported).
  const agentB = await loginAs(env.app, personB.email);
  const importB = await agentB.request({
    method: 'POST',
    url: '/api/imports?fileName=b.csv',
    payload: 'Saksnr;Fornavn;Etternavn\nB-1;Bodil;Bortenfor\n',
    headers: { 'content-type': 'text/csv' },
  });
  const mappingB = await agentB.post('/api/import-mappings', {
    name: 'Bjørkedalens mal',
    columns: [{ header: 'Saksnr', target: 'externalRef' }],
    key: 'externalRef',
    defaults: { kind: 'foster', relation: 'care' },
  });
  const venueB = await createVenue(agentB, { name: 'Bjørkedalen grendehus', address: undefined });
  const eventB = await createEvent(agentB, {
    title: 'Kafé i Bjørkedalen',
    date: '2027-03-16',
    venueId: venueB,
  });
  const cohortB = await agentB.post('/api/cohorts', {
    name: 'Kull i Bjørkedalen',
    firstDate: '2027-02-01',
    startTime: '18:00',
    endTime: '20:00',
    intervalDays: 14,
    leaderUserIds: [],
    householdIds: [householdB],
  });
  const unitB = await agentB.post('/api/housing-units', {
    address: { line: 'Bjørkeveien 1', postcode: null },
    rooms: 5,
    areaM2: 120,
    owner: 'Kommunen',
  });
  const candidateB = await agentB.post('/api/family-home-candidates', {
    name: 'Borghild Bortenfor',
    phone: null,
    email: 'borghild@bjorkedalen.no',
    languages: ['dari'],
    firstContactOn: '2026-01-02',
    notes: null,
  });
  const networkB = await createNetwork(env, b, { name: 'Nettverket i Bjørkedalen', caseworker: personB });
  await joinedHousehold(env, networkB.agent, b, networkB.network.id, {
    adults: [{ firstName: 'Bodvar', lastName: 'Bergkvist' }],
  });
  const courseB = await completeCourse(env.db, b, householdB, 'resource_family_intro');
  objectsOfB = {
    programme: await createTestProgramme(env.db, [b]),
    course: courseB.courseId,
    courseCompletion: courseB.completionId,
    network: networkB.network.id,
    claim: await submitClaim(networkB),
    housingUnit: unitB.json().unit.id,
    familyHomeCandidate: candidateB.json().id,
    jointMeeting: (
      await agentB.post('/api/joint-meetings', {
        date: '2099-03-16',
        startTime: '19:00',
        link: 'https://teams.example/kvartal',
        municipalityNumbers: [],
      })
    ).json().id,
    cohort: cohortB.json().id,
    event: eventB,
    venue: venueB,
    user: personB.id,
    household: householdB,
    import: importB.json().id,
    importMapping: mappingB.json().id,
  };
});
afterAll(() => env.close());

function bodyFor(route: RouteSummary): unknown {
  const sample = SAMPLE_BODIES[`${route.method} ${route.url}`];
  if (sample !== undefined) return sample;
  const schema = route.schema?.body as TSchema | undefined;
  if (!schema) return undefined;
  let body: unknown;
  try {
    body = Value.Create(schema);
  } catch {
    // Value.Create cannot make every kind of schema (e.g. string enums); then a sample is needed.
  }
  if (body === undefined || !Value.Check(schema, body)) {
    throw new Error(`Add a valid sample body for ${route.method} ${route.url} to SAMPLE_BODIES`);
  }
  return body;
}

/** B's objects as stored, to compare before and after each attempt from A. */
async function rowsOfB() {
  return env.db.transaction(async (tx) => [
    await tx.query('SELECT * FROM app_user WHERE id = $1', [personB.id]),
    await tx.query('SELECT * FROM household WHERE id = $1', [objectsOfB.household]),
    await tx.query('SELECT * FROM adult WHERE household_id = $1', [objectsOfB.household]),
    await tx.query('SELECT * FROM import_job WHERE id = $1', [objectsOfB.import]),
    await tx.query('SELECT * FROM import_mapping WHERE id = $1', [objectsOfB.importMapping]),
    await tx.query('SELECT * FROM venue WHERE id = $1', [objectsOfB.venue]),
    await tx.query('SELECT * FROM event WHERE id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM event_host WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM event_invitee WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM invitation WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM message WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM attendance WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM feedback_form WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM event_evaluation WHERE event_id = $1', [objectsOfB.event]),
    await tx.query('SELECT * FROM network_member WHERE network_id = $1 ORDER BY id', [objectsOfB.network]),
    await tx.query('SELECT * FROM expense_claim WHERE id = $1', [objectsOfB.claim]),
    await tx.query('SELECT * FROM housing_unit WHERE id = $1', [objectsOfB.housingUnit]),
    await tx.query('SELECT * FROM housing_unit_change WHERE housing_unit_id = $1 ORDER BY id', [
      objectsOfB.housingUnit,
    ]),
    await tx.query('SELECT * FROM family_home_candidate WHERE id = $1', [objectsOfB.familyHomeCandidate]),
    await tx.query('SELECT * FROM cohort_member WHERE cohort_id = $1 ORDER BY household_id', [
      objectsOfB.cohort,
    ]),
    await tx.query('SELECT * FROM evaluation_link WHERE cohort_id = $1 ORDER BY id', [objectsOfB.cohort]),
    await tx.query('SELECT * FROM course_completion WHERE id = $1', [objectsOfB.courseCompletion]),
    await tx.query('SELECT * FROM course_override WHERE household_id = $1', [objectsOfB.household]),
  ]);
}

describe('tenant isolation over every route', () => {
  it('knows the routes it walks', () => {
    expect(env.app.routeTable.length).toBeGreaterThan(10);
  });

  it("answers 404 and changes nothing when a user of A names B's object on any route with an id", async () => {
    const routes = env.app.routeTable.filter((r) => r.url.includes(':') && r.url.startsWith('/api/'));
    const checked: string[] = [];
    for (const route of routes) {
      if (route.config.public || route.config.referenceData) continue;
      const kind = route.config.tenantObject;
      expect(
        kind,
        `${route.method} ${route.url} takes an id but declares no config.tenantObject`,
      ).toBeDefined();
      const id = objectsOfB[kind as keyof typeof objectsOfB];
      const url = route.url.replace(/:[A-Za-z]+/, id);
      const before = await rowsOfB();
      const response = await agentA.request({
        method: route.method as 'GET',
        url,
        payload: bodyFor(route) as object,
      });
      expect(response.statusCode, `${route.method} ${route.url}: ${response.body}`).toBe(404);
      expect(response.json().code).toBe('not_found');
      expect(await rowsOfB()).toEqual(before);
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked).toContain('GET /api/admin/users/:userId');
    expect(checked).toContain('PATCH /api/admin/users/:userId');
    expect(checked).toContain('PUT /api/households/:householdId');
    expect(checked).toContain('POST /api/households/:householdId/archive');
    expect(checked).toContain('POST /api/imports/:importId/apply');
    expect(checked).toContain('DELETE /api/import-mappings/:mappingId');
    expect(checked).toContain('PUT /api/events/:eventId');
    expect(checked).toContain('PUT /api/events/:eventId/audience/:householdId/note');
    expect(checked).toContain('POST /api/venues/:venueId/archive');
    expect(checked).toContain('PUT /api/my/events/:eventId/answer');
    expect(checked).toContain('POST /api/networks/:networkId/members/:memberId/join');
    expect(checked).toContain('PUT /api/my-network/claims/:claimId/receipt');
  });

  it('gives a resource family 403 or 404 on everything of another network and on the registry, changing nothing', async () => {
    const a = await createMunicipality(env.db, 'Ytre Nettby');
    const x = await createNetwork(env, a, { name: 'Nettverk X' });
    const y = await createNetwork(env, a, { name: 'Nettverk Y' });
    const memberY = await joinedHousehold(env, y.agent, a, y.network.id, {
      adults: [{ firstName: 'Yngvild', lastName: 'Ypsilon' }],
    });
    const { agent: familyX } = await resourceFamilyAgent(env, x);
    const objectsOfY = {
      ...objectsOfB,
      network: y.network.id,
      claim: await submitClaim(y),
      household: memberY.householdId,
    };
    const rowsOfY = () =>
      env.db.transaction(async (tx) => [
        await tx.query('SELECT * FROM network_member WHERE network_id = $1 ORDER BY id', [y.network.id]),
        await tx.query('SELECT * FROM expense_claim WHERE network_id = $1', [y.network.id]),
        await tx.query('SELECT * FROM adult WHERE household_id = $1', [memberY.householdId]),
      ]);
    const routes = env.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.config.public);
    for (const route of routes) {
      if (!route.url.includes(':') && route.method !== 'GET') continue;
      const kind = route.config.tenantObject;
      const url = kind ? route.url.replace(/:[A-Za-z]+/, objectsOfY[kind]) : route.url;
      if (url.includes(':') && !kind) continue;
      const before = await rowsOfY();
      const response = await familyX.request({
        method: route.method as 'GET',
        url,
        payload: bodyFor(route) as object,
      });
      if (route.url.includes(':')) {
        expect([403, 404], `${route.method} ${route.url}: ${response.body}`).toContain(response.statusCode);
      }
      expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
      expect(response.body, `${route.url} leaks network Y`).not.toContain('Yngvild');
      expect(await rowsOfY()).toEqual(before);
    }
    expect((await familyX.get('/api/households')).statusCode).toBe(403);
  });

  it("never shows B's people or municipality on any list or page of A", async () => {
    const markers = [
      personB.email,
      personB.id,
      adminB.id,
      'Bjarnhild',
      'Bortenfor',
      'Brynjulf',
      'Bjørkedalen',
    ];
    const routes = env.app.routeTable.filter(
      (r) => r.method === 'GET' && !r.url.includes(':') && r.url.startsWith('/api/'),
    );
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      const response = await agentA.get(route.url);
      expect(response.statusCode, `${route.url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
      for (const marker of markers) {
        expect(response.body, `${route.url} leaks ${marker}`).not.toContain(marker);
      }
    }
  });
});
