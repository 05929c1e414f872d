import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import postalCodes from 'norway-postal-codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/features/demo/service.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { answer, attend, insertEvent, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let caseworker: TestUser;
let leader: TestUser;
let agent: Agent;
let leaderAgent: Agent;
let adminAgent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Databy');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Sara' });
  leader = await createUser(env.db, municipality, ['team_leader'], { firstName: 'Tove', lastName: 'Leder' });
  const admin = await createUser(env.db, municipality, ['municipality_admin']);
  agent = await loginAs(env.app, caseworker.email);
  leaderAgent = await loginAs(env.app, leader.email);
  adminAgent = await loginAs(env.app, admin.email);
});
afterAll(() => env.close());

const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  env.db.transaction((tx) => tx.query<T>(sql, params));

/** Sends a file as the raw request body, as the web app's upload does. */
function upload(who: Agent, url: string, body: Buffer | string, type = 'text/csv') {
  return who.request({ method: 'POST', url, payload: body, headers: { 'content-type': type } });
}

describe('export of the household list', () => {
  beforeAll(async () => {
    await createHousehold(env.db, municipality, {
      kind: 'emergency',
      externalRef: 'EX-1',
      adults: [
        { firstName: 'Eline', lastName: 'Eksportsen', email: 'eline@example.com', mobile: '412 34 567' },
        { firstName: 'Even', lastName: 'Eksportsen' },
      ],
      children: [{ firstName: 'Tuva', birthDate: '2015-02-03' }],
    });
    await createHousehold(env.db, municipality, {
      kind: 'emergency',
      adults: [{ firstName: 'Åse', lastName: 'Ørnulfsen', preferredLanguage: 'ar' }],
    });
    await createHousehold(env.db, municipality, {
      kind: 'foster',
      externalRef: '@SUM(A1)',
      address: { line: '-2+3', postcode: '1384' },
      adults: [{ firstName: '=HYPERLINK("http://x.example")', lastName: '+Formel' }],
    });
  });

  it('gives an Excel file with the list filter applied, bold Norwegian headings and dates as dates', async () => {
    const response = await agent.get('/api/households.xlsx?kind=emergency&sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="landsby-husstander-.*\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Husstander');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const header = sheet.getRow(1);
    const headings = (header.values as unknown[]).slice(1);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Navn',
        'Type',
        'Postnummer',
        'Voksen 1 fornavn',
        'Voksen 2 e-post',
        'Sist endret',
      ]),
    );
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
    const column = (name: string) => headings.indexOf(name) + 1;
    const rows = sheet.getRows(2, sheet.rowCount - 1) ?? [];
    expect(rows.map((r) => r.getCell(column('Navn')).value)).toEqual([
      'Eline og Even Eksportsen',
      'Åse Ørnulfsen',
    ]);
    expect(rows.map((r) => r.getCell(column('Type')).value)).toEqual(['Beredskapshjem', 'Beredskapshjem']);
    expect(rows[0]?.getCell(column('Voksen 1 mobil')).value).toBe('412 34 567');
    expect(rows[0]?.getCell(column('Antall barn')).value).toBe(1);
    expect(rows[1]?.getCell(column('Voksen 1 språk')).value).toBe('arabisk');
    expect(rows[0]?.getCell(column('Sist endret')).value).toBeInstanceOf(Date);
    expect(rows[0]?.getCell(column('Sist endret')).numFmt).toBe('dd.mm.yyyy hh:mm');
  });

  it('gives a CSV file for Norwegian Excel, with formulas kept as text', async () => {
    const response = await agent.get('/api/households.csv?q=formel');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFFNavn;Type;Relasjon;')).toBe(true);
    const [, line] = body.slice(1).trim().split(/\r?\n/);
    expect(
      line?.startsWith(
        `"'=HYPERLINK(""http://x.example"") +Formel";Fosterhjem;Omsorgskommune;'@SUM(A1);'-2+3;`,
      ),
    ).toBe(true);
    expect(line).toContain(`;"'=HYPERLINK(""http://x.example"")";'+Formel;`);
  });

  it('writes an export entry in the audit log for each household in the file', async () => {
    const before = await query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`);
    const listed = (await agent.get('/api/households?kind=emergency')).json();
    await agent.get('/api/households.csv?kind=emergency');
    const rows = await query<{ record_id: string; actor_user_id: string; details: { format: string } }>(
      `SELECT record_id, actor_user_id, details FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT $1`,
      [listed.total],
    );
    expect(rows.map((r) => r.record_id).sort()).toEqual(
      listed.households.map((h: { id: string }) => h.id).sort(),
    );
    expect(rows[0]).toMatchObject({ actor_user_id: caseworker.id, details: { format: 'csv' } });
    const after = await query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + listed.total);
  });
});

describe("a household's data on request (GDPR art. 15)", () => {
  it('holds the household, its people, its history and who saw it, and is itself audited', async () => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Inga', lastName: 'Innsyn', email: 'inga@example.com' }],
      children: [{ firstName: 'Petter', birthDate: '2012-06-01' }],
      placements: [{ childIndex: 0, startDate: '2020-01-15' }],
    });
    await agent.get(`/api/households/${id}`);
    expect((await agent.get(`/api/households/${id}/export`)).statusCode).toBe(403);

    const response = await leaderAgent.get(`/api/households/${id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="landsby-innsyn-${id}.json"`);
    const document = response.json();
    expect(document).toMatchObject({
      format: 'landsby.household-export',
      controller: { municipality: 'Databy' },
      household: {
        id,
        adults: [{ firstName: 'Inga', lastName: 'Innsyn', email: 'inga@example.com' }],
        children: [{ firstName: 'Petter', birthDate: '2012-06-01' }],
        placements: [{ startDate: '2020-01-15', endDate: null }],
      },
    });
    expect(document.history).toEqual([expect.objectContaining({ action: 'create' })]);
    expect(document.accessLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', recordType: 'household' }),
        expect.objectContaining({ action: 'read', actorName: `Sara ${caseworker.lastName}` }),
        expect.objectContaining({ action: 'export', actorName: 'Tove Leder', via: 'access_request' }),
      ]),
    );
    const audited = await query(
      `SELECT 1 FROM audit_log WHERE action = 'export' AND record_id = $1 AND actor_user_id = $2
         AND details ->> 'via' = 'access_request'`,
      [id, leader.id],
    );
    expect(audited).toHaveLength(1);
  });
});

/**
 * One row of every kind a programme keeps about a household (migrations 0017–0024), each marked
 * with `tag` so an export shows whose rows it holds.
 */
async function craftProgrammeRows(
  householdId: string,
  tag: string,
  sessionDay: string,
  cafeDay: string,
): Promise<void> {
  const [adult] = await query<{ id: string }>('SELECT id FROM adult WHERE household_id = $1', [householdId]);
  const staff = await createUser(env.db, municipality, ['caseworker'], { firstName: `Stab${tag}` });
  const family = await createUser(env.db, municipality, ['resource_family'], { firstName: `Konto${tag}` });
  const m = municipality;
  const [network] = await query<{ id: string }>(
    `INSERT INTO network (id, municipality_id, name, resource_family_household_id)
     VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id`,
    [m, `Nettverk ${tag}`, householdId],
  );
  const [course] = await query<{ id: string }>(
    `INSERT INTO course (municipality_id, kind, name) VALUES ($1, 'other', $2) RETURNING id`,
    [m, `Kurs ${tag}`],
  );
  const [talk] = await query<{ id: string }>(
    `INSERT INTO supervision_talk (id, municipality_id, network_id, held_on, note)
     VALUES (gen_random_uuid(), $1, $2, '2026-03-02', $3) RETURNING id`,
    [m, network?.id, `Veiledning ${tag}`],
  );
  const [summary] = await query<{ id: string }>(
    `INSERT INTO network_summary (municipality_id, network_id, half_year_start, description, submitted_at)
     VALUES ($1, $2, '2026-01-01', $3, now()) RETURNING id`,
    [m, network?.id, `Halvår ${tag}`],
  );
  const [agreement] = await query<{ id: string }>(
    `INSERT INTO agreement (id, municipality_id, network_id, household_id, start_on, end_on, ks_units,
       ks_rate_ore, expenses, other_arrangements, sent_at)
     VALUES (gen_random_uuid(), $1, $2, $3, '2026-01-01', '2026-12-31', 1.5, 1000000, $4, 'Ingen', now())
     RETURNING id`,
    [m, network?.id, householdId, `Utgifter ${tag}`],
  );
  const [meeting] = await query<{ id: string }>(
    `INSERT INTO joint_meeting (id, municipality_id, municipality_ids, date, start_time, link)
     VALUES (gen_random_uuid(), $1, ARRAY[$1::int], '2026-04-15', '18:00', 'https://møte.example') RETURNING id`,
    [m],
  );
  const [cohort] = await query<{ id: string }>(
    `INSERT INTO cohort (municipality_id, name, starts_on) VALUES ($1, $2, '2026-02-01') RETURNING id`,
    [m, `Kull ${tag}`],
  );
  const session = await insertEvent(env.db, m, { date: sessionDay, title: `Samling ${tag}` });
  await query(`UPDATE event SET kind = 'good_start_session' WHERE id = $1`, [session]);
  const [link] = await query<{ id: string }>(
    `INSERT INTO evaluation_link (municipality_id, cohort_id, household_id, round, token_hash, language, answered_at)
     VALUES ($1, $2, $3, 'before', $4, 'nb', now()) RETURNING id`,
    [m, cohort?.id, householdId, Buffer.from(`${tag}-${householdId}`)],
  );
  const [meetingOfHome] = await query<{ id: string }>(
    `INSERT INTO family_home_meeting (id, municipality_id, household_id, date, start_time, kind, place)
     VALUES (gen_random_uuid(), $1, $2, '2026-05-05', '09:30', 'school', $3) RETURNING id`,
    [m, householdId, `Skole ${tag}`],
  );
  const [unit] = await query<{ id: string }>(
    `INSERT INTO housing_unit (municipality_id, address_line, postcode, place, status, status_on, household_id)
     VALUES ($1, $2, '1384', 'ASKER', 'occupied', '2026-01-10', $3) RETURNING id`,
    [m, `Boligveien ${tag}`, householdId],
  );
  const statements: [string, unknown[]][] = [
    [
      `INSERT INTO course_completion (municipality_id, course_id, adult_id, completed_on, given_by)
       VALUES ($1, $2, $3, '2026-01-20', $4)`,
      [m, course?.id, adult?.id, `Kursholder ${tag}`],
    ],
    [
      `INSERT INTO course_override (municipality_id, household_id, kind, reason) VALUES ($1, $2, 'solid', $3)`,
      [m, householdId, `Unntak ${tag}`],
    ],
    [
      'INSERT INTO supervision_participant (talk_id, municipality_id, adult_id) VALUES ($1, $2, $3)',
      [talk?.id, m, adult?.id],
    ],
    [
      'INSERT INTO supervision_participant (talk_id, municipality_id, user_id) VALUES ($1, $2, $3)',
      [talk?.id, m, staff.id],
    ],
    [
      `INSERT INTO network_summary_comment (id, municipality_id, network_id, summary_id, body)
       VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [m, network?.id, summary?.id, `Kommentar ${tag}`],
    ],
    [
      `INSERT INTO agreement_signer (municipality_id, agreement_id, adult_id, token_hash, signed_at, terms_signed)
       VALUES ($1, $2, $3, $4, now(), $5)`,
      [m, agreement?.id, adult?.id, `hash-${tag}-${householdId}`, `Vilkår ${tag}`],
    ],
    [
      'INSERT INTO network_user (user_id, network_id, municipality_id) VALUES ($1, $2, $3)',
      [family.id, network?.id, m],
    ],
    [
      `INSERT INTO joint_meeting_invitee (meeting_id, user_id, municipality_id, role, attended)
       VALUES ($1, $2, $3, 'resource_family', true)`,
      [meeting?.id, family.id, m],
    ],
    [
      `INSERT INTO resource_family_candidate (municipality_id, household_id, status, status_on, suitability_note)
       VALUES ($1, $2, 'approached', '2026-03-01', $3)`,
      [m, householdId, `Egnet ${tag}`],
    ],
    [
      'INSERT INTO cohort_member (cohort_id, household_id, municipality_id) VALUES ($1, $2, $3)',
      [cohort?.id, householdId, m],
    ],
    [
      `INSERT INTO cohort_session (event_id, cohort_id, municipality_id, theme) VALUES ($1, $2, $3, 1)`,
      [session, cohort?.id, m],
    ],
    [
      `INSERT INTO evaluation_answer (link_id, municipality_id, question_id, text_answer) VALUES ($1, $2, 'q9', $3)`,
      [link?.id, m, `Svar ${tag}`],
    ],
    [
      `INSERT INTO family_home_youth (id, municipality_id, household_id, first_name, birth_date, arrival_date)
       VALUES (gen_random_uuid(), $1, $2, $3, '2010-01-01', '2026-01-15')`,
      [m, householdId, `Ungdom${tag}`],
    ],
    [
      `INSERT INTO family_home_counsellor (household_id, municipality_id, user_id) VALUES ($1, $2, $3)`,
      [householdId, m, staff.id],
    ],
    [
      `INSERT INTO family_home_follow_up (id, municipality_id, household_id, date, kind, note)
       VALUES (gen_random_uuid(), $1, $2, '2026-02-20', 'home_visit', $3)`,
      [m, householdId, `Oppfølging ${tag}`],
    ],
    [
      'INSERT INTO family_home_meeting_participant (meeting_id, user_id, municipality_id) VALUES ($1, $2, $3)',
      [meetingOfHome?.id, staff.id, m],
    ],
    [
      `INSERT INTO housing_unit_change (municipality_id, housing_unit_id, from_status, to_status, changed_on, household_id)
       VALUES ($1, $2, 'furnished', 'occupied', '2026-01-10', $3)`,
      [m, unit?.id, householdId],
    ],
  ];
  for (const [sql, params] of statements) await query(sql, params);
  await attend(env.db, m, session, householdId, { adults: 2, children: 1 });

  // The café's rows and the network's (migrations 0005–0013).
  const cafe = await insertEvent(env.db, m, { date: cafeDay, title: `Kafé ${tag}` });
  await invite(env.db, m, cafe, householdId, { channel: 'sms' });
  await answer(env.db, m, cafe, householdId, { adults: 1 });
  await query('UPDATE answer SET comment = $2 WHERE event_id = $1', [cafe, `Kommentar til kafé ${tag}`]);
  await attend(env.db, m, cafe, householdId, { adults: 1, children: 0 });
  const [child] = await query<{ id: string }>('SELECT id FROM child WHERE household_id = $1', [householdId]);
  const [member] = await query<{ id: string }>(
    `INSERT INTO network_member (id, network_id, municipality_id, household_id, joined_on)
     VALUES (gen_random_uuid(), $1, $2, $3, '2026-01-05') RETURNING id`,
    [network?.id, m, householdId],
  );
  const [category] = await query<{ id: string }>(
    `INSERT INTO contact_category (municipality_id, label, position) VALUES ($1, $2, 1) RETURNING id`,
    [m, `Kategori ${tag}`],
  );
  const more: [string, unknown[]][] = [
    [
      `INSERT INTO welcome_call (municipality_id, household_id, event_id, outcome, note, called_by)
       VALUES ($1, $2, $3, 'reached', $4, $5)`,
      [m, householdId, cafe, `Velkomst ${tag}`, staff.id],
    ],
    [
      'INSERT INTO child_consent (municipality_id, member_id, child_id) VALUES ($1, $2, $3)',
      [m, member?.id, child?.id],
    ],
    [
      `INSERT INTO confidentiality_signature (municipality_id, member_id, adult_id, text_version, text_shown,
         language, via)
       VALUES ($1, $2, $3, 'v1', $4, 'nb', 'link')`,
      [m, member?.id, adult?.id, `Taushet ${tag}`],
    ],
    [
      `INSERT INTO contact_log (id, municipality_id, network_id, household_id, date, kind, category_id, note)
       VALUES (gen_random_uuid(), $1, $2, $3, '2026-03-03', 'call', $4, $5)`,
      [m, network?.id, householdId, category?.id, `Kontakt ${tag}`],
    ],
  ];
  for (const [sql, params] of more) await query(sql, params);
}

describe("a household's access request holds what every programme keeps about it", () => {
  it('includes one row of each kind of the household, none of another household, and is audited', async () => {
    const asked = await createHousehold(env.db, municipality, {
      kind: 'family_home',
      adults: [{ firstName: 'Alfa', lastName: 'Innsynsen' }],
      children: [{ firstName: 'BarnAlfa', birthDate: '2010-03-03' }],
    });
    const other = await createHousehold(env.db, municipality, {
      kind: 'family_home',
      adults: [{ firstName: 'Beta', lastName: 'Andresen' }],
      children: [{ firstName: 'BarnBeta', birthDate: '2011-03-03' }],
    });
    await craftProgrammeRows(asked, 'Alfa', '2026-02-01', '2026-02-03');
    await craftProgrammeRows(other, 'Beta', '2026-02-02', '2026-02-04');

    const response = await leaderAgent.get(`/api/households/${asked}/export`);
    expect(response.statusCode, response.body).toBe(200);
    const document = response.json();
    expect(document.formatVersion).toBe(2);
    expect(document.courses).toEqual({
      completions: [
        expect.objectContaining({
          adult: 'Alfa Innsynsen',
          course: 'Kurs Alfa',
          completedOn: '2026-01-20',
          givenBy: 'Kursholder Alfa',
        }),
      ],
      decisions: [expect.objectContaining({ kind: 'solid', reason: 'Unntak Alfa' })],
    });
    expect(document.supervisionTalks).toEqual([
      {
        heldOn: '2026-03-02',
        note: 'Veiledning Alfa',
        adults: ['Alfa Innsynsen'],
        staff: [expect.stringMatching(/^StabAlfa /)],
      },
    ]);
    expect(document.networkSummaries).toEqual([
      expect.objectContaining({
        network: 'Nettverk Alfa',
        halfYearStart: '2026-01-01',
        description: 'Halvår Alfa',
        comments: [expect.objectContaining({ body: 'Kommentar Alfa' })],
      }),
    ]);
    expect(document.agreements).toEqual([
      expect.objectContaining({
        startOn: '2026-01-01',
        ksUnits: 1.5,
        expenses: 'Utgifter Alfa',
        signers: [expect.objectContaining({ adult: 'Alfa Innsynsen', termsSigned: 'Vilkår Alfa' })],
      }),
    ]);
    expect(JSON.stringify(document.agreements)).not.toContain('hash-');
    expect(document.jointMeetings).toEqual([
      expect.objectContaining({
        date: '2026-04-15',
        startTime: '18:00',
        person: expect.stringMatching(/^KontoAlfa /),
        attended: true,
      }),
    ]);
    expect(document.resourceFamilyCandidate).toMatchObject({
      status: 'approached',
      statusOn: '2026-03-01',
      suitabilityNote: 'Egnet Alfa',
    });
    expect(document.goodStart).toEqual([
      expect.objectContaining({
        cohort: 'Kull Alfa',
        sessions: [{ theme: 1, date: '2026-02-01', present: true, adults: 2, children: 1 }],
      }),
    ]);
    expect(document.evaluations).toEqual([
      expect.objectContaining({
        cohort: 'Kull Alfa',
        round: 'before',
        answers: [{ question: 'q9', text: null, score: null, answer: 'Svar Alfa' }],
      }),
    ]);
    expect(document.familyHome).toEqual({
      youths: [
        { firstName: 'UngdomAlfa', birthDate: '2010-01-01', arrivalDate: '2026-01-15', languages: [] },
      ],
      counsellor: expect.objectContaining({ name: expect.stringMatching(/^StabAlfa /) }),
      followUps: [
        expect.objectContaining({ date: '2026-02-20', kind: 'home_visit', note: 'Oppfølging Alfa' }),
      ],
      meetings: [
        {
          date: '2026-05-05',
          startTime: '09:30',
          kind: 'school',
          place: 'Skole Alfa',
          staff: [expect.stringMatching(/^StabAlfa /)],
        },
      ],
    });
    expect(document.housing).toEqual({
      unit: { address: 'Boligveien Alfa', postcode: '1384', place: 'ASKER', status: 'occupied' },
      changes: [
        {
          changedOn: '2026-01-10',
          fromStatus: 'furnished',
          toStatus: 'occupied',
          address: 'Boligveien Alfa',
        },
      ],
    });
    expect(document.invitations).toEqual([
      expect.objectContaining({
        event: 'Kafé Alfa',
        date: '2026-02-03',
        messages: [expect.objectContaining({ channel: 'sms', status: 'sent' })],
        answer: expect.objectContaining({
          response: 'coming',
          adults: 1,
          comment: 'Kommentar til kafé Alfa',
        }),
      }),
    ]);
    expect(document.attendance).toEqual([
      expect.objectContaining({ event: 'Samling Alfa', present: true, adults: 2 }),
      expect.objectContaining({ event: 'Kafé Alfa', present: true, adults: 1 }),
    ]);
    expect(document.welcomeCalls).toEqual([
      expect.objectContaining({ outcome: 'reached', note: 'Velkomst Alfa', event: 'Kafé Alfa' }),
    ]);
    expect(document.networkMemberships).toEqual([
      expect.objectContaining({
        network: 'Nettverk Alfa',
        joinedOn: '2026-01-05',
        consents: [expect.objectContaining({ child: 'BarnAlfa', withdrawnAt: null })],
        signatures: [
          expect.objectContaining({ adult: 'Alfa Innsynsen', textShown: 'Taushet Alfa', via: 'link' }),
        ],
      }),
    ]);
    expect(document.networkContacts).toEqual([
      {
        network: 'Nettverk Alfa',
        date: '2026-03-03',
        kind: 'call',
        category: 'Kategori Alfa',
        note: 'Kontakt Alfa',
      },
    ]);
    // Nothing of the other household, in any section.
    expect(response.body).not.toMatch(/Beta/);

    const audited = await query(
      `SELECT 1 FROM audit_log WHERE action = 'export' AND record_id = $1 AND actor_user_id = $2
         AND details ->> 'via' = 'access_request'`,
      [asked, leader.id],
    );
    expect(audited).toHaveLength(1);
    expect(document.accessLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'export', via: 'access_request' })]),
    );
  });
});

describe('erasure of a household that has left', () => {
  let id: string;
  beforeAll(async () => {
    id = await createHousehold(env.db, municipality, {
      kind: 'foster',
      relation: 'oversight',
      externalRef: 'SLETT-1',
      address: { line: 'Slettveien 3', postcode: '1384' },
      adults: [
        { firstName: 'Sletta', lastName: 'Slettesen', email: 'sletta@example.com', mobile: '412 11 111' },
        { firstName: 'Sjur', lastName: 'Slettesen' },
      ],
      children: [
        { firstName: 'Lise', birthDate: '2010-04-05' },
        { firstName: 'Lars', birthDate: '2013-09-30' },
      ],
      placements: [
        { childIndex: 0, startDate: '2018-01-01', endDate: '2023-05-31', endReason: 'unplanned' },
        {
          childIndex: 1,
          startDate: '2019-08-01',
          endDate: '2024-06-30',
          endReason: 'planned',
          careMunicipality: 'Oslo',
        },
      ],
    });
  });

  it('is refused while the household is not archived, and for a caseworker', async () => {
    const early = await leaderAgent.post(`/api/households/${id}/erase`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('registry.erase_not_archived');
    await agent.post(`/api/households/${id}/archive`);
    expect((await agent.post(`/api/households/${id}/erase`)).statusCode).toBe(403);
    expect(await query('SELECT 1 FROM adult WHERE household_id = $1', [id])).toHaveLength(2);
  });

  it('is refused while a placement has not ended', async () => {
    const open = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Åpen', lastName: 'Plassering' }],
      children: [{ firstName: 'Ola', birthDate: '2016-01-01' }],
      placements: [{ childIndex: 0, startDate: '2021-01-01' }],
    });
    await agent.post(`/api/households/${open}/archive`);
    const response = await leaderAgent.post(`/api/households/${open}/erase`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'registry.erase_open_placements', details: { open: 1 } });
  });

  it("is refused while the household is a network's resource family, and nothing goes", async () => {
    const family = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Ressurs', lastName: 'Familiesen' }],
    });
    await query(
      `INSERT INTO network (id, municipality_id, name, resource_family_household_id)
       VALUES (gen_random_uuid(), $1, 'Nettverket', $2)`,
      [municipality, family],
    );
    await agent.post(`/api/households/${family}/archive`);
    const response = await leaderAgent.post(`/api/households/${family}/erase`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('registry.erase_resource_family');
    expect(await query('SELECT 1 FROM adult WHERE household_id = $1', [family])).toHaveLength(1);
  });

  it('keeps the placements without personal data and removes the rest, audited', async () => {
    const response = await leaderAgent.post(`/api/households/${id}/erase`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      householdId: id,
      alreadyErased: false,
      kept: { placements: 2 },
      removed: { adults: 2, children: 2, placements: 2, historyEntries: 2 },
    });

    for (const table of ['household', 'adult', 'child', 'placement', 'household_history']) {
      const column = table === 'household' ? 'id' : 'household_id';
      expect(await query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [id]), table).toHaveLength(0);
    }
    const kept = await query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS end, end_reason,
         care_municipality, child_birth_year FROM erased_placement WHERE household_id = $1 ORDER BY start_date`,
      [id],
    );
    expect(kept).toEqual([
      {
        start: '2018-01-01',
        end: '2023-05-31',
        end_reason: 'unplanned',
        care_municipality: null,
        child_birth_year: 2010,
      },
      {
        start: '2019-08-01',
        end: '2024-06-30',
        end_reason: 'planned',
        care_municipality: 'Oslo',
        child_birth_year: 2013,
      },
    ]);
    const [record] = await query(
      'SELECT kind, relation, erased_by FROM household_erasure WHERE household_id = $1',
      [id],
    );
    expect(record).toEqual({ kind: 'foster', relation: 'oversight', erased_by: leader.id });
    // Nothing the erasure kept names anyone.
    const everything = JSON.stringify([
      await query('SELECT * FROM household_erasure WHERE household_id = $1', [id]),
      await query('SELECT * FROM erased_placement WHERE household_id = $1', [id]),
    ]);
    for (const word of ['Slett', 'SLETT', 'Lise', 'Lars', 'sletta@', '4741211111', '2010-04-05']) {
      expect(everything).not.toContain(word);
    }
    const audit = await query(
      `SELECT actor_user_id, details FROM audit_log WHERE action = 'erase' AND record_id = $1`,
      [id],
    );
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: leader.id })]);
  });

  it('is gone from lists, search and its own page', async () => {
    const all = (await agent.get('/api/households?archived=all&limit=200')).json();
    expect(all.households.map((h: { id: string }) => h.id)).not.toContain(id);
    expect((await agent.get('/api/households?q=slettesen&archived=all')).json().total).toBe(0);
    expect((await agent.get(`/api/households/${id}`)).statusCode).toBe(404);
  });

  it('changes nothing when asked again', async () => {
    const again = await leaderAgent.post(`/api/households/${id}/erase`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ householdId: id, alreadyErased: true, kept: { placements: 2 } });
    const audit = await query(`SELECT 1 FROM audit_log WHERE action = 'erase' AND record_id = $1`, [id]);
    expect(audit).toHaveLength(1);
  });
});

describe('erasure clicked twice at once', () => {
  it('erases once and answers both', async () => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Dobbel', lastName: 'Klikk' }],
      children: [{ firstName: 'Kim', birthDate: '2011-11-11' }],
      placements: [{ childIndex: 0, startDate: '2019-01-01', endDate: '2022-01-01', endReason: 'planned' }],
    });
    await agent.post(`/api/households/${id}/archive`);
    const answers = await Promise.all([
      leaderAgent.post(`/api/households/${id}/erase`),
      leaderAgent.post(`/api/households/${id}/erase`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.map((a) => a.json().alreadyErased).sort()).toEqual([false, true]);
    expect(await query(`SELECT 1 FROM erased_placement WHERE household_id = $1`, [id])).toHaveLength(1);
  });
});

describe('the travel-time table', () => {
  let fromTable: string;
  let typedIn: string;
  let leftToTable: string;

  it('is replaced by an uploaded CSV file, header and all', async () => {
    const response = await upload(
      agent,
      '/api/registry/travel-times',
      'Postnummer;Minutter\r\n1384;25\r\n3370;75\r\n',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ count: 2, encoding: 'utf-8' });
    const table = (await agent.get('/api/registry/travel-times')).json();
    expect(table).toEqual({
      count: 2,
      entries: [
        { postcode: '1384', place: 'ASKER', minutes: 25 },
        { postcode: '3370', place: 'VIKERSUND', minutes: 75 },
      ],
    });
  });

  it('updates the households whose travel time comes from the table and leaves typed-in ones', async () => {
    fromTable = await createHousehold(env.db, municipality, {
      address: { postcode: '1384' },
      adults: [{ firstName: 'Tabell', lastName: 'Tidsen' }],
    });
    typedIn = await createHousehold(env.db, municipality, {
      address: { postcode: '1384' },
      travelMinutes: 12,
      adults: [{ firstName: 'Manuell', lastName: 'Tidsen' }],
    });
    leftToTable = await createHousehold(env.db, municipality, {
      address: { postcode: '0150' },
      adults: [{ firstName: 'Uten', lastName: 'Tidsen' }],
    });
    const read = async (hid: string) => (await agent.get(`/api/households/${hid}`)).json();
    expect(await read(fromTable)).toMatchObject({ travelMinutes: 25, travelSource: 'postcode_table' });
    expect(await read(leftToTable)).toMatchObject({ travelMinutes: null, travelSource: null });

    // Windows-1252, comma separated, a postcode without its leading zero as Excel writes it.
    const file = iconv.encode(
      'Postnr,Reisetid fra kontoret (min) – Åsgårdstrand\r\n1384,40\r\n150,55\r\n',
      'win1252',
    );
    const response = await upload(agent, '/api/registry/travel-times', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ count: 2, encoding: 'windows-1252' });
    expect(response.json().householdsUpdated).toBeGreaterThanOrEqual(2);

    expect(await read(fromTable)).toMatchObject({ travelMinutes: 40, travelSource: 'postcode_table' });
    expect(await read(typedIn)).toMatchObject({ travelMinutes: 12, travelSource: 'manual' });
    expect(await read(leftToTable)).toMatchObject({ travelMinutes: 55, travelSource: 'postcode_table' });
    const history = (await agent.get(`/api/households/${fromTable}/history`)).json().entries;
    expect(history[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'travelMinutes', before: 25, after: 40 }],
    });
  });

  it('refuses a file with a bad line, reports every bad line and changes nothing', async () => {
    const before = (await agent.get('/api/registry/travel-times')).json();
    const file = '1384;30\n12AB;20\n0150;mange\n1384;31\n0000;10\n1390;20;x\n';
    const response = await upload(agent, '/api/registry/travel-times', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('registry.travel_times_invalid');
    expect(response.json().details.problems).toEqual([
      { line: 2, rule: 'postcode', value: '12AB' },
      { line: 3, rule: 'minutes', value: 'mange' },
      { line: 4, rule: 'duplicate', value: '1384' },
      { line: 5, rule: 'unknown_postcode', value: '0000' },
      { line: 6, rule: 'columns', value: '1390 | 20 | x' },
    ]);
    expect((await agent.get('/api/registry/travel-times')).json()).toEqual(before);
    expect((await agent.get(`/api/households/${fromTable}`)).json().travelMinutes).toBe(40);

    const empty = await upload(agent, '/api/registry/travel-times', 'postnummer;minutter\n');
    expect(empty.json().code).toBe('registry.travel_times_empty');
    const json = await agent.post('/api/registry/travel-times', { '1384': 30 });
    expect(json.statusCode).toBe(415);
  });

  it('is changed only by those who keep the registry', async () => {
    const response = await upload(adminAgent, '/api/registry/travel-times', '1384;1\n');
    expect(response.statusCode).toBe(403);
  });
});

describe("Posten's postcode register", () => {
  /** A register as Posten publishes it: tab separated, Windows-1252, CRLF, no header. */
  const register = (entries: [string, string][]) =>
    iconv.encode(
      `${entries.map(([code, place]) => `${code}\t${place}\t0301\tOSLO\t${code < '0200' ? 'P' : 'G'}`).join('\r\n')}\r\n`,
      'win1252',
    );
  const count = async () => (await query<{ n: number }>('SELECT count(*) AS n FROM postcode'))[0]?.n;

  it('replaces the postcode table when the admin uploads it', async () => {
    const entries = Object.entries(postalCodes as Record<string, string>).filter(([code]) => code !== '9991');
    entries.push(['9998', 'NYSTØLSVÅGEN']);
    const renamed = entries.map(([code, place]): [string, string] => [
      code,
      code === '3370' ? 'VIKERSUND SØR' : place,
    ]);
    const response = await upload(adminAgent, '/api/registry/postcodes', register(renamed), 'text/plain');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      count: entries.length,
      added: 1,
      removed: 1,
      renamed: 1,
      encoding: 'windows-1252',
    });
    expect((await agent.get('/api/postcodes/9998')).json().place).toBe('NYSTØLSVÅGEN');
    expect((await agent.get('/api/postcodes/3370')).json().place).toBe('VIKERSUND SØR');
    expect((await agent.get('/api/postcodes/9991')).statusCode).toBe(404);
    const audit = await query(`SELECT details FROM audit_log WHERE record_type = 'postcode'`);
    expect(audit).toEqual([{ details: expect.objectContaining({ added: 1, removed: 1, renamed: 1 }) }]);
  });

  it('refuses a file that is not the register, and changes nothing', async () => {
    const before = await count();
    const few = await upload(adminAgent, '/api/registry/postcodes', register([['1384', 'ASKER']]));
    expect(few.statusCode).toBe(400);
    expect(few.json()).toMatchObject({ code: 'registry.postcodes_too_few', details: { rows: 1, min: 1000 } });

    const entries = Object.entries(postalCodes as Record<string, string>);
    const broken = Buffer.concat([register(entries), Buffer.from('13X4\tASKER\t3203\tASKER\tG\r\n')]);
    const bad = await upload(adminAgent, '/api/registry/postcodes', broken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('registry.postcodes_invalid');
    expect(bad.json().details.problems).toEqual([
      { line: entries.length + 1, rule: 'postcode', value: '13X4' },
    ]);

    const csv = await upload(adminAgent, '/api/registry/postcodes', 'postnummer;poststed\n1384;ASKER\n');
    expect(csv.json().code).toBe('registry.postcodes_invalid');
    expect(await count()).toBe(before);
    expect((await agent.get('/api/postcodes/3370')).json().place).toBe('VIKERSUND SØR');
  });

  it('is uploaded by the admin only', async () => {
    const response = await upload(leaderAgent, '/api/registry/postcodes', register([['1384', 'ASKER']]));
    expect(response.statusCode).toBe(403);
  });
});

describe('the demo municipality', () => {
  it('gets about 300 invented households with some unplanned moves, once', async () => {
    expect(await seedDemo(env.db)).toBe(true);
    const [demo] = await query<{ id: number }>(`SELECT id FROM municipality WHERE number = '9999'`);
    const counts = await query<{ households: number; ended: number; unplanned: number; kinds: number }>(
      `SELECT (SELECT count(*) FROM household WHERE municipality_id = $1) AS households,
         (SELECT count(DISTINCT kind) FROM household WHERE municipality_id = $1) AS kinds,
         count(*) FILTER (WHERE end_date IS NOT NULL) AS ended,
         count(*) FILTER (WHERE end_reason = 'unplanned') AS unplanned
       FROM placement WHERE municipality_id = $1`,
      [demo?.id],
    );
    const { households = 0, ended = 0, unplanned = 0, kinds = 0 } = counts[0] ?? {};
    expect(households).toBeGreaterThanOrEqual(290);
    expect(kinds).toBe(4);
    expect(unplanned / ended).toBeGreaterThanOrEqual(0.1);
    expect(unplanned / ended).toBeLessThanOrEqual(0.15);
    const travel = await query<{ source: string | null; n: number }>(
      'SELECT travel_source AS source, count(*) AS n FROM household WHERE municipality_id = $1 GROUP BY 1',
      [demo?.id],
    );
    expect(travel.find((t) => t.source === 'postcode_table')?.n).toBeGreaterThan(150);

    expect(await seedDemo(env.db)).toBe(false);
    const again = await query<{ n: number }>(
      'SELECT count(*) AS n FROM household WHERE municipality_id = $1',
      [demo?.id],
    );
    expect(again[0]?.n).toBe(households);

    const demoLeader = await loginAs(env.app, 'teamleder@demo.landsby.no', 'demo-passord-2026');
    const list = (await demoLeader.get('/api/households?language=so')).json();
    expect(list.total).toBeGreaterThan(0);
  });
});

describe("erasure and the household's answers", () => {
  it('removes the free-text comment and diet note of every answer, keeping the anonymous counts', async () => {
    const id = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Svar', lastName: 'Sletteby' }],
    });
    const eventId = await insertEvent(env.db, municipality, { date: '2026-01-20' });
    await invite(env.db, municipality, eventId, id);
    await answer(env.db, municipality, eventId, id, { response: 'coming', adults: 2, children: 1 });
    await query(
      `UPDATE answer SET diet = '{halal}', diet_note = 'Eva tåler ikke nøtter', comment = 'Vi kommer litt sent, Ola jobber'
       WHERE household_id = $1`,
      [id],
    );
    await agent.post(`/api/households/${id}/archive`);
    const erased = await leaderAgent.post(`/api/households/${id}/erase`);
    expect(erased.statusCode, erased.body).toBe(200);

    const left = await query(
      'SELECT household_id, response, adults, children, diet, diet_note, comment FROM answer WHERE event_id = $1',
      [eventId],
    );
    expect(left).toEqual([
      {
        household_id: null,
        response: 'coming',
        adults: 2,
        children: 1,
        diet: ['halal'],
        diet_note: null,
        comment: null,
      },
    ]);
  });
});
