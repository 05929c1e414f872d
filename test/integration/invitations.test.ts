import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGE_FIELDS } from '../../src/domain/template.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let caseworker: TestUser;
let agent: Agent;
let eventId: string;
let household: string;
let arabicHousehold: string;
let strangerAgent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Malvik');
  const other = await createMunicipality(env.db, 'Annenby');
  caseworker = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const berit = await createUser(env.db, municipality, ['team_leader'], { firstName: 'Berit' });
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, caseworker.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  eventId = await createEvent(agent, {
    venueId: await createVenue(agent),
    registration: 'required',
    deadline: '2027-09-07',
    programme: [{ kind: 'talk', title: 'Tilknytning i hverdagen', minutes: 25, speaker: 'Anne' }],
    hostUserIds: [caseworker.id, berit.id],
  });
  household = await createHousehold(env.db, municipality, {
    adults: [
      { firstName: 'Kari', lastName: 'Nordmann', preferredLanguage: 'nb' },
      { firstName: 'Ola', lastName: 'Nordmann', preferredLanguage: 'nb' },
    ],
  });
  arabicHousehold = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Layla', lastName: 'Haddad', preferredLanguage: 'ar' }],
  });
  const note = await agent.put(`/api/events/${eventId}/audience/${household}/note`, {
    note: 'Så fint om dere tar med <Emma> også!',
  });
  expect(note.statusCode).toBe(204);
});
afterAll(() => env.close());

async function auditCount(where: string, params: unknown[]): Promise<number> {
  const [row] = await env.db.transaction((tx) =>
    tx.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE ${where}`, params),
  );
  return Number(row?.n ?? 0);
}

describe('invitation templates', () => {
  it('gives the default template of a language until the municipality saves its own', async () => {
    const nb = await agent.get('/api/invitation-templates/nb');
    expect(nb.statusCode).toBe(200);
    expect(nb.json()).toMatchObject({ language: 'nb', direction: 'ltr', custom: false, version: null });
    expect(nb.json().body).toContain('{fornavn}');
    const ar = await agent.get('/api/invitation-templates/ar');
    expect(ar.json()).toMatchObject({ language: 'ar', direction: 'rtl', custom: false });
    // Somali has a default, machine-made and marked as awaiting a native speaker's review.
    const so = await agent.get('/api/invitation-templates/so');
    expect(so.json()).toMatchObject({ language: 'so', custom: false, machineTranslated: true });
    expect(so.json().subject).toBe('Martiqaad {tittel} {dato}');
    expect(nb.json().machineTranslated).toBe(false);
    // A language without a default: bokmål's text to translate from.
    const fa = await agent.get('/api/invitation-templates/fa');
    expect(fa.json()).toMatchObject({
      language: 'fa',
      direction: 'rtl',
      custom: false,
      machineTranslated: false,
    });
    expect(fa.json().subject).toBe(nb.json().subject);
  });

  it('saves a template per language and municipality', async () => {
    const saved = await agent.put('/api/invitation-templates/nn', {
      subject: 'Kom på {tittel} {dato}!',
      body: 'Hei {fornavn}!\n\n{personlig_hilsen}\n\nVi ses {dato} {tid} på {sted}.\n\nSvar her: {svarlenke}\n\nHelsing {vertskap}',
      sms: 'Hei {fornavn}! {tittel} {dato}. Svar: {svarlenke}',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ language: 'nn', custom: true, version: 1 });
    const again = await agent.put('/api/invitation-templates/nn', {
      subject: 'Kom på {tittel}!',
      body: 'Hei {fornavn}!',
      sms: 'Hei {fornavn}! {svarlenke}',
    });
    expect(again.json()).toMatchObject({ subject: 'Kom på {tittel}!', version: 2 });
    expect((await agent.get('/api/invitation-templates/nn')).json().subject).toBe('Kom på {tittel}!');
    // Another municipality still has the default.
    const theirs = await strangerAgent.get('/api/invitation-templates/nn');
    expect(theirs.json()).toMatchObject({ custom: false });
    expect(await auditCount("record_type = 'invitation_template'", [])).toBe(2);
  });

  it('refuses an unknown merge field with the field and the known ones, and keeps what was saved', async () => {
    const refused = await agent.put('/api/invitation-templates/nn', {
      subject: 'Hei',
      body: 'Hei {fornvan}!',
      sms: '{svarlenke}',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'template.unknown_field',
      message: expect.stringMatching(/flettefelt/),
      details: { field: 'fornvan', known: [...MERGE_FIELDS], part: 'body' },
    });
    expect((await agent.get('/api/invitation-templates/nn')).json().body).toBe('Hei {fornavn}!');
  });

  it('refuses an empty part and a language that is not a code', async () => {
    const empty = await agent.put('/api/invitation-templates/en', { subject: ' ', body: 'x', sms: 'y' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([{ field: 'subject', rule: 'required' }]);
    expect((await agent.get('/api/invitation-templates/n1')).statusCode).toBe(400);
  });
});

describe('previews', () => {
  const url = (channel: string, householdId = household) =>
    `/api/events/${eventId}/invitations/preview/${householdId}?channel=${channel}`;

  it('shows the e-mail with the personal note, escaped in HTML, and a placeholder link', async () => {
    const before = await auditCount("record_type = 'household' AND subject_id = $1 AND action = 'read'", [
      household,
    ]);
    const response = await agent.get(url('email'));
    expect(response.statusCode).toBe(200);
    const email = response.json();
    expect(email.subject).toBe('Velkommen til Fosterhjemskafé tirsdag 14. september');
    expect(email.text).toContain('Hei Kari og Ola!');
    expect(email.text).toContain('Så fint om dere tar med <Emma> også!');
    expect(email.text).toContain('kl. 18.00–20.00 på Frivilligsentralen, Torget 1, 1384');
    expect(email.text).toContain('Meld dere på innen tirsdag 7. september');
    expect(email.text).toContain('http://landsby.test/svar/FORHÅNDSVISNING');
    expect(email.text).toContain('Hilsen Anne og Berit');
    expect(email.html).toContain('Så fint om dere tar med &lt;Emma&gt; også!');
    expect(email.html).not.toContain('<Emma>');
    expect(email.html).toContain('lang="nb" dir="ltr"');
    expect(
      await auditCount("record_type = 'household' AND subject_id = $1 AND action = 'read'", [household]),
    ).toBe(before + 1);
  });

  it('shows the SMS with its length and parts', async () => {
    const response = await agent.get(url('sms'));
    expect(response.statusCode).toBe(200);
    const sms = response.json();
    expect(sms.text).toContain('Hei Kari og Ola!');
    expect(sms.text).toContain('http://landsby.test/svar/FORHÅNDSVISNING');
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms.parts).toBe(1);
  });

  it('makes the letter as a PDF', async () => {
    const response = await agent.get(url('letter'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'landsby-invitation-'));
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, response.rawPayload);
    let text: string | undefined;
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    } catch {
      // no Poppler here: the PDF header above is the check
    }
    if (text !== undefined) {
      expect(text).toContain('Kari og Ola Nordmann');
      expect(text).toContain('Emma');
      expect(text).toContain('Anne');
    }
  });

  it("uses the household's language: Arabic, right to left", async () => {
    const email = (await agent.get(url('email', arabicHousehold))).json();
    expect(email.language).toBe('ar');
    expect(email.direction).toBe('rtl');
    expect(email.html).toContain('lang="ar" dir="rtl"');
    expect(email.text).toContain('Layla');
    const letter = await agent.get(url('letter', arabicHousehold));
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
  });

  it('answers 404 for another municipality, an unknown household, and a bad id', async () => {
    expect((await strangerAgent.get(url('email'))).statusCode).toBe(404);
    expect((await agent.get(url('email', '00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await agent.get(url('email', 'nope'))).statusCode).toBe(404);
  });

  it('explains a letter that cannot be printed', async () => {
    const homeless = await createHousehold(env.db, municipality, {
      address: {},
      adults: [{ firstName: 'Per', lastName: 'Uten' }],
    });
    const response = await agent.get(url('letter', homeless));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invitations.letter_unprintable' });
  });
});
