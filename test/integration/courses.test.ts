import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionView, CourseList, HouseholdCourses } from '../../src/features/courses/contract.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// The one course register (SPEC sections 3–5): built-in and own courses, completions per adult
// or staff user, the Solid gate for a resource family with the team leader's override, and the
// intro course's pamphlet.
let env: TestEnv;
let m: number;
let caseworker: TestUser;
let agent: Agent;
let leader: Agent;

// A small, whole PDF and PNG: what a scanner or phone leaves.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function courseId(kind: string): Promise<string> {
  const list: CourseList = (await agent.get('/api/courses')).json();
  const course = list.courses.find((c) => c.kind === kind);
  if (!course) throw new Error(`no course ${kind}`);
  return course.id;
}

async function household(lastName: string, kind = 'foster') {
  const id = await createHousehold(env.db, m, {
    kind: kind as 'foster',
    adults: [
      { firstName: 'Åse', lastName, mobile: '412 00 002', preferredChannels: ['sms'] },
      { firstName: 'Per', lastName, mobile: '412 00 003', preferredChannels: ['sms'] },
    ],
  });
  const courses: HouseholdCourses = (await agent.get(`/api/households/${id}/courses`)).json();
  return { id, adults: courses.adults };
}

async function auditRows(recordType: string, subjectId: string) {
  return env.db.transaction((tx) =>
    tx.query<{ action: string; details: Record<string, unknown> | null }>(
      `SELECT action, details FROM audit_log WHERE record_type = $1 AND subject_id = $2 ORDER BY id`,
      [recordType, subjectId],
    ),
  );
}

beforeAll(async () => {
  env = await createTestEnv();
  m = await createMunicipality(env.db, 'Kursvik');
  caseworker = await createUser(env.db, m, ['caseworker'], { firstName: 'Kari', lastName: 'Kurs' });
  agent = await loginAs(env.app, caseworker.email);
  leader = await loginAs(env.app, (await createUser(env.db, m, ['team_leader'])).email);
});
afterAll(() => env.close());

describe('the course register', () => {
  it("has Bufetat's courses, the intro course and the contact-person training in every municipality, once", async () => {
    await agent.get('/api/courses');
    const list: CourseList = (await agent.get('/api/courses')).json();
    expect(list.courses.map((c) => c.kind)).toEqual([
      'pride',
      'trygg_base',
      'solid',
      'foster_siblings',
      'resource_family_intro',
      'contact_person_training',
    ]);
    expect(list.courses.every((c) => c.name === null && !c.archived)).toBe(true);
  });

  it('records an adult’s completion, shows it on the course list and the household, and audits both', async () => {
    const home = await household('Lunde');
    const response = await agent.post('/api/course-completions', {
      courseId: await courseId('pride'),
      adultId: home.adults[0]?.id,
      completedOn: '2025-03-14',
      hours: 27,
      givenBy: 'Bufetat, region øst',
    });
    expect(response.statusCode).toBe(201);
    const completion: CompletionView = response.json();
    expect(completion).toMatchObject({
      kind: 'pride',
      firstName: 'Åse',
      lastName: 'Lunde',
      householdId: home.id,
      completedOn: '2025-03-14',
      hours: 27,
      givenBy: 'Bufetat, region øst',
    });
    const pride = (await agent.get('/api/courses'))
      .json()
      .courses.find((c: { kind: string }) => c.kind === 'pride');
    expect(pride.completions.map((c: CompletionView) => c.id)).toContain(completion.id);
    const section: HouseholdCourses = (await agent.get(`/api/households/${home.id}/courses`)).json();
    expect(section.completions.map((c) => [c.kind, c.firstName])).toEqual([['pride', 'Åse']]);
    expect(section.solidMet).toBe(false);
    const audited = await auditRows('course_completion', home.id);
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'read']));
  });

  it('keeps a completion when the household is edited in the registry form', async () => {
    const home = await household('Stavik');
    await agent.post('/api/course-completions', {
      courseId: await courseId('trygg_base'),
      adultId: home.adults[1]?.id,
      completedOn: '2024-10-01',
    });
    const view = (await agent.get(`/api/households/${home.id}`)).json();
    const saved = await agent.put(`/api/households/${home.id}`, {
      kind: view.kind,
      relation: view.relation,
      address: { line: 'Ny vei 2', postcode: view.address.postcode },
      adults: view.adults.map((a: { id: string; firstName: string; lastName: string }) => ({
        id: a.id,
        firstName: a.firstName,
        lastName: a.lastName,
      })),
      version: view.version,
    });
    expect(saved.statusCode).toBe(200);
    const section: HouseholdCourses = (await agent.get(`/api/households/${home.id}/courses`)).json();
    expect(section.completions.map((c) => [c.kind, c.firstName])).toEqual([['trygg_base', 'Per']]);
  });

  it("records a contact person's training for a staff user", async () => {
    const response = await agent.post('/api/course-completions', {
      courseId: await courseId('contact_person_training'),
      userId: caseworker.id,
      completedOn: '2025-09-02',
      hours: 6,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ userId: caseworker.id, firstName: 'Kari', householdId: null });
  });

  it('adds a course of its own, archives it (no new completions then), and keeps the built-in ones', async () => {
    const added = await agent.post('/api/courses', { name: '  Traumebevisst omsorg ', provider: 'RVTS Øst' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'other', name: 'Traumebevisst omsorg', provider: 'RVTS Øst' });
    const id = added.json().id;
    expect((await agent.post(`/api/courses/${id}/archive`)).json().archived).toBe(true);
    const listed: CourseList = (await agent.get('/api/courses')).json();
    expect(listed.courses.map((c) => c.id)).not.toContain(id);
    const withArchived: CourseList = (await agent.get('/api/courses?archived=true')).json();
    expect(withArchived.courses.map((c) => c.id)).toContain(id);
    const home = await household('Arkiv');
    const refused = await agent.post('/api/course-completions', {
      courseId: id,
      adultId: home.adults[0]?.id,
      completedOn: '2025-01-01',
    });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'courses.archived']);
    const builtin = await agent.post(`/api/courses/${await courseId('solid')}/archive`);
    expect([builtin.statusCode, builtin.json().code]).toEqual([409, 'courses.builtin']);
  });

  it('deletes a completion recorded by mistake, and audits what it was', async () => {
    const home = await household('Feil');
    const made = (
      await agent.post('/api/course-completions', {
        courseId: await courseId('foster_siblings'),
        adultId: home.adults[0]?.id,
        completedOn: '2025-02-02',
      })
    ).json();
    const deleted = await agent.request({ method: 'DELETE', url: `/api/course-completions/${made.id}` });
    expect(deleted.statusCode).toBe(204);
    const section: HouseholdCourses = (await agent.get(`/api/households/${home.id}/courses`)).json();
    expect(section.completions).toEqual([]);
    const audited = await auditRows('course_completion', home.id);
    expect(audited.find((a) => a.action === 'delete')?.details).toMatchObject({
      kind: 'foster_siblings',
      completedOn: '2025-02-02',
    });
  });
});

describe('Solid before a resource family', () => {
  it('refuses a network around a household without Solid, and lets it once an adult has Solid', async () => {
    const family = await household('Utenkurs', 'resource_family');
    const body = {
      name: 'Nettverket på Ås',
      resourceFamilyHouseholdId: family.id,
      caseworkerUserIds: [caseworker.id],
    };
    const refused = await agent.post('/api/networks', body);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'courses.solid_required']);
    expect(refused.json().message).toContain('Solid');
    await agent.post('/api/course-completions', {
      courseId: await courseId('solid'),
      adultId: family.adults[1]?.id,
      completedOn: '2025-06-01',
      hours: 15,
    });
    expect((await agent.post('/api/networks', body)).statusCode).toBe(201);
  });

  it('refuses to make a household a resource family in the registry without Solid', async () => {
    const created = await agent.post('/api/households', {
      kind: 'resource_family',
      relation: 'care',
      adults: [{ firstName: 'Ny', lastName: 'Familie' }],
    });
    expect([created.statusCode, created.json().code]).toEqual([409, 'courses.solid_required']);
    const home = await household('Bytte');
    const view = (await agent.get(`/api/households/${home.id}`)).json();
    const change = () =>
      agent.put(`/api/households/${home.id}`, {
        kind: 'resource_family',
        relation: view.relation,
        adults: view.adults.map((a: { id: string; firstName: string; lastName: string }) => ({
          id: a.id,
          firstName: a.firstName,
          lastName: a.lastName,
        })),
        version: view.version,
      });
    const refused = await change();
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'courses.solid_required']);
    expect((await agent.get(`/api/households/${home.id}`)).json().kind).toBe('foster');
    await completeCourse(env.db, m, home.id);
    const changed = await change();
    expect([changed.statusCode, changed.json().kind]).toEqual([200, 'resource_family']);
  });

  it('lets only a team leader override it, with a reason that is audited', async () => {
    const family = await household('Unntak', 'resource_family');
    const forbidden = await agent.put(`/api/households/${family.id}/solid-override`, {
      reason: 'Har gått PRIDE',
    });
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'courses.override_forbidden']);
    const tooLong = await leader.put(`/api/households/${family.id}/solid-override`, {
      reason: 'x'.repeat(501),
    });
    expect([tooLong.statusCode, tooLong.json().code]).toEqual([400, 'validation.invalid']);
    const reason = 'Har vært fosterhjem i 12 år; Solid tas til våren.';
    const overridden = await leader.put(`/api/households/${family.id}/solid-override`, { reason });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json()).toMatchObject({ solidMet: true, solidOverride: { reason } });
    const audited = await auditRows('course_override', family.id);
    expect(audited).toEqual([{ action: 'create', details: { kind: 'solid', reason } }]);
    const network = await agent.post('/api/networks', {
      name: 'Nettverket med unntak',
      resourceFamilyHouseholdId: family.id,
      caseworkerUserIds: [caseworker.id],
    });
    expect(network.statusCode).toBe(201);
  });
});

describe("the intro course's pamphlet", () => {
  let completion: string;
  let familyId: string;

  beforeAll(async () => {
    const family = await household('Intro', 'resource_family');
    familyId = family.id;
    const intro = await courseId('resource_family_intro');
    for (const part of [1, 2]) {
      const response = await agent.post('/api/course-completions', {
        courseId: intro,
        adultId: family.adults[0]?.id,
        completedOn: `2025-0${part + 3}-10`,
        hours: 1.5,
        part,
      });
      expect(response.json()).toMatchObject({ part, hours: 1.5 });
      completion = response.json().id;
    }
  });

  const upload = (id: string, body: Buffer, type = 'application/pdf') =>
    agent.request({
      method: 'PUT',
      url: `/api/course-completions/${id}/pamphlet`,
      payload: body,
      headers: { 'content-type': type },
    });

  it('stores a PDF and gives the same bytes back to staff, under a name with no one’s name in it', async () => {
    const stored = await upload(completion, PDF);
    expect(stored.statusCode).toBe(200);
    expect(stored.json().pamphlet).toEqual({ contentType: 'application/pdf', bytes: PDF.length });
    const download = await agent.get(`/api/course-completions/${completion}/pamphlet`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="brosjyre-introkurs.pdf"');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const reads = await auditRows('course_pamphlet', familyId);
    expect(reads.map((r) => r.action)).toEqual(['read']);
  });

  it('reads the type from the bytes: a PNG sent as anything is a PNG', async () => {
    const stored = await upload(completion, PNG, 'application/octet-stream');
    expect(stored.json().pamphlet).toEqual({ contentType: 'image/png', bytes: PNG.length });
  });

  it('refuses a file that is no PDF or image, a cut-off one, and one on another course, with stable codes', async () => {
    const text = await upload(completion, Buffer.from('Bare tekst, ikke en PDF'), 'application/pdf');
    expect([text.statusCode, text.json().code]).toEqual([400, 'courses.pamphlet_unsupported']);
    const cut = await upload(completion, PDF.subarray(0, 40));
    expect([cut.statusCode, cut.json().code]).toEqual([400, 'courses.pamphlet_broken']);
    const empty = await upload(completion, Buffer.alloc(0), 'application/octet-stream');
    expect(empty.statusCode).toBe(400);
    const big = await upload(completion, Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]));
    expect([big.statusCode, big.json().code]).toEqual([413, 'request.too_large']);
    const other = await household('Annen');
    const solid = (
      await agent.post('/api/course-completions', {
        courseId: await courseId('solid'),
        adultId: other.adults[0]?.id,
        completedOn: '2025-01-01',
      })
    ).json();
    const wrong = await upload(solid.id, PDF);
    expect([wrong.statusCode, wrong.json().code]).toEqual([409, 'courses.pamphlet_not_intro']);
    // The PNG stored before is still there: nothing half written.
    const section: HouseholdCourses = (await agent.get(`/api/households/${familyId}/courses`)).json();
    expect(section.completions.find((c) => c.id === completion)?.pamphlet?.contentType).toBe('image/png');
  });
});

describe('bad input and another municipality', () => {
  it('answers 400 with stable codes, never 500', async () => {
    const home = await household('Feilfylt');
    const solid = await courseId('solid');
    const cases: unknown[] = [
      { courseId: solid, completedOn: '2025-01-01' },
      { courseId: solid, adultId: home.adults[0]?.id, userId: caseworker.id, completedOn: '2025-01-01' },
      { courseId: solid, adultId: home.adults[0]?.id, completedOn: '2025-13-01' },
      { courseId: solid, adultId: home.adults[0]?.id, completedOn: '2025-01-01', hours: 501 },
      { courseId: solid, adultId: home.adults[0]?.id, completedOn: '2025-01-01', part: 21 },
      { courseId: 'ikke-en-id', adultId: home.adults[0]?.id, completedOn: '2025-01-01' },
    ];
    for (const body of cases) {
      const response = await agent.post('/api/course-completions', body);
      expect([response.statusCode, response.json().code], JSON.stringify(body)).toEqual([
        400,
        'validation.invalid',
      ]);
    }
    const blank = await agent.post('/api/courses', { name: '   ' });
    expect([blank.statusCode, blank.json().code]).toEqual([400, 'validation.invalid']);
  });

  it("answers 404 for another municipality's course, adult, completion and pamphlet, and changes nothing", async () => {
    const other = await createMunicipality(env.db, 'Fjernvik');
    const theirs = await createHousehold(env.db, other, {
      adults: [{ firstName: 'Fjern', lastName: 'Fjell' }],
    });
    const {
      courseId: theirCourse,
      completionId,
      adultId,
    } = await completeCourse(env.db, other, theirs, 'resource_family_intro');
    const home = await household('Egen');
    const attempts = [
      agent.post('/api/course-completions', {
        courseId: theirCourse,
        adultId: home.adults[0]?.id,
        completedOn: '2025-01-01',
      }),
      agent.post('/api/course-completions', {
        courseId: await courseId('solid'),
        adultId,
        completedOn: '2025-01-01',
      }),
      agent.post(`/api/courses/${theirCourse}/archive`),
      agent.request({ method: 'DELETE', url: `/api/course-completions/${completionId}` }),
      agent.get(`/api/course-completions/${completionId}/pamphlet`),
      upload404(completionId),
      agent.get(`/api/households/${theirs}/courses`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect([response.statusCode, response.json().code]).toEqual([404, 'not_found']);
    }
    const rows = await env.db.transaction((tx) =>
      tx.query('SELECT pamphlet FROM course_completion WHERE id = $1', [completionId]),
    );
    expect(rows).toEqual([{ pamphlet: null }]);
    const list = (await agent.get('/api/courses')).body;
    expect(list).not.toContain('Fjern');
  });
});

function upload404(id: string) {
  return agent.request({
    method: 'PUT',
    url: `/api/course-completions/${id}/pamphlet`,
    payload: PDF,
    headers: { 'content-type': 'application/pdf' },
  });
}
