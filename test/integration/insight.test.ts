import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { wilson } from '../../src/domain/statistics.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { answer, attend, createVenue, insertEvent, invite } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// A small history of two cafés, built with SQL as the sending, the answers and the check-in
// would have left it: 6 households invited by e-mail and 6 by letter, twice, one walk-in.
let env: TestEnv;
let municipality: number;
let team: Agent;
let coordinator: Agent;
let admin: Agent;
const E: string[] = [];
const L: string[] = [];
let walkIn = '';
const ev = { first: '', second: '' };

interface Share {
  count: number | { under: number };
  of: number | { under: number };
  share: number | null;
  low: number | null;
  high: number | null;
}

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Innsiktvik');
  const leader = await createUser(env.db, municipality, ['team_leader']);
  const coord = await createUser(env.db, municipality, ['programme_coordinator']);
  const administrator = await createUser(env.db, municipality, ['municipality_admin']);
  team = await loginAs(env.app, leader.email);
  coordinator = await loginAs(env.app, coord.email);
  admin = await loginAs(env.app, administrator.email);
  for (let i = 0; i < 6; i++) {
    E.push(await createHousehold(env.db, municipality));
    L.push(await createHousehold(env.db, municipality));
  }
  walkIn = await createHousehold(env.db, municipality);
  const e = (i: number) => E[i - 1] as string;
  const l = (i: number) => L[i - 1] as string;

  const m = municipality;
  const venueId = await createVenue(team, { name: 'Kantina', address: undefined });
  // A Tuesday with a registration deadline, and a Wednesday without.
  ev.first = await insertEvent(env.db, m, {
    date: '2024-11-19',
    deadline: '2024-11-12',
    venueId,
    food: true,
  });
  ev.second = await insertEvent(env.db, m, { date: '2025-01-22', food: true });
  for (const id of [ev.first, ev.second]) {
    for (const h of E) await invite(env.db, m, id, h, { channel: 'email' });
    for (const h of L) await invite(env.db, m, id, h, { channel: 'letter' });
  }
  const came = { adults: 1, children: 1 };
  for (const h of [e(1), e(2), l(1), l(2), l(3), l(4)]) await answer(env.db, m, ev.first, h, { adults: 1 });
  await answer(env.db, m, ev.first, l(5), { response: 'not_coming', adults: 1 });
  for (const h of [e(1), l(1), l(2), l(3)]) await attend(env.db, m, ev.first, h, came);
  await attend(env.db, m, ev.first, walkIn, { ...came, walkIn: true });
  for (const h of [e(1), l(1), l(4)]) await answer(env.db, m, ev.second, h, { adults: 1 });
  for (const h of [e(1), l(1), l(4), e(3)]) await attend(env.db, m, ev.second, h, came);

  await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, async (tx) => {
    const questions = [
      { id: 'q1', type: 'scale', text: { nb: 'Hvor fornøyd var du?' } },
      {
        id: 'q2',
        type: 'topics',
        text: { nb: 'Tema neste gang?' },
        options: [
          { id: 'o1', text: { nb: 'Samvær' } },
          { id: 'o2', text: { nb: 'Skole' } },
        ],
      },
    ];
    await tx.query(
      `INSERT INTO feedback_form (event_id, municipality_id, code, questions, closes_at)
       VALUES ($1, $2, $3, $4, now())`,
      [ev.first, municipality, `k${randomBytes(5).toString('hex')}`, JSON.stringify(questions)],
    );
    for (const answers of [{ q1: 5, q2: ['o1', 'o2'] }, { q1: 4, q2: ['o1'] }, { q1: 3 }]) {
      await tx.query(
        `INSERT INTO feedback_response (municipality_id, event_id, language, answers) VALUES ($1, $2, 'nb', $3)`,
        [municipality, ev.first, JSON.stringify(answers)],
      );
    }
  });
});
afterAll(() => env?.close());

describe('the insight figures', () => {
  it('counts invited, coming, came and first-timers per café', async () => {
    const response = await team.get('/api/insight');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.hidden).toBe(false);
    expect(body.events).toBe(2);
    expect(body.attendance).toEqual([
      {
        date: '2024-11-19',
        title: 'Fosterhjemskafé',
        venue: 'Kantina',
        invited: 12,
        coming: 6,
        came: 5,
        firstTimers: 5,
      },
      {
        date: '2025-01-22',
        title: 'Fosterhjemskafé',
        venue: null,
        invited: 12,
        coming: 3,
        came: 4,
        firstTimers: 2,
      },
    ]);
  });

  it('follows the first-timers: who came again and how soon', async () => {
    const body = (await team.get('/api/insight')).json();
    expect(body.returners.rows[0]).toMatchObject({ firstTimers: 5, cameAgain: 2, medianDays: 64 });
    expect(body.returners.rows[1]).toMatchObject({ firstTimers: 2, cameAgain: 0, medianDays: null });
    expect(body.returners.total.cameAgain).toEqual(wilson(2, 7));
    expect(body.returners.total.medianDays).toBe(64);
    // 12 households were invited; 6 of them have come at least once (the walk-in was not invited).
    expect(body.everCame).toEqual(wilson(6, 12));
  });

  it('gives each channel its answered and came shares with Wilson intervals, and says when it is too thin', async () => {
    const body = (await team.get('/api/insight')).json();
    const channel = (name: string) => body.channels.rows.find((r: { channel: string }) => r.channel === name);
    expect(channel('email').answered).toEqual(wilson(3, 12));
    expect(channel('email').came).toEqual(wilson(3, 12));
    expect(channel('letter').answered).toEqual(wilson(7, 12));
    expect(channel('letter').came).toEqual(wilson(5, 12));
    const letterCame = channel('letter').came as Share;
    expect(letterCame.low).toBeCloseTo(0.1933, 3);
    expect(letterCame.high).toBeCloseTo(0.6805, 3);
    expect(channel('sms').came).toEqual(wilson(0, 0));
    expect(body.channels.comparisons).toContainEqual({
      a: 'letter',
      b: 'email',
      measure: 'came',
      verdict: 'too_thin',
    });
    expect(body.channels.comparisons).toContainEqual({
      a: 'digital_mail',
      b: 'email',
      measure: 'answered',
      verdict: 'too_thin',
    });
  });

  it('compares deadline, venue, weekday and travel time the same way', async () => {
    const body = (await team.get('/api/insight')).json();
    expect(body.deadline.rows).toEqual([
      { group: 'deadline', events: 1, invited: 12, came: wilson(4, 12) },
      { group: 'no_deadline', events: 1, invited: 12, came: wilson(4, 12) },
    ]);
    expect(body.deadline.comparison).toEqual({ a: 'deadline', b: 'no_deadline', verdict: 'too_thin' });
    expect(body.venues.rows.map((r: { group: string }) => r.group)).toEqual(['', 'Kantina']);
    expect(body.weekdays.rows.map((r: { group: string; events: number }) => [r.group, r.events])).toEqual([
      ['2', 1],
      ['3', 1],
    ]);
    expect(body.travel.rows.map((r: { group: string }) => r.group)).toEqual([
      '0-15',
      '15-30',
      '30-60',
      '60-90',
      '90+',
      'unknown',
    ]);
    const invited = body.travel.rows.reduce((sum: number, r: { invited: number }) => sum + r.invited, 0);
    expect(invited).toBe(24);
  });

  it('shows the feedback per café and ranks the topic wishes', async () => {
    const body = (await team.get('/api/insight')).json();
    expect(body.feedback.rows).toEqual([
      { date: '2024-11-19', title: 'Fosterhjemskafé', responses: 3, mean: 4 },
    ]);
    expect(body.topics.rows).toEqual([
      { topic: 'Samvær', count: 2 },
      { topic: 'Skole', count: 1 },
    ]);
  });

  it('takes a period', async () => {
    const body = (await team.get('/api/insight?from=2025-01-01&to=2025-06-30')).json();
    expect(body.events).toBe(1);
    expect(body.attendance[0].date).toBe('2025-01-22');
    expect((await team.get('/api/insight?from=2025-06-30&to=2025-01-01')).statusCode).toBe(400);
    expect((await team.get('/api/insight?from=igår')).statusCode).toBe(400);
  });

  it('audits one read per request, without any person', async () => {
    const before = await auditCount();
    await team.get('/api/insight');
    expect(await auditCount()).toBe(before + 1);
  });
});

const auditCount = async () =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, async (tx) => {
    const [row] = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE record_type = 'insight' AND action = 'read' AND subject_id IS NULL",
    );
    return row?.n ?? 0;
  });

describe('what a programme coordinator sees', () => {
  it('shows every count under 5 as { under: 5 }, and no share or mean made from one', async () => {
    const response = await coordinator.get('/api/insight');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.hidden).toBe(true);
    expect(body.attendance[1]).toMatchObject({ invited: 12, coming: { under: 5 }, came: { under: 5 } });
    expect(body.attendance[0]).toMatchObject({ came: 5, firstTimers: 5 });
    const email = body.channels.rows.find((r: { channel: string }) => r.channel === 'email');
    expect(email.came).toEqual({ count: { under: 5 }, of: 12, share: null, low: null, high: null });
    expect(body.everCame).toEqual(wilson(6, 12));
    expect(body.returners.rows[0]).toMatchObject({ cameAgain: { under: 5 }, medianDays: null });
    expect(body.feedback.rows[0]).toMatchObject({ responses: { under: 5 }, mean: null });
    expect(body.topics.rows[0].count).toEqual({ under: 5 });
    // Nowhere a number under 5 as a count of households.
    const small = JSON.stringify(body).match(
      /"(invited|coming|came|firstTimers|cameAgain|count|of|responses)":[0-4][,}]/g,
    );
    expect(small).toBeNull();
  });

  it('writes "under 5" in the exports too', async () => {
    const csv = (await coordinator.get('/api/insight/attendance-over-time.csv')).body;
    expect(csv).toContain('2025-01-22;Fosterhjemskafé;;12;under 5;under 5;under 5');
  });

  it('is refused to a role without insight:read', async () => {
    expect((await admin.get('/api/insight')).statusCode).toBe(403);
    expect((await admin.get('/api/insight/channels.csv')).statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('gives each figure as CSV: semicolons, a byte-order mark, Norwegian headings', async () => {
    const response = await team.get('/api/insight/attendance-over-time.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="landsby-attendance-over-time-/,
    );
    expect(response.body.startsWith('\uFEFFDato;Kafé;Lokale;Inviterte;Påmeldt;Kom;Første gang\n')).toBe(true);
    expect(response.body).toContain('2024-11-19;Fosterhjemskafé;Kantina;12;6;5;5');
    const channels = (await team.get('/api/insight/channels.csv')).body;
    expect(channels.split('\n')[0]).toContain('Kanal;Svarte;Av;Andel %');
    expect(channels).toContain('Brev;7;12;58.3;');
  });

  it('gives each figure as an Excel file that opens', async () => {
    for (const figure of ['attendance-over-time', 'channels', 'travel-time', 'topics']) {
      const response = await team.get(`/api/insight/${figure}.xlsx`);
      expect(response.statusCode, figure).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet?.getRow(1).getCell(1).value, figure).toBeTruthy();
    }
    const response = await team.get('/api/insight/attendance-over-time.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Dato',
      'Kafé',
      'Lokale',
      'Inviterte',
      'Påmeldt',
      'Kom',
      'Første gang',
    ]);
    expect(sheet?.getRow(2).getCell(6).value).toBe(5);
  });

  it('makes a one-page A4 season summary', async () => {
    const response = await team.get('/api/insight/season.pdf?term=autumn&year=2024');
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    expect(pdf.getTitle()).toBe('Fosterhjemskafé høsten 2024');
    expect((await coordinator.get('/api/insight/season.pdf?term=spring&year=2025')).statusCode).toBe(200);
    expect((await team.get('/api/insight/season.pdf?term=summer&year=2024')).statusCode).toBe(400);
  });
});

describe('the first-timers over several visits', () => {
  // Four cafés and five households, counted by hand: A came to 1, 3 and 4; B to 2 and 4; C to 1
  // only; D to 3 only (a walk-in); E to 4 only. Cafés 1–4 are 2023-03-07, -04-04, -05-02, -06-06.
  let leader: Agent;
  beforeAll(async () => {
    const m = await createMunicipality(env.db, 'Gjentakvik');
    leader = await loginAs(env.app, (await createUser(env.db, m, ['team_leader'])).email);
    const dates = ['2023-03-07', '2023-04-04', '2023-05-02', '2023-06-06'];
    const cafes: string[] = [];
    for (const date of dates) cafes.push(await insertEvent(env.db, m, { date }));
    const visits: Record<string, number[]> = { A: [1, 3, 4], B: [2, 4], C: [1], D: [3], E: [4] };
    for (const [name, numbers] of Object.entries(visits)) {
      const household = await createHousehold(env.db, m);
      for (const n of numbers) {
        const cafe = cafes[n - 1] as string;
        if (name !== 'D') await invite(env.db, m, cafe, household, { channel: 'email' });
        await attend(env.db, m, cafe, household, { adults: 1, walkIn: name === 'D' });
      }
    }
  });

  it('counts each household once, at its first café, and days until its next café', async () => {
    const body = (await leader.get('/api/insight')).json();
    const rows = body.returners.rows.map((r: { date: string; firstTimers: number; cameAgain: number }) => [
      r.date,
      r.firstTimers,
      r.cameAgain,
    ]);
    // Café 1: A (back at café 3, 56 days later) and C (never back). Café 2: B (back at café 4,
    // 63 days). Café 3: D (never back; A was no first-timer there). Café 4: E.
    expect(rows).toEqual([
      ['2023-03-07', 2, 1],
      ['2023-04-04', 1, 1],
      ['2023-05-02', 1, 0],
      ['2023-06-06', 1, 0],
    ]);
    expect(body.returners.rows.map((r: { medianDays: number | null }) => r.medianDays)).toEqual([
      56,
      63,
      null,
      null,
    ]);
    expect(body.returners.total.medianDays).toBe(59.5);
    expect(body.attendance.map((r: { firstTimers: number }) => r.firstTimers)).toEqual([2, 1, 1, 1]);
  });

  it('counts a household whose first café is before the period at none of the period', async () => {
    const csv = (await leader.get('/api/insight/returners.csv?from=2023-05-01')).body;
    // A's first café (1) and B's (2) are before the period: only D at café 3 and E at café 4.
    expect(csv).toContain('2023-05-02;Fosterhjemskafé;1;0;');
    expect(csv).toContain('2023-06-06;Fosterhjemskafé;1;0;');
    expect(csv).not.toContain('2023-03-07');
  });
});
