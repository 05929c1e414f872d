import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../src/db/tenant.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue, sendInvitations } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let agent: Agent;
let eventId: string;
/** Each household's answer link token, by its e-mail address. */
const tokens = new Map<string, string>();

const PEOPLE = ['kari', 'siri', 'lars', 'nina', 'per', 'ali'] as const;
const tokenOf = (name: string) => tokens.get(`${name}@example.no`) as string;

const page = (token: string) => env.app.inject({ method: 'GET', url: `/svar/${token}` });
const post = (token: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return env.app.inject({
    method: 'POST',
    url: `/svar/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
};
const sql = <T>(text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<T>(text, params),
  );
const mailsTo = (name: string) =>
  env.smtp.messages.filter((m) => [m.to].flat()[0]?.value[0]?.address === `${name}@example.no`);

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Asker');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  agent = await loginAs(env.app, anne.email);
  eventId = await createEvent(agent, {
    date: '2099-03-17',
    venueId: await createVenue(agent),
    capacity: 4,
    programme: [{ kind: 'talk', title: 'Tilknytning i hverdagen', minutes: 25, speaker: null }],
    hostUserIds: [anne.id],
  });
  for (const name of PEOPLE) {
    await createHousehold(env.db, municipality, {
      adults: [
        {
          firstName: name[0]?.toUpperCase() + name.slice(1),
          lastName: 'Etternavnsen',
          email: `${name}@example.no`,
          preferredChannels: ['email'],
          preferredLanguage: name === 'ali' ? 'ar' : 'nb',
        },
      ],
    });
  }
  await sendInvitations(agent, eventId);
  for (const mail of env.smtp.messages) {
    const token = /\/svar\/([\w-]{22})/.exec(mail.text ?? '')?.[1];
    const to = [mail.to].flat()[0]?.value[0]?.address;
    if (token && to) tokens.set(to, token);
  }
  expect(tokens.size).toBe(PEOPLE.length);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe("the household's answer page", () => {
  it('shows the event, the programme, the venue with a map link and the first names only, with no login', async () => {
    const response = await page(tokenOf('kari'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const html = response.body;
    expect(html).toContain('<html lang="nb" dir="ltr">');
    expect(html).toContain('Hei Kari!');
    expect(html).toContain('Fosterhjemskafé');
    expect(html).toContain('Tilknytning i hverdagen');
    expect(html).toContain('https://www.openstreetmap.org/search?query=Torget%201');
    expect(html).not.toContain('Etternavnsen');
    expect(html).not.toContain('<script');
  });

  it('speaks Arabic from right to left to a household that prefers it', async () => {
    const html = (await page(tokenOf('ali'))).body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('هل ستحضرون؟');
  });

  it('says kindly what to do with a wrong link', async () => {
    const response = await page('AAAAAAAAAAAAAAAAAAAAAA');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Lenken virker ikke');
    expect((await page('not-a-token')).statusCode).toBe(404);
  });

  it('saves an answer, shows it, and confirms it by e-mail with a calendar file', async () => {
    const saved = await post(tokenOf('kari'), {
      response: 'coming',
      adults: '2',
      children: '1',
      diet: ['halal', 'nut_allergy'],
      dietNote: 'Liten porsjon til minstemann',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/svar/${tokenOf('kari')}?lagret=1`);
    const html = (await env.app.inject({ method: 'GET', url: saved.headers.location as string })).body;
    expect(html).toContain('Takk! Svaret er lagret.');
    expect(html).toContain('Dere kommer: 2 voksne og 1 barn.');
    expect(html).toMatch(/value="halal" checked/);
    await expect.poll(() => mailsTo('kari').length, { timeout: 20_000 }).toBe(2);
    const confirmation = mailsTo('kari')[1];
    expect(confirmation?.text).toContain('2 voksne og 1 barn');
    expect(confirmation?.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
  });

  it('keeps what was typed and says what is wrong, storing nothing', async () => {
    const long = 'x'.repeat(50_000);
    const response = await post(tokenOf('siri'), {
      response: 'coming',
      adults: '-1',
      children: '0',
      comment: long,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Noe må rettes');
    expect(response.body).toMatch(/id="adults"[^>]*value="-1"[^>]*aria-invalid="true"/);
    expect(response.body).toContain('Kommentaren kan være høyst 1000 tegn.');
    const nothing = await post(tokenOf('siri'), { adults: '1' });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Velg om dere kommer.');
    expect(
      await sql(
        'SELECT 1 FROM answer a JOIN invitation i ON i.id = a.invitation_id JOIN adult d ON d.household_id = i.household_id WHERE d.email = $1',
        ['siri@example.no'],
      ),
    ).toHaveLength(0);
  });

  it('puts a household on the waiting list when full and moves it up when someone declines', async () => {
    // Kari's household is 3 of 4 places; Siri's 2 do not fit.
    expect((await post(tokenOf('siri'), { response: 'coming', adults: '2', children: '0' })).statusCode).toBe(
      303,
    );
    expect((await page(tokenOf('siri'))).body).toContain('venteliste som nummer 1');
    // No place yet, so no calendar file: the link is not offered, and the file's address leads back to the page.
    expect((await page(tokenOf('siri'))).body).not.toContain('kafe.ics');
    const waitingIcs = await env.app.inject({ method: 'GET', url: `/svar/${tokenOf('siri')}/kafe.ics` });
    expect(waitingIcs.statusCode).toBe(303);
    expect(waitingIcs.headers.location).toBe(`/svar/${tokenOf('siri')}`);
    // Lars would fit (1 place left) but joins the line behind Siri.
    expect((await post(tokenOf('lars'), { response: 'coming', adults: '1', children: '0' })).statusCode).toBe(
      303,
    );
    expect((await page(tokenOf('lars'))).body).toContain('venteliste som nummer 2');
    await expect
      .poll(() => mailsTo('siri').some((m) => m.subject?.includes('venteliste')), { timeout: 20_000 })
      .toBe(true);

    // Kari's household cannot come after all: Siri's (2) and then Lars's (1) move up, and are told so.
    expect((await post(tokenOf('kari'), { response: 'not_coming' })).statusCode).toBe(303);
    expect((await page(tokenOf('siri'))).body).toContain('Dere kommer: 2 voksne og 0 barn.');
    expect((await page(tokenOf('siri'))).body).toContain(`/svar/${tokenOf('siri')}/kafe.ics`);
    expect((await page(tokenOf('lars'))).body).toContain('Dere kommer: 1 voksen og 0 barn.');
    await expect
      .poll(() => mailsTo('siri').some((m) => m.subject?.startsWith('Det ble plass')), { timeout: 20_000 })
      .toBe(true);
    // Each household that moved up (Siri's and Lars's: the only ones coming now) has its own audit entry.
    const comingNow = await sql<{ householdId: string }>(
      `SELECT household_id AS "householdId" FROM answer
       WHERE event_id = $1 AND response = 'coming' AND waiting_since IS NULL`,
      [eventId],
    );
    const audited = await sql<{ subjectId: string }>(
      `SELECT subject_id AS "subjectId" FROM audit_log
       WHERE action = 'update' AND record_type = 'household' AND details->>'via' = 'promotion'
         AND details->>'eventId' = $1`,
      [eventId],
    );
    expect(comingNow).toHaveLength(2);
    expect(audited.map((r) => r.subjectId).sort()).toEqual(comingNow.map((r) => r.householdId).sort());
  });

  it('refuses more persons than there is room for from a household already coming', async () => {
    // Siri 2 + Lars 1 = 3 of 4: Siri's household cannot grow to 4.
    const response = await post(tokenOf('siri'), { response: 'coming', adults: '2', children: '2' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Det er ikke plass til flere.');
    expect((await page(tokenOf('siri'))).body).toContain('Dere kommer: 2 voksne og 0 barn.');
  });

  it('never lets simultaneous answers pass the capacity', async () => {
    await post(tokenOf('siri'), { response: 'not_coming' });
    await post(tokenOf('lars'), { response: 'not_coming' });
    const answers = await Promise.all(
      ['nina', 'per', 'ali', 'kari', 'siri', 'lars'].map((name) =>
        post(tokenOf(name), { response: 'coming', adults: '1', children: '1' }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 303)).toBe(true);
    const [row] = await sql<{ confirmed: number; waiting: number }>(
      `SELECT COALESCE(sum(adults + children) FILTER (WHERE waiting_since IS NULL), 0)::int AS confirmed,
         count(*) FILTER (WHERE waiting_since IS NOT NULL)::int AS waiting
       FROM answer WHERE event_id = $1 AND response = 'coming'`,
      [eventId],
    );
    expect(row).toEqual({ confirmed: 4, waiting: 4 });
  });

  it('offers the event as a calendar file to a household with a place', async () => {
    let seated: string | undefined;
    for (const name of PEOPLE) {
      if ((await page(tokenOf(name))).body.includes('Dere kommer:')) seated = tokenOf(name);
    }
    const ics = await env.app.inject({ method: 'GET', url: `/svar/${seated}/kafe.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20990317T170000Z');
  });

  it('after the deadline shows how to reach the team instead of the form, and refuses a change', async () => {
    await sql("UPDATE event SET deadline = (now() - interval '2 days')::date WHERE id = $1", [eventId]);
    const html = (await page(tokenOf('per'))).body;
    expect(html).toContain('Svarfristen var');
    expect(html).toContain('ta kontakt med Anne');
    expect(html).not.toContain('<form');
    const late = await post(tokenOf('per'), { response: 'not_coming' });
    expect(late.statusCode).toBe(409);
    await sql('UPDATE event SET deadline = NULL WHERE id = $1', [eventId]);
  });

  it('slows down whoever tries many links, with a page that says to wait', async () => {
    const tries = await Promise.all(
      Array.from({ length: 35 }, () =>
        env.app.inject({ method: 'GET', url: '/svar/BBBBBBBBBBBBBBBBBBBBBB', remoteAddress: '10.9.8.7' }),
      ),
    );
    const refused = tries.filter((t) => t.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.headers['content-type']).toContain('text/html');
    expect(refused[0]?.body).toContain('Vent litt');
  });

  it('stops working once the event has passed', async () => {
    await sql(
      "UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' WHERE id = $1",
      [eventId],
    );
    const response = await page(tokenOf('kari'));
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Lenken virker ikke');
  });
});
