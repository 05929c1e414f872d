import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import { inTenant } from '../../src/db/tenant.js';
import { onboardMunicipality } from '../../src/features/municipalities/index.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue, sendInvitations } from '../support/cafe.js';
import { createHouseholds, createMunicipality, createUser } from '../support/factories.js';
import { type SvarUtStandIn, startSvarUtStandIn } from '../support/svarut-stand-in.js';
import { type SveveStandIn, startSveveStandIn, sveveEnv } from '../support/sveve-stand-in.js';

/**
 * Each municipality sends with its own sender (issue 17.1): its admin sets the e-mail sender's
 * name and address, the SMS sender, and its own SvarUt and Sveve accounts under Avsender; the
 * loopback SMTP server, the Sveve stand-in and the SvarUt stand-in see each municipality's own.
 * A municipality that set nothing sends with the installation's. Passwords are sealed in the
 * database and never leave the server.
 */

let env: TestEnv;
let sveve: SveveStandIn;
let svarut: SvarUtStandIn;

interface Admin {
  municipalityId: number;
  agent: Agent;
}

beforeAll(async () => {
  sveve = await startSveveStandIn();
  svarut = await startSvarUtStandIn();
  env = await createTestEnv({
    ...sveveEnv(sveve),
    SVARUT_URL: svarut.url,
    SVARUT_KONTO_ID: svarut.kontoId,
    SVARUT_TOKEN: svarut.token,
    SVARUT_INTEGRASJON_ID: svarut.integrasjonId,
    SVARUT_INTEGRASJON_PASSORD: svarut.integrasjonPassord,
  });
}, 60_000);

afterAll(async () => {
  await env?.close();
  await sveve?.close();
  await svarut?.close();
});

/** The platform operator onboards the municipality; its admin accepts the e-mailed invitation. */
async function onboard(number: string, name: string, adminEmail: string): Promise<Admin> {
  const deps = { db: env.db, config: env.config, mailer: createMailer(env.config) };
  const { municipalityId } = await onboardMunicipality(deps, { number, name, adminEmail });
  const mail = await env.smtp.waitFor(adminEmail);
  const token = /velkommen#token=([\w-]+)/.exec(mail.text ?? '')?.[1];
  const set = await new Agent(env.app).post('/api/auth/password-reset/confirm', {
    token,
    password: `${number}-sitt-passord`,
  });
  expect(set.statusCode).toBe(204);
  return { municipalityId, agent: await loginAs(env.app, adminEmail, `${number}-sitt-passord`) };
}

/**
 * A café in the municipality with three households, one by e-mail, one by SMS, one by digital
 * mail, its invitations sent. `tag` makes their addresses and numbers the municipality's own.
 */
async function sendCafe(municipalityId: number, tag: string, mobile: string): Promise<void> {
  const anne = await createUser(env.db, municipalityId, ['caseworker'], { firstName: 'Anne' });
  const agent = await loginAs(env.app, anne.email);
  const eventId = await createEvent(agent, { hostUserIds: [anne.id], venueId: await createVenue(agent) });
  await createHouseholds(env.db, municipalityId, [
    {
      adults: [{ firstName: 'Eva', lastName: tag, email: `${tag}@example.no`, preferredChannels: ['email'] }],
    },
    { adults: [{ firstName: 'Siri', lastName: tag, mobile, preferredChannels: ['sms'] }] },
    {
      address: { line: 'Storgata 1', postcode: '0155' },
      adults: [{ firstName: 'Lars', lastName: tag, preferredChannels: ['digital_mail'] }],
    },
  ]);
  await sendInvitations(agent, eventId);
}

const letterTo = (lastName: string) =>
  svarut.received.find((r) => String(r.forsendelse.mottaker.navn).includes(lastName));

describe('sender settings per municipality', () => {
  let asker: Admin;
  let bodo: Admin;
  let askerSvarUt: ReturnType<SvarUtStandIn['addAccount']>;
  let bodoSvarUt: ReturnType<SvarUtStandIn['addAccount']>;

  beforeAll(async () => {
    asker = await onboard('3203', 'Asker', 'admin@asker.kommune.no');
    bodo = await onboard('1804', 'Bodø', 'admin@bodo.kommune.no');
    askerSvarUt = svarut.addAccount();
    bodoSvarUt = svarut.addAccount();
    sveve.addAccount('asker-sms', 'askers-sveve-passord');
  }, 60_000);

  it('shows a new municipality the installation values it sends with until it sets its own', async () => {
    const response = await asker.agent.get('/api/admin/sender');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      senderName: null,
      emailAddress: null,
      smsFrom: null,
      channels: ['email', 'sms', 'letter', 'digital_mail'],
      svarut: null,
      sveve: null,
      installation: {
        senderName: 'Fosterhjemstjenesten, Asker',
        emailAddress: 'noreply@landsby.local',
        smsFrom: 'Landsby',
        svarutConnected: true,
        sveveConnected: true,
      },
    });
  });

  it('sends each municipality its own From name and address, SMS sender and SvarUt account; one that set nothing sends with the installation', async () => {
    const saveAsker = await asker.agent.put('/api/admin/sender', {
      senderName: 'Fosterhjemstjenesten i Asker',
      emailAddress: 'Fosterhjem@Asker.kommune.no',
      smsFrom: 'Asker',
      channels: ['email', 'sms', 'letter', 'digital_mail'],
      svarut: askerSvarUt,
      sveve: { user: 'asker-sms', password: 'askers-sveve-passord' },
    });
    expect(saveAsker.statusCode, saveAsker.body).toBe(200);
    const saveBodo = await bodo.agent.put('/api/admin/sender', {
      senderName: null,
      emailAddress: 'fosterhjem@bodo.kommune.no',
      smsFrom: 'Bodo kommun',
      channels: ['email', 'sms', 'letter', 'digital_mail'],
      svarut: bodoSvarUt,
      sveve: null,
    });
    expect(saveBodo.statusCode, saveBodo.body).toBe(200);
    const plain = await createMunicipality(env.db, 'Malvik');

    await sendCafe(asker.municipalityId, 'Askersen', '+4791300001');
    await sendCafe(bodo.municipalityId, 'Bodosen', '+4791300002');
    await sendCafe(plain, 'Malviksen', '+4791300003');

    const fromOf = async (to: string) => (await env.smtp.waitFor(to)).from?.value[0];
    expect(await fromOf('askersen@example.no')).toEqual({
      name: 'Fosterhjemstjenesten i Asker',
      address: 'fosterhjem@asker.kommune.no',
    });
    expect(await fromOf('bodosen@example.no')).toEqual({
      name: 'Fosterhjemstjenesten, Bodø',
      address: 'fosterhjem@bodo.kommune.no',
    });
    expect(await fromOf('malviksen@example.no')).toEqual({
      name: 'Fosterhjemstjenesten, Malvik',
      address: 'noreply@landsby.local',
    });

    const sms = (number: string) => sveve.sent.find((s) => s.number === number);
    expect(sms('91300001')).toMatchObject({ from: 'Asker', user: 'asker-sms' });
    expect(sms('91300002')).toMatchObject({ from: 'Bodo kommun', user: sveve.user });
    expect(sms('91300003')).toMatchObject({ from: 'Landsby', user: sveve.user });

    expect(letterTo('Askersen')).toMatchObject({
      kontoId: askerSvarUt.kontoId,
      headers: { integrasjonid: askerSvarUt.integrasjonId },
    });
    expect(letterTo('Bodosen')).toMatchObject({
      kontoId: bodoSvarUt.kontoId,
      headers: { integrasjonid: bodoSvarUt.integrasjonId },
    });
    expect(letterTo('Malviksen')).toMatchObject({
      kontoId: svarut.kontoId,
      headers: { integrasjonid: svarut.integrasjonId },
    });
  }, 90_000);

  it('keeps the passwords sealed: not in the database as plain text, not in any answer or the audit log', async () => {
    const row = await inTenant(
      env.db,
      { municipalityId: asker.municipalityId, userId: null, ip: null },
      (tx) =>
        tx.query<Record<string, unknown>>('SELECT * FROM sender_setting WHERE municipality_id = $1', [
          asker.municipalityId,
        ]),
    );
    const stored = JSON.stringify(row);
    expect(stored).toContain('"svarut_integrasjon_passord":"v1.');
    expect(stored).not.toContain(askerSvarUt.integrasjonPassord);
    expect(stored).not.toContain('askers-sveve-passord');

    const shown = await asker.agent.get('/api/admin/sender');
    expect(shown.json()).toMatchObject({
      svarut: { kontoId: askerSvarUt.kontoId, integrasjonId: askerSvarUt.integrasjonId },
      sveve: { user: 'asker-sms' },
    });
    expect(shown.body).not.toContain(askerSvarUt.integrasjonPassord);
    expect(shown.body).not.toContain('askers-sveve-passord');
    expect(shown.body).not.toContain('v1.');

    // Saved again without the passwords: the stored ones are kept, and the audit says only that
    // nothing was replaced.
    const again = await asker.agent.put('/api/admin/sender', {
      senderName: 'Fosterhjemstjenesten i Asker',
      emailAddress: 'fosterhjem@asker.kommune.no',
      channels: ['email', 'sms', 'letter', 'digital_mail'],
      smsFrom: 'Asker kommu',
      svarut: { kontoId: askerSvarUt.kontoId, integrasjonId: askerSvarUt.integrasjonId },
      sveve: { user: 'asker-sms' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.body).not.toContain(askerSvarUt.integrasjonPassord);
    const after = await inTenant(
      env.db,
      { municipalityId: asker.municipalityId, userId: null, ip: null },
      (tx) =>
        tx.query<{ svarut: string; sveve: string }>(
          'SELECT svarut_integrasjon_passord AS svarut, sveve_password AS sveve FROM sender_setting',
        ),
    );
    expect(after[0]).toEqual({ svarut: row[0]?.svarut_integrasjon_passord, sveve: row[0]?.sveve_password });

    const entries = await inTenant(
      env.db,
      { municipalityId: asker.municipalityId, userId: null, ip: null },
      (tx) =>
        tx.query<{ details: Record<string, unknown> }>(
          `SELECT details FROM audit_log WHERE record_type = 'sender_setting' ORDER BY id`,
        ),
    );
    expect(entries.map((e) => [e.details.svarutPasswordReplaced, e.details.smsFrom])).toEqual([
      [true, 'Asker'],
      [false, 'Asker kommu'],
    ]);
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain(askerSvarUt.integrasjonPassord);
    expect(logged).not.toContain('askers-sveve-passord');
    expect(logged).not.toContain('v1.');
  });

  it("lets no other municipality's admin read or change them, and no one without settings:manage", async () => {
    const bodoSees = (await bodo.agent.get('/api/admin/sender')).json();
    expect(bodoSees.svarut.kontoId).toBe(bodoSvarUt.kontoId);
    expect(JSON.stringify(bodoSees)).not.toContain('Asker');

    const saved = await bodo.agent.put('/api/admin/sender', {
      senderName: 'Kapret',
      emailAddress: null,
      smsFrom: null,
      channels: ['email'],
      svarut: null,
      sveve: null,
    });
    expect(saved.statusCode).toBe(200);
    const askerSees = (await asker.agent.get('/api/admin/sender')).json();
    expect(askerSees).toMatchObject({
      senderName: 'Fosterhjemstjenesten i Asker',
      channels: ['email', 'sms', 'letter', 'digital_mail'],
      svarut: { kontoId: askerSvarUt.kontoId },
    });

    const caseworker = await createUser(env.db, asker.municipalityId, ['caseworker']);
    const agent = await loginAs(env.app, caseworker.email);
    expect((await agent.get('/api/admin/sender')).statusCode).toBe(403);
    const attempt = { senderName: 'Kapret', emailAddress: null, smsFrom: null, channels: ['sms'] };
    expect((await agent.put('/api/admin/sender', { ...attempt, svarut: null, sveve: null })).statusCode).toBe(
      403,
    );
  });

  it('sends only by the channels the municipality uses: a household that prefers SMS gets e-mail', async () => {
    const saved = await bodo.agent.put('/api/admin/sender', {
      senderName: null,
      emailAddress: null,
      smsFrom: null,
      channels: ['email', 'letter'],
      svarut: null,
      sveve: null,
    });
    expect(saved.json().channels).toEqual(['email', 'letter']);
    const smsBefore = sveve.sent.length;
    const anne = await createUser(env.db, bodo.municipalityId, ['caseworker'], { firstName: 'Anne' });
    const agent = await loginAs(env.app, anne.email);
    const eventId = await createEvent(agent, {
      date: '2027-09-21',
      hostUserIds: [anne.id],
      venueId: await createVenue(agent),
    });
    await createHouseholds(env.db, bodo.municipalityId, [
      {
        adults: [
          {
            firstName: 'Siri',
            lastName: 'Bodosen',
            email: 'siri.bodosen@example.no',
            mobile: '+4791300009',
            preferredChannels: ['sms'],
          },
        ],
      },
    ]);
    const plan = (await agent.get(`/api/events/${eventId}/sending?households=true`)).json();
    const households: { channel: string; usable: string[] }[] = plan.households;
    expect(households.length).toBeGreaterThan(1);
    for (const h of households) {
      expect(['email', 'letter']).toContain(h.channel);
      expect(h.usable.filter((c) => c !== 'email' && c !== 'letter')).toEqual([]);
    }
    await sendInvitations(agent, eventId);
    expect((await env.smtp.waitFor('siri.bodosen@example.no')).from?.value[0]?.name).toBe(
      'Fosterhjemstjenesten, Bodø',
    );
    expect(sveve.sent.length).toBe(smsBefore);
  }, 60_000);

  it('names each field that breaks a rule and saves nothing', async () => {
    const before = (await asker.agent.get('/api/admin/sender')).json();
    const response = await asker.agent.put('/api/admin/sender', {
      senderName: 'Fosterhjemstjenesten i Asker',
      emailAddress: 'ikke en adresse',
      smsFrom: 'Asker!',
      channels: [],
      svarut: { kontoId: 'konto', integrasjonId: svarut.integrasjonId },
      sveve: { user: 'ny-bruker' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.invalid');
    expect(response.json().details).toEqual([
      { field: 'emailAddress', rule: 'email' },
      { field: 'smsFrom', rule: 'sms_from' },
      { field: 'channels', rule: 'required' },
      { field: 'svarut.kontoId', rule: 'uuid' },
    ]);
    expect((await asker.agent.get('/api/admin/sender')).json()).toEqual(before);
  });
});
