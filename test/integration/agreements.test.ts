import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import type { AgreementSent, AgreementView } from '../../src/features/agreements/contract.js';
import { remindEndingAgreements } from '../../src/features/agreements/index.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { completeCourse } from '../support/courses.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// The agreement (oppdragsavtale, seed 003): the KS rate table, the terms, the PDF, signing by each
// of the resource family's adults through a personal link, and the reminder 60 days before the end.
let env: TestEnv;
let municipality: number;
let agent: Agent;
let caseworker: TestUser;
let second: TestUser;
const dir = mkdtempSync(join(tmpdir(), 'agreements-'));
const thisYear = Number(inDays(0).slice(0, 4));

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Askerløkka');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { email: 'saksbehandler@asker.test' });
  second = await createUser(env.db, municipality, ['team_leader'], { email: 'leder@asker.test' });
  agent = await loginAs(env.app, caseworker.email);
});
afterAll(() => env.close());

/** A network whose resource family has two adults with e-mail addresses. */
async function networkWithTwoAdults(name: string): Promise<string> {
  const family = await createHousehold(env.db, municipality, {
    kind: 'resource_family',
    adults: [
      { firstName: 'Ragnhild', lastName: 'Ressursen', email: `ragnhild.${name}@familie.test` },
      { firstName: 'Torbjørn', lastName: 'Ressursen', email: `torbjorn.${name}@familie.test` },
    ],
  });
  await completeCourse(env.db, municipality, family);
  const response = await agent.post('/api/networks', {
    name: `Nettverket ${name}`,
    resourceFamilyHouseholdId: family,
    caseworkerUserIds: [caseworker.id, second.id],
    partnerMunicipalityNumber: null,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

const terms = (overrides: Record<string, unknown> = {}) => ({
  startOn: inDays(10),
  endOn: inDays(375),
  ksUnits: 1,
  expenses: 'Kjøring med egen bil etter statens satser.',
  otherArrangements: 'Fosterhjemsavtalen for Nora gjelder som før.',
  ...overrides,
});

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const sign = (path: string, confirm = true) =>
  env.app.inject({
    method: 'POST',
    url: path,
    payload: confirm ? 'confirm=yes' : '',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('the KS rate table', () => {
  it('keeps one amount per year, sorted, and refuses a year given twice, a zero amount and a year out of range', async () => {
    const saved = await agent.put('/api/ks-rates', {
      rates: [
        { year: thisYear + 1, amountOre: 1_300_000 },
        { year: thisYear, amountOre: 1_234_500 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rates.map((r: { year: number }) => r.year)).toEqual([thisYear, thisYear + 1]);

    const twice = await agent.put('/api/ks-rates', {
      rates: [
        { year: thisYear, amountOre: 1_000_000 },
        { year: thisYear, amountOre: 1_100_000 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ code: 'validation.invalid', details: [{ field: 'rates.1.year' }] });
    expect((await agent.put('/api/ks-rates', { rates: [{ year: thisYear, amountOre: 0 }] })).statusCode).toBe(
      400,
    );
    expect((await agent.put('/api/ks-rates', { rates: [{ year: 1999, amountOre: 100 }] })).statusCode).toBe(
      400,
    );
    // Nothing of the refused tables was kept.
    expect((await agent.get('/api/ks-rates')).json().rates).toEqual([
      { year: thisYear, amountOre: 1_234_500 },
      { year: thisYear + 1, amountOre: 1_300_000 },
    ]);
  });
});

describe('the agreement', () => {
  let networkId: string;
  let links: AgreementSent['links'];

  beforeAll(async () => {
    networkId = await networkWithTwoAdults('berg');
  });

  it('is refused without a KS rate for the start year, and with an end before the start', async () => {
    const noRate = await agent.put(
      `/api/networks/${networkId}/agreement`,
      terms({ startOn: `${thisYear + 5}-01-01`, endOn: `${thisYear + 5}-12-31` }),
    );
    expect(noRate.statusCode).toBe(409);
    expect(noRate.json()).toMatchObject({ code: 'agreement.no_ks_rate', details: { year: thisYear + 5 } });
    const backwards = await agent.put(`/api/networks/${networkId}/agreement`, terms({ endOn: inDays(5) }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([{ field: 'endOn', rule: 'after' }]);
    expect((await agent.get(`/api/networks/${networkId}/agreement`)).json().agreement).toBeNull();
  });

  it('is a draft with the compensation in kroner from the KS rate of the start year', async () => {
    const saved = await agent.put(`/api/networks/${networkId}/agreement`, terms({ ksUnits: 1.5 }));
    expect(saved.statusCode, saved.body).toBe(200);
    const view: AgreementView = saved.json();
    const startYear = Number(inDays(10).slice(0, 4));
    expect(view.agreement).toMatchObject({
      status: 'draft',
      ksUnits: 1.5,
      ksRateOre: startYear === thisYear ? 1_234_500 : 1_300_000,
    });
    expect(view.agreement?.signers.map((s) => [s.firstName, s.signedAt])).toEqual([
      ['Ragnhild', null],
      ['Torbjørn', null],
    ]);
    // Back to the seed's one KS.
    await agent.put(`/api/networks/${networkId}/agreement`, terms());
  });

  it('makes an A4 PDF with the parties, the terms and the KS amount in kroner', async () => {
    const response = await agent.request({ method: 'GET', url: `/api/networks/${networkId}/agreement.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.rawPayload, 'draft');
    const day = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
    const startYear = Number(inDays(10).slice(0, 4));
    const amount = startYear === thisYear ? '12 345 kr' : '13 000 kr';
    expect(text).toContain('Oppdragsavtale for ressursfamilie');
    expect(text).toContain('Askerløkka kommune');
    expect(text).toContain('Ragnhild Ressursen og Torbjørn Ressursen');
    expect(text).toContain(`fra ${day(inDays(10))} til og med ${day(inDays(375))}`);
    expect(text).toContain('godtgjøring på 1 KS');
    expect(text).toContain(`KS-satsen for ${startYear} er ${amount} per måned`);
    expect(text).toContain('Kjøring med egen bil etter statens satser.');
    expect(text).toContain('Fosterhjemsavtalen for Nora gjelder som før.');
    expect(text).toContain('på toppen av eventuelle andre ordninger');
    expect(text).toContain('Ragnhild Ressursen: ikke signert ennå');
    const size = execFileSync('pdfinfo', [join(dir, 'draft.pdf')], { encoding: 'utf8' });
    expect(size).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
  });

  it('sends each adult a personal link by e-mail, and then keeps its terms', async () => {
    const sent = await agent.post(`/api/networks/${networkId}/agreement/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    links = sent.json().links;
    expect(links).toHaveLength(2);
    expect(sent.json().agreement.status).toBe('sent');
    const mail = await env.smtp.waitFor('ragnhild.berg@familie.test');
    expect(mail.subject).toBe('Oppdragsavtale for ressursfamilie: les og signer');
    expect(mail.text).toContain('«Nettverket berg»');
    expect(mail.text).toContain(links[0]?.url);
    await env.smtp.waitFor('torbjorn.berg@familie.test');
    const changed = await agent.put(`/api/networks/${networkId}/agreement`, terms({ ksUnits: 2 }));
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('agreement.sent');
  });

  it('is signed by each adult through their own link, once, and shows who has signed', async () => {
    const [first, other] = links.map((l) => new URL(l.url).pathname);
    const page = await env.app.inject({ method: 'GET', url: first as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hei Ragnhild!');
    expect(page.body).toContain('Kjøring med egen bil etter statens satser.');
    expect((await sign(first as string, false)).statusCode).toBe(400);
    expect((await sign(first as string)).statusCode).toBe(303);
    expect((await sign(first as string)).statusCode).toBe(303);

    let view: AgreementView = (await agent.get(`/api/networks/${networkId}/agreement`)).json();
    expect(view.agreement?.status).toBe('sent');
    expect(view.agreement?.signers.map((s) => [s.firstName, Boolean(s.signedAt)])).toEqual([
      ['Ragnhild', true],
      ['Torbjørn', false],
    ]);
    expect((await env.app.inject({ method: 'GET', url: first as string })).body).toContain(
      'Takk! Du har signert oppdragsavtalen',
    );

    // Sending again makes a new link for the one who has not signed; the old one stops working.
    const again = await agent.post(`/api/networks/${networkId}/agreement/send`, {});
    expect(again.json().links.map((l: { adultId: string }) => l.adultId)).toEqual([links[1]?.adultId]);
    expect((await env.app.inject({ method: 'GET', url: other as string })).statusCode).toBe(404);
    const fresh = new URL(again.json().links[0].url).pathname;
    expect((await sign(fresh)).statusCode).toBe(303);

    view = (await agent.get(`/api/networks/${networkId}/agreement`)).json();
    expect(view.agreement?.status).toBe('signed');
    const rows = await env.db.transaction((tx) =>
      tx.query<{ terms_signed: string }>(
        'SELECT terms_signed FROM agreement_signer WHERE agreement_id = $1 ORDER BY signed_at',
        [view.agreement?.id],
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.terms_signed).toContain('Kjøring med egen bil etter statens satser.');
    const pdf = await env.app.inject({ method: 'GET', url: `${fresh}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload, 'signed')).toMatch(/Torbjørn Ressursen: signert elektronisk \d/);
  });

  it('answers a wrong link with the bad-link page', async () => {
    const wrong = await env.app.inject({ method: 'GET', url: '/oppdragsavtale/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('<h1>');
  });
});

describe('the reminder 60 days before the end', () => {
  it('e-mails the caseworkers once of a sent agreement that ends within 60 days, and not of later ones', async () => {
    const ending = await networkWithTwoAdults('snart');
    const later = await networkWithTwoAdults('senere');
    const startOn = `${thisYear}-01-01`;
    await agent.put(`/api/networks/${ending}/agreement`, terms({ startOn, endOn: inDays(59) }));
    await agent.put(`/api/networks/${later}/agreement`, terms({ startOn, endOn: inDays(61) }));
    await agent.post(`/api/networks/${ending}/agreement/send`, {});
    await agent.post(`/api/networks/${later}/agreement/send`, {});
    const deps = { db: env.db, mailer: createMailer(env.config), config: env.config, log: env.app.log };
    const reminderMails = () =>
      env.smtp.messages.filter((m) => m.subject?.startsWith('Oppdragsavtalen for «Nettverket'));

    expect(await remindEndingAgreements(deps)).toBe(1);
    expect(await remindEndingAgreements(deps)).toBe(0);
    await expect.poll(() => reminderMails().length).toBe(2);
    const to = reminderMails().flatMap((m) => [m.to].flat().flatMap((a) => a?.value.map((v) => v.address)));
    expect(to.sort()).toEqual(['leder@asker.test', 'saksbehandler@asker.test']);
    expect(reminderMails()[0]?.subject).toContain('«Nettverket snart»');
    expect(reminderMails()[0]?.text).toContain(`/nettverk/${ending}/oppdragsavtale`);

    // Two days on, the later one is within 60 days too: it gets its one reminder.
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000);
    expect(await remindEndingAgreements(deps, inTwoDays)).toBe(1);
    await expect.poll(() => reminderMails().length).toBe(4);
  });
});
