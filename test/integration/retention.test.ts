import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { runRetention } from '../../src/features/retention/service.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { answer, attend, insertEvent, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// Two municipalities with the same crafted data: some of it past its default period, some not.
// The run in A removes exactly what has passed, keeps the rest, and leaves B as it was.
let env: TestEnv;
let a: number;
let b: number;
let admin: Agent;
let caseworker: Agent;

const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  env.db.transaction((tx) => tx.query<T>(sql, params));
const count = async (sql: string, params: unknown[] = []) =>
  (await query<{ n: number }>(`SELECT count(*)::int AS n ${sql}`, params))[0]?.n;

/** A date `days` ago, as YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

interface Crafted {
  oldEvent: string;
  newEvent: string;
  family: string;
  erasable: string;
  recentlyArchived: string;
  resourceFamily: string;
  /** Checked in six years ago (past attendance's five years) and four years ago (not). */
  longAgoEvent: string;
  oldCohort: string;
  newCohort: string;
}

/** An En god start cohort whose one session (an event) was `days` ago, with a household's answers. */
async function cohortWithAnswers(municipality: number, household: string, days: number): Promise<string> {
  const [cohort] = await query<{ id: string }>(
    `INSERT INTO cohort (municipality_id, name, starts_on) VALUES ($1, 'Kull', $2) RETURNING id`,
    [municipality, daysAgo(days)],
  );
  const session = await insertEvent(env.db, municipality, { date: daysAgo(days) });
  await query(`UPDATE event SET kind = 'good_start_session' WHERE id = $1`, [session]);
  await query(
    'INSERT INTO cohort_session (event_id, cohort_id, municipality_id, theme) VALUES ($1, $2, $3, 6)',
    [session, cohort?.id, municipality],
  );
  await attend(env.db, municipality, session, household);
  const [link] = await query<{ id: string }>(
    `INSERT INTO evaluation_link (municipality_id, cohort_id, household_id, round, token_hash, language, answered_at)
     VALUES ($1, $2, $3, 'after', decode(md5(gen_random_uuid()::text), 'hex'), 'nb', now()) RETURNING id`,
    [municipality, cohort?.id, household],
  );
  await query(
    `INSERT INTO evaluation_answer (link_id, municipality_id, question_id, score, text_answer)
     VALUES ($1, $2, 'q1', 4, NULL), ($1, $2, 'q2', NULL, 'Vi lærte mye')`,
    [link?.id, municipality],
  );
  return cohort?.id as string;
}

/** The programmes' rows with notes and answers, each once past its default period and once not. */
async function craftProgrammeRows(municipality: number, family: string) {
  for (const [stoppedOn, name] of [
    [daysAgo(2 * 365), 'Stoppet for lenge siden'],
    [daysAgo(30), 'Stoppet nylig'],
  ]) {
    await query(
      `INSERT INTO family_home_candidate (municipality_id, name, first_contact_on, stage, stopped_on, stop_reason)
       VALUES ($1, $2, $3, 'stopped', $3, 'Trakk seg')`,
      [municipality, name, stoppedOn],
    );
  }
  await query(
    `INSERT INTO family_home_candidate (municipality_id, name, first_contact_on) VALUES ($1, 'Fortsatt aktuell', $2)`,
    [municipality, daysAgo(3 * 365)],
  );
  await query(
    `INSERT INTO resource_family_candidate (municipality_id, household_id, status, status_on, suitability_note)
     VALUES ($1, $2, 'declined', $3, 'Passer godt')`,
    [municipality, family, daysAgo(2 * 365)],
  );
  const [network] = await query<{ id: string }>(
    `INSERT INTO network (id, municipality_id, name, resource_family_household_id)
     VALUES (gen_random_uuid(), $1, 'Nettverket', $2) RETURNING id`,
    [municipality, family],
  );
  for (const days of [3 * 365, 30]) {
    await query(
      `INSERT INTO supervision_talk (id, municipality_id, network_id, held_on, note)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Snakket om sommeren')`,
      [municipality, network?.id, daysAgo(days)],
    );
    await query(
      `INSERT INTO family_home_follow_up (id, municipality_id, household_id, date, kind, note)
       VALUES (gen_random_uuid(), $1, $2, $3, 'home_visit', 'Alt vel')`,
      [municipality, family, daysAgo(days)],
    );
  }
  const longAgoEvent = await insertEvent(env.db, municipality, { date: daysAgo(6 * 365) });
  await attend(env.db, municipality, longAgoEvent, family);
  const oldCohort = await cohortWithAnswers(municipality, family, 4 * 365);
  const newCohort = await cohortWithAnswers(municipality, family, 40);
  return { longAgoEvent, oldCohort, newCohort };
}

async function craft(municipality: number): Promise<Crafted> {
  const family = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Gamle', lastName: 'Svarsen', email: 'gamle@example.com' }],
  });
  const oldEvent = await insertEvent(env.db, municipality, { date: daysAgo(3 * 365) });
  const newEvent = await insertEvent(env.db, municipality, { date: daysAgo(30) });
  for (const event of [oldEvent, newEvent]) {
    await invite(env.db, municipality, event, family, { channel: 'email' });
    await answer(env.db, municipality, event, family, { adults: 2 });
    await query(
      "UPDATE answer SET comment = 'Vi gleder oss', diet_note = 'Ingen nøtter' WHERE event_id = $1",
      [event],
    );
  }
  for (const [event, age] of [
    [oldEvent, '3 years'],
    [newEvent, '1 month'],
  ]) {
    await query(
      `INSERT INTO feedback_response (municipality_id, event_id, language, answers, created_at)
       VALUES ($1, $2, 'nb', '{"comment": "Fint"}', now() - $3::interval)`,
      [municipality, event, age],
    );
    await query(
      `INSERT INTO welcome_call (municipality_id, household_id, outcome, note, called_at)
       VALUES ($1, $2, 'reached', 'Ringte, hyggelig prat', now() - $3::interval)`,
      [municipality, family, age],
    );
  }
  for (const age of ['2 months', '1 day']) {
    await query(
      `INSERT INTO import_job (id, municipality_id, file_name, format, headers, row_count, status, created_at)
       VALUES (gen_random_uuid(), $1, 'fosterhjem.csv', 'csv', '[]', 0, 'done', now() - $2::interval)`,
      [municipality, age],
    );
  }
  const archived = async (age: string) => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Flyttet', lastName: 'Bort' }],
      children: [{ firstName: 'Lise', birthDate: '2010-04-05' }],
      placements: [{ childIndex: 0, startDate: '2015-01-01', endDate: '2020-05-31', endReason: 'unplanned' }],
    });
    await query(
      `UPDATE household SET archived_at = now() - $2::interval WHERE municipality_id = $1 AND id = $3`,
      [municipality, age, id],
    );
    return id;
  };
  const erasable = await archived('4 years');
  // Archived as long ago, but a network names it as its resource family: it stays (and the run
  // does not fail on the network's reference to it).
  const resourceFamily = await archived('4 years');
  await query(
    `INSERT INTO network (id, municipality_id, name, resource_family_household_id)
     VALUES (gen_random_uuid(), $1, 'Gammelt nettverk', $2)`,
    [municipality, resourceFamily],
  );
  const recentlyArchived = await archived('1 year');
  for (const age of ['6 years', '4 years']) {
    await query(
      `INSERT INTO audit_log (municipality_id, at, action, record_type, record_id)
       VALUES ($1, now() - $2::interval, 'read', 'household', $3)`,
      [municipality, age, family],
    );
  }
  return {
    oldEvent,
    newEvent,
    family,
    erasable,
    recentlyArchived,
    resourceFamily,
    ...(await craftProgrammeRows(municipality, family)),
  };
}

let inA: Crafted;
let inB: Crafted;

beforeAll(async () => {
  env = await createTestEnv();
  a = await createMunicipality(env.db, 'Glemsel');
  b = await createMunicipality(env.db, 'Naboby');
  const adminUser = await createUser(env.db, a, ['municipality_admin']);
  const caseworkerUser = await createUser(env.db, a, ['caseworker']);
  admin = await loginAs(env.app, adminUser.email);
  caseworker = await loginAs(env.app, caseworkerUser.email);
  inA = await craft(a);
  inB = await craft(b);
}, 120_000);
afterAll(() => env.close());

describe('retention settings', () => {
  it('start at the documented defaults, with their bounds, for the municipality admin only', async () => {
    const response = await admin.get('/api/admin/retention');
    expect(response.statusCode).toBe(200);
    expect(response.json().periods).toEqual({
      answers: 24,
      feedback: 24,
      import_files: 1,
      call_notes: 24,
      archived_households: 36,
      audit_log: 60,
      stopped_candidates: 12,
      supervision_notes: 24,
      follow_up_notes: 24,
      evaluation_answers: 36,
      attendance: 60,
    });
    expect(response.json().bounds.attendance).toEqual({ default: 60, min: 24, max: 120 });
    expect(response.json().bounds.audit_log).toEqual({ default: 60, min: 60, max: 120 });
    expect((await caseworker.get('/api/admin/retention')).statusCode).toBe(403);
    expect((await caseworker.get('/api/admin/retention/preview')).statusCode).toBe(403);
  });

  it('refuses a period out of bounds with a stable code naming each field, and saves nothing', async () => {
    const response = await admin.put('/api/admin/retention', {
      answers: 24,
      feedback: 24,
      import_files: 1,
      call_notes: 24,
      archived_households: 121,
      audit_log: 12,
      stopped_candidates: 12,
      supervision_notes: 24,
      follow_up_notes: 5,
      evaluation_answers: 36,
      attendance: 60,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'retention.out_of_bounds',
      details: [
        { field: 'archived_households', rule: 'max' },
        { field: 'audit_log', rule: 'min' },
        { field: 'follow_up_notes', rule: 'min' },
      ],
    });
    expect(await count('FROM retention_setting WHERE municipality_id = $1', [a])).toBe(0);
  });

  it('keeps an audit entry younger than its period even against a direct delete', async () => {
    const attempt = inTenant(env.db, { municipalityId: a, userId: null, ip: null }, (tx) =>
      tx.query("DELETE FROM audit_log WHERE municipality_id = $1 AND at > now() - interval '5 years'", [a]),
    );
    await expect(attempt).rejects.toThrow(/append-only/);
  });
});

describe('the retention run', () => {
  let preview: Record<string, { count: number }>;
  let removed: Record<string, number>;
  let auditBefore: number | undefined;

  beforeAll(async () => {
    const response = await admin.get('/api/admin/retention/preview');
    expect(response.statusCode).toBe(200);
    preview = response.json();
    auditBefore = await count("FROM audit_log WHERE municipality_id = $1 AND action = 'retention_run'", [a]);
    removed = await runRetention(env, a);
  });

  it('shows beforehand how many of each kind it removes, and then removes exactly that many', () => {
    const counts = Object.fromEntries(Object.entries(preview).map(([kind, p]) => [kind, p.count]));
    expect(counts).toEqual({
      answers: 1,
      feedback: 1,
      import_files: 1,
      call_notes: 1,
      archived_households: 1,
      audit_log: 1,
      stopped_candidates: 2,
      supervision_notes: 1,
      follow_up_notes: 1,
      evaluation_answers: 2,
      attendance: 1,
    });
    expect(removed).toEqual(counts);
  });

  it("anonymises the past event's answers, messages and invitations, keeping their counts", async () => {
    const [old] = await query<Record<string, unknown>>(
      `SELECT a.household_id AS answer_household, a.comment, a.diet_note, a.adults,
         m.household_id AS message_household, m.channel, i.household_id AS invitation_household
       FROM answer a JOIN message m ON m.invitation_id = a.invitation_id JOIN invitation i ON i.id = a.invitation_id
       WHERE a.event_id = $1`,
      [inA.oldEvent],
    );
    expect(old).toEqual({
      answer_household: null,
      comment: null,
      diet_note: null,
      adults: 2,
      message_household: null,
      channel: 'email',
      invitation_household: null,
    });
    const [recent] = await query<Record<string, unknown>>(
      'SELECT household_id, comment FROM answer WHERE event_id = $1',
      [inA.newEvent],
    );
    expect(recent).toEqual({ household_id: inA.family, comment: 'Vi gleder oss' });
  });

  it('deletes old feedback and import files and removes old call notes, keeping the recent ones', async () => {
    expect(await count('FROM feedback_response WHERE municipality_id = $1', [a])).toBe(1);
    expect(await count('FROM feedback_response WHERE event_id = $1', [inA.newEvent])).toBe(1);
    expect(await count('FROM import_job WHERE municipality_id = $1', [a])).toBe(1);
    const notes = await query<{ note: string | null; outcome: string }>(
      'SELECT note, outcome FROM welcome_call WHERE municipality_id = $1 ORDER BY called_at',
      [a],
    );
    expect(notes).toEqual([
      { note: null, outcome: 'reached' },
      { note: 'Ringte, hyggelig prat', outcome: 'reached' },
    ]);
  });

  it('deletes candidates who stopped or declined long ago, keeping the recent and the active ones', async () => {
    const names = await query<{ name: string }>(
      'SELECT name FROM family_home_candidate WHERE municipality_id = $1 ORDER BY name',
      [a],
    );
    expect(names.map((row) => row.name)).toEqual(['Fortsatt aktuell', 'Stoppet nylig']);
    expect(await count('FROM resource_family_candidate WHERE household_id = $1', [inA.family])).toBe(0);
  });

  it('removes old supervision and follow-up notes, keeping the talks, the entries and recent notes', async () => {
    const talks = await query<{ note: string | null }>(
      'SELECT note FROM supervision_talk WHERE municipality_id = $1 ORDER BY held_on',
      [a],
    );
    expect(talks).toEqual([{ note: null }, { note: 'Snakket om sommeren' }]);
    const followUps = await query<{ note: string | null; kind: string }>(
      'SELECT note, kind FROM family_home_follow_up WHERE household_id = $1 ORDER BY date',
      [inA.family],
    );
    expect(followUps).toEqual([
      { note: null, kind: 'home_visit' },
      { note: 'Alt vel', kind: 'home_visit' },
    ]);
  });

  it("deletes a finished cohort's evaluation answers and attendance past five years, and no more", async () => {
    const answers = (cohort: string) =>
      count('FROM evaluation_answer a JOIN evaluation_link l ON l.id = a.link_id WHERE l.cohort_id = $1', [
        cohort,
      ]);
    expect(await answers(inA.oldCohort)).toBe(0);
    expect(await answers(inA.newCohort)).toBe(2);
    // The link stays: that the household answered is a count the evaluation page shows.
    expect(await count('FROM evaluation_link WHERE cohort_id = $1', [inA.oldCohort])).toBe(1);
    expect(await count('FROM attendance WHERE event_id = $1', [inA.longAgoEvent])).toBe(0);
    expect(await count('FROM attendance WHERE household_id = $1', [inA.family])).toBe(2);
  });

  it('erases the household archived long ago and keeps its placements as nameless facts', async () => {
    expect(await count('FROM household WHERE id = $1', [inA.erasable])).toBe(0);
    expect(await count('FROM adult WHERE household_id = $1', [inA.erasable])).toBe(0);
    expect(
      await query(
        `SELECT child_birth_year, to_char(end_date, 'YYYY-MM-DD') AS end_date, end_reason
         FROM erased_placement WHERE household_id = $1`,
        [inA.erasable],
      ),
    ).toEqual([{ child_birth_year: 2010, end_date: '2020-05-31', end_reason: 'unplanned' }]);
    expect(await count('FROM household WHERE id = $1', [inA.recentlyArchived])).toBe(1);
    expect(await count('FROM household WHERE id = $1', [inA.resourceFamily])).toBe(1);
  });

  it('deletes audit entries past five years only, and writes one audit entry for the run', async () => {
    expect(
      await count("FROM audit_log WHERE municipality_id = $1 AND at < now() - interval '5 years'", [a]),
    ).toBe(0);
    expect(
      await count("FROM audit_log WHERE municipality_id = $1 AND at < now() - interval '3 years'", [a]),
    ).toBe(1);
    const runs = await query<{ details: { removed: Record<string, number>; erasedHouseholds: string[] } }>(
      "SELECT details FROM audit_log WHERE municipality_id = $1 AND action = 'retention_run'",
      [a],
    );
    expect(runs.length - (auditBefore ?? 0)).toBe(1);
    expect(runs.at(-1)?.details.removed).toEqual(removed);
    expect(runs.at(-1)?.details.erasedHouseholds).toEqual([inA.erasable]);
    expect(JSON.stringify(runs)).not.toContain('Flyttet');
  });

  it("leaves another municipality's data untouched", async () => {
    expect(
      await count('FROM invitation WHERE event_id = $1 AND household_id IS NOT NULL', [inB.oldEvent]),
    ).toBe(1);
    expect(await count('FROM feedback_response WHERE municipality_id = $1', [b])).toBe(2);
    expect(await count('FROM import_job WHERE municipality_id = $1', [b])).toBe(2);
    expect(await count('FROM welcome_call WHERE municipality_id = $1 AND note IS NOT NULL', [b])).toBe(2);
    expect(await count('FROM household WHERE id = $1', [inB.erasable])).toBe(1);
    expect(await count('FROM family_home_candidate WHERE municipality_id = $1', [b])).toBe(3);
    expect(await count('FROM resource_family_candidate WHERE municipality_id = $1', [b])).toBe(1);
    expect(await count('FROM supervision_talk WHERE municipality_id = $1 AND note IS NOT NULL', [b])).toBe(2);
    expect(
      await count('FROM family_home_follow_up WHERE municipality_id = $1 AND note IS NOT NULL', [b]),
    ).toBe(2);
    expect(await count('FROM evaluation_answer WHERE municipality_id = $1', [b])).toBe(4);
    expect(await count('FROM attendance WHERE event_id = $1', [inB.longAgoEvent])).toBe(1);
    expect(
      await count("FROM audit_log WHERE municipality_id = $1 AND at < now() - interval '5 years'", [b]),
    ).toBe(1);
  });

  it('has nothing left to remove right after, and follows a longer period the admin saves', async () => {
    const after = (await admin.get('/api/admin/retention/preview')).json();
    for (const kind of Object.keys(after)) expect(after[kind].count, kind).toBe(0);

    const saved = await admin.put('/api/admin/retention', {
      answers: 3,
      feedback: 60,
      import_files: 12,
      call_notes: 60,
      archived_households: 120,
      audit_log: 120,
      stopped_candidates: 36,
      supervision_notes: 60,
      follow_up_notes: 60,
      evaluation_answers: 120,
      attendance: 24,
    });
    expect(saved.statusCode).toBe(200);
    expect(
      await count(
        "FROM audit_log WHERE municipality_id = $1 AND action = 'update' AND record_type = 'retention_setting'",
        [a],
      ),
    ).toBe(1);
    // The next run measures from the saved periods: answers three months back, the audit log ten years.
    const preview = (await admin.get('/api/admin/retention/preview')).json();
    const monthsBack = (iso: string) => Math.round((Date.now() - Date.parse(iso)) / (30.44 * 86_400_000));
    expect(monthsBack(preview.answers.before)).toBe(3);
    expect(monthsBack(preview.audit_log.before)).toBe(120);
  });
});
