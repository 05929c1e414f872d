import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../src/channels/email.js';
import { createChannels } from '../../src/channels/index.js';
import { inTenant } from '../../src/db/tenant.js';
import { defaultSendAt } from '../../src/features/sending/service/plan-sending.js';
import { sendDue } from '../../src/features/sending/worker.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';
import { type SveveStandIn, startSveveStandIn, sveveEnv } from '../support/sveve-stand-in.js';

const DLR_KEY = 'dlr-key-for-the-tests-0123456789';

let env: TestEnv;
let sveve: SveveStandIn;
let municipality: number;
let agent: Agent;
let strangerAgent: Agent;
let eventId: string;
const households: Record<'email' | 'sms' | 'letter' | 'refused', string> = {
  email: '',
  sms: '',
  letter: '',
  refused: '',
};

interface SendingHousehold {
  id: string;
  name: string;
  channel: string;
  status: string;
  reason: string | null;
  usable: string[];
}
interface Sending {
  state: string;
  sendAt: string | null;
  counts: Record<string, number>;
  households: SendingHousehold[];
  lettersToPrint: number;
}

const sending = async (): Promise<Sending> => (await agent.get(`/api/events/${eventId}/sending`)).json();
const householdOf = async (id: string) => (await sending()).households.find((h) => h.id === id);

beforeAll(async () => {
  sveve = await startSveveStandIn();
  env = await createTestEnv({
    ...sveveEnv(sveve),
    SVEVE_DLR_KEY: DLR_KEY,
    MAIL_FROM: 'Landsby <kafe@malvik.kommune.no>',
  });
  municipality = await createMunicipality(env.db, 'Malvik');
  const other = await createMunicipality(env.db, 'Annenby');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, anne.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  eventId = await createEvent(agent, { hostUserIds: [anne.id], venueId: await createVenue(agent) });
  households.email = await createHousehold(env.db, municipality, {
    adults: [
      { firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.no', preferredChannels: ['email'] },
      { firstName: 'Ola', lastName: 'Nordmann', mobile: '412 34 567' },
    ],
  });
  households.sms = await createHousehold(env.db, municipality, {
    address: {},
    adults: [{ firstName: 'Siri', lastName: 'Berg', mobile: '+47 913 45 678', preferredChannels: ['sms'] }],
  });
  households.letter = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Lars', lastName: 'Dahl', preferredChannels: ['letter'] }],
  });
  households.refused = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Nina', lastName: 'Holm', mobile: '48 00 00 01', preferredChannels: ['sms'] }],
  });
  sveve.refuse.set('48000001', 'Ugyldig nummer');
  const note = await agent.put(`/api/events/${eventId}/audience/${households.email}/note`, {
    note: 'Så fint om dere kommer!',
  });
  expect(note.statusCode).toBe(204);
}, 30_000);

afterAll(async () => {
  await env?.close();
  await sveve?.close();
});

describe('sending the invitations of a café', () => {
  it('plans by default 32 days before, on a weekday, at 09:00 Oslo time', () => {
    // Tuesday 14 September 2027 − 32 days = Friday 13 August.
    expect(defaultSendAt('2027-09-14', new Date('2027-01-01T00:00:00Z')).toISOString()).toBe(
      '2027-08-13T07:00:00.000Z',
    );
    // Wednesday 20 January 2027 − 32 days = Saturday 19 December 2026 → Monday 21 December (CET).
    expect(defaultSendAt('2027-01-20', new Date('2026-01-01T00:00:00Z')).toISOString()).toBe(
      '2026-12-21T08:00:00.000Z',
    );
    // Too late for that: now.
    const now = new Date('2027-09-01T10:00:00Z');
    expect(defaultSendAt('2027-09-14', now)).toEqual(now);
  });

  it("shows each household's channel from its preference before anything is sent", async () => {
    const view = await sending();
    expect(view.state).toBe('not_planned');
    expect(view.counts.households).toBe(4);
    const byId = new Map(view.households.map((h) => [h.id, h]));
    expect(byId.get(households.email)?.channel).toBe('email');
    expect(byId.get(households.sms)?.channel).toBe('sms');
    expect(byId.get(households.sms)?.usable).toEqual(['sms']);
    expect(byId.get(households.letter)?.channel).toBe('letter');
    expect(view.households.every((h) => h.status === 'not_sent')).toBe(true);
  });

  it('plans a time, refuses one in the past, and lets the team unplan', async () => {
    const past = await agent.put(`/api/events/${eventId}/sending/schedule`, {
      sendAt: '2020-01-01T09:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('validation.invalid');
    const planned = await agent.put(`/api/events/${eventId}/sending/schedule`, {
      sendAt: '2027-08-13T07:00:00Z',
    });
    expect(planned.statusCode).toBe(200);
    expect(planned.json().state).toBe('scheduled');
    expect(planned.json().sendAt).toBe('2027-08-13T07:00:00.000Z');
    const unplanned = await agent.put(`/api/events/${eventId}/sending/schedule`, { sendAt: null });
    expect(unplanned.json().state).toBe('not_planned');
  });

  it('refuses a channel the household has no contact data for', async () => {
    const response = await agent.put(`/api/events/${eventId}/sending/households/${households.sms}/channel`, {
      channel: 'email',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('sending.channel_unusable');
  });

  it('sends once on a double click: e-mail, SMS and letter, each with its own answer link', async () => {
    const [first, second] = await Promise.all([
      agent.post(`/api/events/${eventId}/sending/now`),
      agent.post(`/api/events/${eventId}/sending/now`),
    ]);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    await expect.poll(async () => (await sending()).state, { timeout: 20_000, interval: 200 }).toBe('done');
    const view = await sending();
    expect(view.counts).toMatchObject({
      households: 4,
      sent: 3,
      failed: 1,
      queued: 0,
      sending: 0,
      not_sent: 0,
    });

    // E-mail: once, from the team, HTML and text, the .ics, the personal note and answer link.
    const mails = env.smtp.messages.filter((m) => m.subject?.includes('Fosterhjemskafé'));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.from?.value[0]).toMatchObject({
      name: 'Fosterhjemstjenesten, Malvik',
      address: 'kafe@malvik.kommune.no',
    });
    expect(mail?.text).toContain('Så fint om dere kommer!');
    expect(mail?.html).toContain('Hei Kari og Ola!');
    const ics = mail?.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics?.content.toString()).toContain('DTSTART:20270914T160000Z');
    const link = /http:\/\/landsby\.test\/svar\/([\w-]{22})/.exec(mail?.text ?? '')?.[1];
    expect(link).toBeDefined();
    const [invitation] = await inTenant(
      env.db,
      { municipalityId: municipality, userId: null, ip: null },
      (tx) =>
        tx.query<{ household_id: string }>('SELECT household_id FROM invitation WHERE token_hash = $1', [
          createHash('sha256')
            .update(link as string)
            .digest(),
        ]),
    );
    expect(invitation?.household_id).toBe(households.email);
    const [message] = await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM message WHERE household_id = $1', [households.email]),
    );
    expect(mail?.messageId).toBe(`<${message?.id}@malvik.kommune.no>`);

    // SMS: once, with Sveve's ref as our message id and a link of its own.
    const sms = sveve.sent.filter((s) => s.number === '91345678');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.msg).toMatch(/http:\/\/landsby\.test\/svar\/[\w-]{22}/);
    expect(sms[0]?.msg).not.toContain(link);

    // The refused number: failed, with Sveve's words.
    const refused = view.households.find((h) => h.id === households.refused);
    expect(refused).toMatchObject({ status: 'failed', reason: 'Ugyldig nummer' });
  });

  it('gives the progress poll the counts only, with no one in it and nothing logged as read', async () => {
    const audited = async () =>
      (
        await inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
          tx.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'),
        )
      )[0]?.n;
    const before = await audited();
    const progress = (await agent.get(`/api/events/${eventId}/sending?households=false`)).json();
    expect(progress.counts.households).toBe(4);
    expect(progress.households).toEqual([]);
    expect(await audited()).toBe(before);
    expect((await sending()).households).toHaveLength(4);
    expect(await audited()).toBeGreaterThan(before as number);
  });

  it('records a delivery report from Sveve, and refuses one with a wrong key', async () => {
    const sms = sveve.sent.find((s) => s.number === '91345678');
    const query = `number=${sms?.number}&status=true&id=${sms?.id}&ref=${sms?.ref}`;
    const wrong = await agent.request({
      method: 'GET',
      url: `/api/channels/sveve/dlr/wrong-key-000000000000?${query}`,
    });
    expect(wrong.statusCode).toBe(404);
    expect((await householdOf(households.sms))?.status).toBe('sent');
    const right = await agent.request({ method: 'GET', url: `/api/channels/sveve/dlr/${DLR_KEY}?${query}` });
    expect(right.statusCode).toBe(200);
    expect((await householdOf(households.sms))?.status).toBe('delivered');
    // Sveve can also POST the report as a form, from its own server: no cookie, no CSRF token.
    const posted = await env.app.inject({
      method: 'POST',
      url: `/api/channels/sveve/dlr/${DLR_KEY}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `number=${sms?.number}&status=false&id=${sms?.id}&ref=${sms?.ref}&errorCode=3&errorDesc=Ukjent+nummer`,
    });
    expect(posted.statusCode).toBe(200);
    expect(await householdOf(households.sms)).toMatchObject({
      status: 'failed',
      reason: 'Ukjent nummer (3)',
    });
  });

  it('retries a failed household by the channel the team chose instead', async () => {
    const changed = await agent.put(
      `/api/events/${eventId}/sending/households/${households.refused}/channel`,
      { channel: 'letter' },
    );
    expect(changed.statusCode).toBe(200);
    const retry = await agent.post(`/api/events/${eventId}/sending/retry`, {
      householdId: households.refused,
    });
    expect(retry.statusCode).toBe(200);
    await expect
      .poll(async () => (await householdOf(households.refused))?.status, { timeout: 20_000 })
      .toBe('sent');
    expect((await householdOf(households.refused))?.channel).toBe('letter');
    // The first SMS was not sent again.
    expect(sveve.sent.filter((s) => s.number === '48000001')).toHaveLength(0);
  });

  it('gives the print room one PDF of the letters, and records that they were printed', async () => {
    const view = await sending();
    expect(view.lettersToPrint).toBe(2);
    const pdf = await agent.get(`/api/events/${eventId}/sending/letters.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const printed = await agent.post(`/api/events/${eventId}/sending/letters/printed`);
    expect(printed.json().counts.printed).toBe(2);
    expect((await householdOf(households.letter))?.status).toBe('printed');
  });

  it('sends a household added later when "send now" is pressed again, and no one else twice', async () => {
    const late = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Per', lastName: 'Lie', email: 'per@example.no', preferredChannels: ['email'] }],
    });
    // The worker woken for something else (a confirmation, a reminder) invites nobody new.
    await sendDue(
      { db: env.db, config: env.config, channels: createChannels(env.config) },
      municipality,
      eventId,
    );
    expect((await householdOf(late))?.status).toBe('not_sent');
    const again = await agent.post(`/api/events/${eventId}/sending/now`);
    expect(again.statusCode).toBe(200);
    await expect.poll(async () => (await householdOf(late))?.status, { timeout: 20_000 }).toBe('sent');
    expect(env.smtp.messages.filter((m) => m.subject?.includes('Fosterhjemskafé'))).toHaveLength(2);
    expect(sveve.sent.filter((s) => s.number === '91345678')).toHaveLength(1);
  });

  it("hides one municipality's sending from another", async () => {
    const response = await strangerAgent.get(`/api/events/${eventId}/sending`);
    expect(response.statusCode).toBe(404);
    const send = await strangerAgent.post(`/api/events/${eventId}/sending/now`);
    expect(send.statusCode).toBe(404);
  });
});

describe('a café without a venue or hosts', () => {
  it('refuses to send or plan the invitations until the café has a venue, and says why', async () => {
    const bare = await createEvent(agent, { date: '2027-10-12' });
    const now = await agent.post(`/api/events/${bare}/sending/now`);
    expect(now.statusCode).toBe(409);
    expect(now.json().code).toBe('sending.no_venue');
    const planned = await agent.put(`/api/events/${bare}/sending/schedule`, {
      sendAt: '2027-09-01T07:00:00Z',
    });
    expect(planned.statusCode).toBe(409);
    expect(planned.json().code).toBe('sending.no_venue');
    const view = await (await agent.get(`/api/events/${bare}/sending`)).json();
    expect(view).toMatchObject({ state: 'not_planned', sendAt: null });
  });

  it("signs with the team's name when no one hosts, and names the venue with its postcode", async () => {
    const venueId = await createVenue(agent, {
      name: 'Bydelshuset',
      address: { line: 'Storgata 5', postcode: '7550' },
    });
    const hostless = await createEvent(agent, { title: 'Kafé uten vertskap', date: '2027-10-19', venueId });
    const send = await agent.post(`/api/events/${hostless}/sending/now`);
    expect(send.statusCode, send.body).toBe(200);
    const toKari = () =>
      env.smtp.messages.find(
        (m) => m.subject?.includes('Kafé uten vertskap') && JSON.stringify(m.to).includes('kari@example.no'),
      );
    await expect.poll(toKari, { timeout: 20_000, interval: 200 }).toBeDefined();
    const mail = toKari();
    expect(mail?.text).toMatch(/ på Bydelshuset, Storgata 5, 7550 /);
    expect(mail?.text?.trimEnd()).toMatch(/Hilsen Fosterhjemstjenesten, Malvik$/);
    const sms = sveve.sent.find((s) => s.number === '91345678' && s.msg.includes('uten vertskap'));
    expect(sms?.msg).toMatch(/Hilsen Fosterhjemstjenesten, Malvik$/);
  });
});

describe('the e-mail channel', () => {
  it('says an unreachable SMTP server is worth another try, and names no person', async () => {
    const channel = createEmailChannel({
      smtpUrl: 'smtp://127.0.0.1:9',
      mailFrom: 'Landsby <kafe@malvik.kommune.no>',
      dataDir: '.tmp/test-data',
      sendConcurrency: 2,
    });
    const result = await channel.send({
      id: '00000000-0000-4000-8000-000000000001',
      channel: 'email',
      to: { name: 'Kari Nordmann', email: 'kari@example.no' },
      subject: 'Velkommen',
      text: 'Hei',
    });
    expect(result.status).toBe('failed');
    expect(result.retryable).toBe(true);
  });
});
