import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { QR_PNG_SIZE } from '../../src/documents/qr-sheet.js';
import type { FeedbackQuestion } from '../../src/features/feedback/contract.js';
import { defaultQuestions } from '../../src/features/feedback/service/default-form.js';
import { browserLanguage } from '../../src/server/public-page.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent } from '../support/cafe.js';
import { createMunicipality, createUser } from '../support/factories.js';

// The feedback form that replaces Microsoft Forms and the team's evaluation after the café: the form composed and checked, its QR code read back, the public page in the
// respondent's language, anonymous responses (one per phone), the results and the evaluation.

// jsqr is CommonJS with ES-module typings: from Node, its default import is the module.
const jsQR = jsQRModule.default;

let env: TestEnv;
let municipality: number;
let agent: Agent;
let eventId: string;
let earlierEventId: string;
let code: string;

const sql = <T>(text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<T>(text, params),
  );

const publicGet = (path: string, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'GET', url: path, headers });
const publicPost = (fields: Record<string, string | string[]>, cookie?: string) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return env.app.inject({
    method: 'POST',
    url: `/t/${code}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    payload: body.toString(),
  });
};
const responseCount = async () =>
  Number(
    (
      await sql<{ n: number }>('SELECT count(*)::int AS n FROM feedback_response WHERE event_id = $1', [
        eventId,
      ])
    )[0]?.n,
  );

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Asker');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne', lastName: 'Aas' });
  agent = await loginAs(env.app, anne.email);
  earlierEventId = await createEvent(agent, { title: 'Vårkafé', date: '2099-02-17', confirmDate: true });
  eventId = await createEvent(agent, { date: '2099-03-17', confirmDate: true });
});
afterAll(() => env.close());

function form(questions: FeedbackQuestion[] = defaultQuestions(), extra: Record<string, unknown> = {}) {
  return { questions, languages: ['nb', 'nn', 'en'], closesAt: '2099-03-24T19:00:00.000Z', ...extra };
}

describe('the feedback form', () => {
  it('starts from the default form in bokmål, nynorsk and English, open a week after the event', async () => {
    const response = await agent.get(`/api/events/${eventId}/feedback`);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({ saved: false, code: null, url: null, version: 0, responses: 0 });
    expect(view.languages).toEqual(['nb', 'nn', 'en']);
    expect(view.questions.map((q: FeedbackQuestion) => q.type)).toEqual([
      'scale',
      'scale',
      'single',
      'topics',
      'text',
    ]);
    for (const q of view.questions as FeedbackQuestion[]) {
      for (const l of ['nb', 'nn', 'en']) expect(q.text[l], `${q.id} ${l}`).toBeTruthy();
    }
    expect(view.questions[3].options.map((o: { text: { nb: string } }) => o.text.nb)).toContain(
      'Sorg og tap',
    );
    // 20:00 in Oslo on 17 March 2099 is 19:00 UTC; a week later.
    expect(view.closesAt).toBe('2099-03-24T19:00:00.000Z');
  });

  it('has no QR code before the form is saved', async () => {
    const response = await agent.get(`/api/events/${eventId}/feedback/qr.png`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('feedback.not_saved');
  });

  it('refuses a form that is not complete, naming each place', async () => {
    const questions = defaultQuestions();
    questions[2] = {
      ...(questions[2] as FeedbackQuestion),
      options: [{ id: 'o1', text: { nb: 'Ja', nn: 'Ja', en: 'Yes' } }],
    };
    questions[0] = {
      ...(questions[0] as FeedbackQuestion),
      text: { nb: 'Hvordan var det?', nn: 'Korleis var det?' },
    };
    const response = await agent.put(`/api/events/${eventId}/feedback`, form(questions));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('feedback.form_invalid');
    expect(response.json().message).toMatch(/språk/);
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        { field: 'questions.0.text.en', rule: 'required' },
        { field: 'questions.2.options', rule: 'minItems' },
      ]),
    );

    const unknownType = await agent.put(
      `/api/events/${eventId}/feedback`,
      form([{ id: 'q1', type: 'stars' as 'scale', text: { nb: 'a', nn: 'a', en: 'a' } }]),
    );
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().code).toBe('validation.invalid');

    const unknownLanguage = await agent.put(
      `/api/events/${eventId}/feedback`,
      form(undefined, { languages: ['nb', 'xx'] }),
    );
    expect(unknownLanguage.json().code).toBe('validation.invalid');

    const duplicate = defaultQuestions();
    (duplicate[1] as FeedbackQuestion).id = 'q1';
    const dup = await agent.put(`/api/events/${eventId}/feedback`, form(duplicate));
    expect(dup.json().details).toEqual([{ field: 'questions.1.id', rule: 'unique' }]);

    const early = await agent.put(
      `/api/events/${eventId}/feedback`,
      form(undefined, { closesAt: '2099-03-17T10:00:00Z' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('feedback.closes_too_early');
    const late = await agent.put(
      `/api/events/${eventId}/feedback`,
      form(undefined, { closesAt: '2099-12-24T10:00:00Z' }),
    );
    expect(late.json().code).toBe('feedback.closes_too_late');

    expect((await agent.get(`/api/events/${eventId}/feedback`)).json().saved).toBe(false);
  });

  it('saves the form: the first save makes an 8-character code and the short link', async () => {
    const questions = defaultQuestions();
    (questions[1] as FeedbackQuestion).text = {
      nb: 'Hva syntes du om foredraget om tilknytning?',
      nn: 'Kva syntest du om foredraget om tilknyting?',
      en: 'What did you think of the talk on attachment?',
    };
    // Options of a scale question are dropped; texts are trimmed.
    (questions[0] as FeedbackQuestion).options = [{ id: 'x', text: { nb: 'x' } }];
    (questions[4] as FeedbackQuestion).text.nb = '  Noe annet?  ';
    const response = await agent.put(`/api/events/${eventId}/feedback`, form(questions));
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.saved).toBe(true);
    expect(view.code).toMatch(/^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/);
    expect(view.url).toBe(`http://landsby.test/t/${view.code}`);
    expect(view.version).toBe(1);
    expect(view.open).toBe(true);
    expect(view.questions[0].options).toBeUndefined();
    expect(view.questions[4].text.nb).toBe('Noe annet?');
    code = view.code;

    const again = await agent.put(`/api/events/${eventId}/feedback`, form(questions, { version: 1 }));
    expect(again.json()).toMatchObject({ code, version: 2 });
    const stale = await agent.put(`/api/events/${eventId}/feedback`, form(questions, { version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('feedback.conflict');

    const audited = await sql<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_type = 'feedback_form' AND record_id = $1 ORDER BY id",
      [eventId],
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('gives a QR code (PNG and SVG) that reads as the short link', async () => {
    const png = await agent.get(`/api/events/${eventId}/feedback/qr.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const image = PNG.sync.read(png.rawPayload);
    expect(image.width).toBe(QR_PNG_SIZE);
    expect(image.height).toBe(QR_PNG_SIZE);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
      `http://landsby.test/t/${code}`,
    );

    const svg = await agent.get(`/api/events/${eventId}/feedback/qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
    expect(svg.body.trim()).toMatch(/<\/svg>$/);
    const download = await agent.get(`/api/events/${eventId}/feedback/qr.svg?download=1`);
    expect(download.headers['content-disposition']).toMatch(/attachment/);
  });

  it('prints an A4 sheet of one page whose QR code reads as the short link', async () => {
    const response = await agent.get(`/api/events/${eventId}/feedback/sheet.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    // Looked at as the printer would, when Poppler is there (the letter tests require it).
    if (spawnSync('pdftoppm', ['-v']).error) return;
    const dir = mkdtempSync(join(tmpdir(), 'feedback-sheet-'));
    try {
      writeFileSync(join(dir, 'sheet.pdf'), response.rawPayload);
      spawnSync('pdftoppm', ['-png', '-r', '100', '-singlefile', join(dir, 'sheet.pdf'), join(dir, 'sheet')]);
      const page = PNG.sync.read(readFileSync(join(dir, 'sheet.png')));
      expect(jsQR(new Uint8ClampedArray(page.data), page.width, page.height)?.data).toBe(
        `http://landsby.test/t/${code}`,
      );
      const text = spawnSync('pdftotext', [join(dir, 'sheet.pdf'), '-']).stdout.toString();
      expect(text).toContain('Fosterhjemskafé');
      expect(text).toContain(`landsby.test/t/${code}`);
      expect(text).toContain('Skann koden');
      expect(text).toContain('Scan the code');
      expect(text).toContain('fortel oss');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the public form at /t/<code>', () => {
  it('speaks the language of ?lang=, else of the browser, else the form’s first', async () => {
    const en = await publicGet(`/t/${code}?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('What did you think of the talk on attachment?');
    expect(en.body).toContain('Your own health as a foster parent');
    expect(en.headers['cache-control']).toBe('no-store');

    const nn = await publicGet(`/t/${code}`, { 'accept-language': 'en;q=0.5, nn-NO, nb;q=0.9' });
    expect(nn.body).toContain('<html lang="nn"');
    expect(nn.body).toContain('Korleis var kvelden for deg?');

    const norwegian = await publicGet(`/t/${code}`, { 'accept-language': 'no' });
    expect(norwegian.body).toContain('<html lang="nb"');
    const first = await publicGet(`/t/${code}`, { 'accept-language': 'de-DE' });
    expect(first.body).toContain('<html lang="nb"');
    expect(first.body).toContain('Hvordan var kvelden for deg?');
    // A language the form does not have: the browser's, then the first.
    const notInForm = await publicGet(`/t/${code}?lang=ar`, { 'accept-language': 'en' });
    expect(notInForm.body).toContain('<html lang="en"');
    // Links between the form's languages.
    expect(first.body).toContain(`href="/t/${code}?lang=en"`);
    expect(first.body).toContain(`href="/t/${code}?lang=nn"`);
  });

  it('picks the browser language by weight', () => {
    expect(browserLanguage('fr, en;q=0.8, nb;q=0.9', ['nb', 'en'])).toBe('nb');
    expect(browserLanguage('nb-NO;q=0, en', ['nb', 'en'])).toBe('en');
    expect(browserLanguage(undefined, ['nb'])).toBeUndefined();
  });

  it('answers a wrong code with a friendly page', async () => {
    for (const wrong of ['zzzzzzzz', 'BAD', 'a'.repeat(40)]) {
      const response = await publicGet(`/t/${wrong}`);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('Vi finner ikke skjemaet');
    }
  });

  it('stores an anonymous response, linked to no household or person, and says thank you', async () => {
    const auditBefore = await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const response = await publicPost({
      lang: 'en',
      q_q1: '4',
      q_q2: '5',
      q_q3: 'o1',
      q_q4: ['o2', 'o5'],
      q_q5: '  A lovely evening  ',
    });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`/t/${code}?lang=en&takk=1`);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^fb_${code}=1;`));
    expect(cookie).toContain(`Path=/t/${code}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    const untilClose = (Date.parse('2099-03-24T19:00:00Z') - Date.now()) / 1000;
    expect(Math.abs(maxAge - untilClose)).toBeLessThan(60);

    const rows = await sql<Record<string, unknown>>('SELECT * FROM feedback_response WHERE event_id = $1', [
      eventId,
    ]);
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    // Nothing but the event, the language and the answers: no household, person, address or device.
    expect(Object.keys(row).sort()).toEqual([
      'answers',
      'created_at',
      'event_id',
      'id',
      'language',
      'municipality_id',
    ]);
    expect(row.language).toBe('en');
    expect(row.answers).toEqual({ q1: 4, q2: 5, q3: 'o1', q4: ['o2', 'o5'], q5: 'A lovely evening' });
    // The respondent is not audited: there is no one to audit.
    const auditAfter = await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(auditAfter[0]?.n).toBe(auditBefore[0]?.n);

    const thanks = await publicGet(`/t/${code}?lang=en&takk=1`, { cookie: `fb_${code}=1` });
    expect(thanks.body).toContain('Thank you for your answer!');
  });

  it('refuses a second response from the same phone, kindly, and stores nothing', async () => {
    const before = await responseCount();
    const again = await publicPost({ lang: 'nb', q_q1: '1' }, `fb_${code}=1`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Takk, dere har alt svart');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(await responseCount()).toBe(before);
    const page = await publicGet(`/t/${code}`, { cookie: `fb_${code}=1` });
    expect(page.body).toContain('Takk, dere har alt svart');
    expect(page.body).not.toContain('<form');
  });

  it('asks for at least one answer and refuses values the form cannot give', async () => {
    const before = await responseCount();
    const empty = await publicPost({ lang: 'nb', q_q5: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Svar på minst ett spørsmål');
    expect(empty.body).toContain('role="alert"');
    const wrong: Record<string, string | string[]>[] = [
      { q_q1: '9' },
      { q_q3: ['o1', 'o2'] },
      { q_q4: 'o99' },
      { q_q5: 'x'.repeat(1001) },
    ];
    for (const fields of wrong) {
      const response = await publicPost({ lang: 'nb', ...fields });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Svaret ble ikke sendt');
    }
    expect(await responseCount()).toBe(before);
  });

  it('counts the results: options, scale means, free texts and N', async () => {
    // A second phone.
    expect((await publicPost({ lang: 'nb', q_q1: '2', q_q3: 'o2', q_q4: 'o2' })).statusCode).toBe(303);
    const response = await agent.get(`/api/events/${eventId}/feedback/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results.responses).toBe(2);
    const [q1, q2, q3, q4, q5] = results.questions;
    expect(q1).toMatchObject({ type: 'scale', answered: 2, mean: 3, distribution: [0, 1, 0, 1, 0] });
    expect(q2).toMatchObject({ answered: 1, mean: 5 });
    expect(q3.options.map((o: { id: string; count: number }) => [o.id, o.count])).toEqual([
      ['o1', 1],
      ['o2', 1],
      ['o3', 0],
    ]);
    // Topics: the most wished first.
    expect(q4.options[0]).toMatchObject({ id: 'o2', count: 2 });
    expect(q4.options[0].text.nb).toBe('Tenåringer');
    expect(q5).toMatchObject({ type: 'text', answered: 1, texts: ['A lovely evening'] });
    expect((await agent.get(`/api/events/${eventId}/feedback`)).json().responses).toBe(2);
  });

  it('closes at closesAt: a friendly page, and nothing stored', async () => {
    await sql("UPDATE feedback_form SET closes_at = now() - interval '1 minute' WHERE event_id = $1", [
      eventId,
    ]);
    const before = await responseCount();
    const page = await publicGet(`/t/${code}?lang=nb`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Skjemaet er stengt');
    expect(page.body).not.toContain('<form');
    const post = await publicPost({ lang: 'nb', q_q1: '5' });
    expect(post.statusCode).toBe(409);
    expect(post.body).toContain('Skjemaet er stengt');
    expect(await responseCount()).toBe(before);
    expect((await agent.get(`/api/events/${eventId}/feedback`)).json().open).toBe(false);
  });

  it('is right to left in Arabic, and prints the Arabic line on the sheet', async () => {
    const saved = await agent.put(`/api/events/${earlierEventId}/feedback`, {
      questions: [{ id: 'q1', type: 'scale', text: { nb: 'Hvordan var det?', ar: 'كيف كان اللقاء؟' } }],
      languages: ['ar', 'nb'],
      closesAt: '2099-02-24T19:00:00.000Z',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const page = await publicGet(`/t/${saved.json().code}`);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('كيف كان اللقاء؟');
    expect(page.body).toContain('أرسل الإجابة');
    const sheet = await agent.get(`/api/events/${earlierEventId}/feedback/sheet.pdf`);
    expect(sheet.statusCode).toBe(200);
    expect((await PDFDocument.load(sheet.rawPayload)).getPageCount()).toBe(1);
  });

  it('is rate limited with a page that says to wait', async () => {
    let last = 200;
    for (let i = 0; i < 130 && last !== 429; i++) {
      last = (await env.app.inject({ method: 'GET', url: '/t/zzzzzzzz', remoteAddress: '10.9.8.7' }))
        .statusCode;
    }
    expect(last).toBe(429);
    const busy = await env.app.inject({ method: 'GET', url: '/t/zzzzzzzz', remoteAddress: '10.9.8.7' });
    expect(busy.headers['content-type']).toMatch(/text\/html/);
    expect(busy.body).toContain('Vent litt');
  });
});

describe("the team's evaluation", () => {
  const notes = {
    wentWell: 'God stemning, mange nye.',
    changeNext: 'Start tidligere med maten.',
    attendanceNote: '14 voksne, 6 barn.',
    programmeNote: 'Foredraget traff godt.',
  };

  it('is empty at first, then saved with an optimistic version check', async () => {
    const empty = await agent.get(`/api/events/${earlierEventId}/evaluation`);
    expect(empty.json()).toMatchObject({ version: 0, wentWell: null, updatedAt: null });

    const saved = await agent.put(`/api/events/${earlierEventId}/evaluation`, { ...notes, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...notes, version: 1, updatedBy: 'Anne Aas' });

    const first = await agent.put(`/api/events/${earlierEventId}/evaluation`, {
      wentWell: 'Dobbelt',
      version: 0,
    });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('evaluation.conflict');
    expect(first.json().message).toMatch(/Noen andre/);

    const edited = await agent.put(`/api/events/${earlierEventId}/evaluation`, {
      ...notes,
      programmeNote: '  ',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ version: 2, programmeNote: null });
    const stale = await agent.put(`/api/events/${earlierEventId}/evaluation`, { ...notes, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await agent.get(`/api/events/${earlierEventId}/evaluation`)).json().programmeNote).toBeNull();

    const audited = await sql<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_type = 'event_evaluation' AND record_id = $1 ORDER BY id",
      [earlierEventId],
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('shows the last evaluation beside the next event', async () => {
    const previous = await agent.get(`/api/events/${eventId}/previous-evaluation`);
    expect(previous.statusCode).toBe(200);
    expect(previous.json().previous).toMatchObject({
      event: { id: earlierEventId, title: 'Vårkafé', date: '2099-02-17' },
      evaluation: { wentWell: notes.wentWell, changeNext: notes.changeNext, version: 2 },
    });
    const none = await agent.get(`/api/events/${earlierEventId}/previous-evaluation`);
    expect(none.json()).toEqual({ previous: null });
  });

  it('is for the team: a logged-out client gets 401', async () => {
    const anonymous = new Agent(env.app);
    expect((await anonymous.get(`/api/events/${eventId}/evaluation`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/events/${eventId}/feedback/results`)).statusCode).toBe(401);
  });
});
