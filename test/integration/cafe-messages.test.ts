import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/index.js';
import { inTenant } from '../../src/db/tenant.js';
import { sendDue } from '../../src/features/sending/worker.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import {
  answer,
  attend,
  createEvent,
  createVenue,
  inDays,
  insertEvent,
  invite,
  sendInvitations,
} from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// The café's messages besides the invitation and the confirmations (issue 16 point 4): the
// cancellation, sent through the sending engine to the loopback SMTP server (and the print room).

let env: TestEnv;
let municipality: number;
let agent: Agent;
let venueId: string;

const sql = <T>(text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
    tx.query<T>(text, params),
  );
const addressOf = (mail: ParsedMail) => [mail.to].flat()[0]?.value[0]?.address;
const mailsTo = (name: string, subject: RegExp) =>
  env.smtp.messages.filter((m) => addressOf(m) === `${name}@example.no` && subject.test(m.subject ?? ''));

/** A household reached by e-mail, in bokmål unless `language` says otherwise. */
const emailHousehold = (name: string, language = 'nb') =>
  createHousehold(env.db, municipality, {
    adults: [
      {
        firstName: name[0]?.toUpperCase() + name.slice(1),
        lastName: 'Hansen',
        email: `${name}@example.no`,
        preferredChannels: ['email'],
        preferredLanguage: language,
      },
    ],
  });

/** Waits until nothing of the event's `purpose` is left to send, and returns each message's household and channel. */
async function sentOf(eventId: string, purpose: string) {
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM message WHERE event_id = $1 AND purpose = $2
             AND status IN ('queued', 'sending')`,
            [eventId, purpose],
          )
        )[0]?.n,
      { timeout: 20_000 },
    )
    .toBe(0);
  return sql<{ householdId: string; channel: string; status: string }>(
    `SELECT household_id AS "householdId", channel, status FROM message WHERE event_id = $1 AND purpose = $2`,
    [eventId, purpose],
  );
}

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Asker');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  agent = await loginAs(env.app, anne.email);
  venueId = await createVenue(agent);
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('cancelling a café', () => {
  it('before the answer deadline tells every household reached that has not said no, by its channel and language, once; queued reminders never go; the answer page says it is cancelled', async () => {
    const eventId = await createEvent(agent, {
      title: 'Vårkafé',
      date: '2099-03-17',
      registration: 'required',
      deadline: '2099-03-10',
      venueId,
      capacity: 2,
    });
    const people = { kari: 'nb', siri: 'nb', lars: 'nb', per: 'nb', nina: 'nb', ali: 'ar' };
    const ids = new Map<string, string>();
    for (const [name, language] of Object.entries(people))
      ids.set(name, await emailHousehold(name, language));
    const letterOnly = await createHousehold(env.db, municipality, {
      adults: [{ firstName: 'Brit', lastName: 'Brevik', preferredChannels: ['letter'] }],
    });
    await sendInvitations(agent, eventId);
    for (const [name, response] of [
      ['kari', 'coming'],
      ['siri', 'coming'],
      ['lars', 'coming'], // the café is full: on the waiting list
      ['per', 'not_coming'],
    ] as const) {
      await answer(env.db, municipality, eventId, ids.get(name) as string, { response, adults: 1 });
    }
    await sql(`UPDATE answer SET waiting_since = now() WHERE event_id = $1 AND household_id = $2`, [
      eventId,
      ids.get('lars'),
    ]);
    // A reminder waiting for its time: the cancellation withdraws it.
    await sql(
      `INSERT INTO message (municipality_id, invitation_id, event_id, household_id, purpose, channel, not_before)
       SELECT municipality_id, id, event_id, household_id, 'reminder:7', 'email', now() + interval '1 day'
       FROM invitation WHERE event_id = $1 AND household_id = $2`,
      [eventId, ids.get('kari')],
    );

    // A double click: two cancels at once.
    const [first, second] = await Promise.all([
      agent.post(`/api/events/${eventId}/cancel`),
      agent.post(`/api/events/${eventId}/cancel`),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(first.json().status).toBe('cancelled');

    const sent = await sentOf(eventId, 'cancellation');
    const byHousehold = new Map(sent.map((m) => [m.householdId, m]));
    expect(sent).toHaveLength(6);
    expect(byHousehold.has(ids.get('per') as string)).toBe(false);
    expect(byHousehold.get(letterOnly)).toMatchObject({ channel: 'letter', status: 'sent' });
    for (const name of ['kari', 'siri', 'lars', 'nina']) {
      const mails = mailsTo(name, /^Avlyst: Vårkafé/);
      expect(mails, name).toHaveLength(1);
      expect(mails[0]?.text).toContain('Vi må dessverre avlyse Vårkafé');
      expect(mails[0]?.attachments.some((a) => a.filename === 'kafe.ics')).toBe(false);
    }
    expect(mailsTo('ali', /^أُلغي: Vårkafé/)).toHaveLength(1);
    expect(mailsTo('per', /Avlyst/)).toHaveLength(0);
    const reminders = await sql(`SELECT 1 FROM message WHERE event_id = $1 AND purpose LIKE 'reminder:%'`, [
      eventId,
    ]);
    expect(reminders).toHaveLength(0);

    // Cancelling again sends nothing more.
    expect((await agent.post(`/api/events/${eventId}/cancel`)).statusCode).toBe(200);
    expect(await sentOf(eventId, 'cancellation')).toHaveLength(6);
    expect(mailsTo('kari', /^Avlyst/)).toHaveLength(1);

    // The answer link from the invitation now says the café is cancelled, with no form.
    const invitation = mailsTo('kari', /Vårkafé/).find((m) => /\/svar\//.test(m.text ?? ''));
    const token = /\/svar\/([\w-]{22})/.exec(invitation?.text ?? '')?.[1];
    const page = await env.app.inject({ method: 'GET', url: `/svar/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kafeen er dessverre avlyst');
    expect(page.body).not.toContain('<form');
  }, 60_000);

  it('after the answer deadline tells only the households that said they are coming, the waiting list too', async () => {
    const eventId = await insertEvent(env.db, municipality, {
      title: 'Høstkafé',
      date: inDays(3),
      deadline: inDays(-1),
      venueId,
    });
    const names = ['oda', 'jon', 'eva', 'tor'];
    const ids = new Map<string, string>();
    for (const name of names) {
      const id = await emailHousehold(name);
      ids.set(name, id);
      await invite(env.db, municipality, eventId, id, { channel: 'email' });
    }
    await answer(env.db, municipality, eventId, ids.get('oda') as string, { response: 'coming', adults: 2 });
    await answer(env.db, municipality, eventId, ids.get('jon') as string, { response: 'coming', adults: 1 });
    await answer(env.db, municipality, eventId, ids.get('tor') as string, { response: 'maybe' });
    await sql(`UPDATE answer SET waiting_since = now() WHERE event_id = $1 AND household_id = $2`, [
      eventId,
      ids.get('jon'),
    ]);

    expect((await agent.post(`/api/events/${eventId}/cancel`)).statusCode).toBe(200);
    const sent = await sentOf(eventId, 'cancellation');
    expect(sent.map((m) => m.householdId).sort()).toEqual([ids.get('oda'), ids.get('jon')].sort());
    expect(mailsTo('oda', /^Avlyst: Høstkafé/)).toHaveLength(1);
    expect(mailsTo('jon', /^Avlyst: Høstkafé/)).toHaveLength(1);
    expect(mailsTo('eva', /Avlyst/)).toHaveLength(0);
    expect(mailsTo('tor', /Avlyst/)).toHaveLength(0);
  }, 60_000);
});

describe('after the café', () => {
  it('the team sends a thank-you with the feedback link to those who came and «we missed you» to those who said yes and did not, once per household', async () => {
    const eventId = await insertEvent(env.db, municipality, { title: 'Julekafé', date: inDays(-1), venueId });
    const names = ['mia', 'ulf', 'ove', 'lea', 'kim'];
    const ids = new Map<string, string>();
    for (const name of names) {
      const id = await emailHousehold(name);
      ids.set(name, id);
      await invite(env.db, municipality, eventId, id, { channel: 'email' });
    }
    const id = (name: string) => ids.get(name) as string;
    await answer(env.db, municipality, eventId, id('mia'), { response: 'coming', adults: 2 });
    await answer(env.db, municipality, eventId, id('ove'), { response: 'coming', adults: 1 });
    await answer(env.db, municipality, eventId, id('lea'), { response: 'coming', adults: 1 });
    await answer(env.db, municipality, eventId, id('kim'), { response: 'not_coming' });
    await sql('UPDATE answer SET waiting_since = now() WHERE event_id = $1 AND household_id = $2', [
      eventId,
      id('lea'),
    ]);
    await attend(env.db, municipality, eventId, id('mia'));
    await attend(env.db, municipality, eventId, id('ulf')); // came without having answered
    const path = `/api/events/${eventId}/after-cafe`;

    expect((await agent.get(path)).json()).toMatchObject({
      held: true,
      feedbackForm: false,
      thanks: { households: 2, sent: 0 },
      missed: { households: 1, sent: 0 },
    });
    const noForm = await agent.post(path, { thanks: true, missed: true });
    expect(noForm.statusCode).toBe(409);
    expect(noForm.json().code).toBe('sending.no_feedback_form');
    const form = (await agent.get(`/api/events/${eventId}/feedback`)).json();
    const saved = await agent.put(`/api/events/${eventId}/feedback`, {
      questions: form.questions,
      languages: form.languages,
      closesAt: form.closesAt,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const [first, second] = await Promise.all([
      agent.post(path, { thanks: true, missed: true }),
      agent.post(path, { thanks: true, missed: true }),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.json()).toMatchObject({
      thanks: { households: 2, sent: 2 },
      missed: { households: 1, sent: 1 },
    });
    // In quiet hours they wait until 09:00; here they go now.
    await sql(
      "UPDATE message SET not_before = now() WHERE event_id = $1 AND purpose IN ('thanks', 'missed')",
      [eventId],
    );
    await sendDue(
      { db: env.db, config: env.config, channels: createChannels(env.config) },
      municipality,
      eventId,
    );
    expect(await sentOf(eventId, 'thanks')).toHaveLength(2);
    expect(await sentOf(eventId, 'missed')).toHaveLength(1);

    for (const name of ['mia', 'ulf']) {
      const mails = mailsTo(name, /^Takk for at dere kom på Julekafé/);
      expect(mails, name).toHaveLength(1);
      expect(mails[0]?.text).toContain(`http://landsby.test/t/${saved.json().code}`);
    }
    expect(mailsTo('ove', /^Vi savnet dere på Julekafé/)).toHaveLength(1);
    for (const name of ['lea', 'kim']) expect(mailsTo(name, /Julekafé/), name).toHaveLength(0);
    expect(mailsTo('mia', /savnet/)).toHaveLength(0);

    // Sending again reaches nobody twice.
    const again = await agent.post(path, { thanks: true, missed: true });
    expect(again.json()).toMatchObject({ thanks: { sent: 2 }, missed: { sent: 1 } });
    expect(await sentOf(eventId, 'thanks')).toHaveLength(2);
    expect((await agent.post(path, { thanks: false, missed: false })).statusCode).toBe(400);
  }, 60_000);

  it('refuses before the café has ended and for a cancelled café', async () => {
    const coming = await insertEvent(env.db, municipality, { date: inDays(7), venueId });
    const before = await agent.post(`/api/events/${coming}/after-cafe`, { thanks: false, missed: true });
    expect(before.statusCode).toBe(409);
    expect(before.json().code).toBe('sending.not_held');
    const cancelled = await insertEvent(env.db, municipality, { date: inDays(-2), status: 'cancelled' });
    const after = await agent.post(`/api/events/${cancelled}/after-cafe`, { thanks: false, missed: true });
    expect(after.json().code).toBe('sending.not_held');
  });
});

describe('the venue at send time', () => {
  it('an invitation whose café lost its venue after the click fails with why and goes, with the place, once the venue is back', async () => {
    const user = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Berit' });
    const eventId = await insertEvent(env.db, municipality, {
      title: 'Sommerkafé',
      date: inDays(20),
      venueId: null,
      sendAt: new Date(Date.now() - 60_000),
      sendBy: user.id,
    });
    const vera = await emailHousehold('vera');
    await sendDue(
      { db: env.db, config: env.config, channels: createChannels(env.config) },
      municipality,
      eventId,
      { prepare: true },
    );
    // The worker may have taken the planned sending first: wait for the message's outcome.
    const invitationMessage = () =>
      sql<{ status: string; reason: string }>(
        "SELECT status, reason FROM message WHERE event_id = $1 AND household_id = $2 AND purpose = 'invitation'",
        [eventId, vera],
      );
    await expect.poll(async () => (await invitationMessage())[0]?.status, { timeout: 20_000 }).toBe('failed');
    const failed = await invitationMessage();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toContain('sending.no_venue');
    expect(mailsTo('vera', /Sommerkafé/)).toHaveLength(0);

    await sql('UPDATE event SET venue_id = $2 WHERE id = $1', [eventId, venueId]);
    const retry = await agent.post(`/api/events/${eventId}/sending/retry`, {});
    expect(retry.statusCode, retry.body).toBe(200);
    const sent = await sentOf(eventId, 'invitation');
    expect(sent.find((m) => m.householdId === vera)).toMatchObject({ status: 'sent' });
    const [mail] = mailsTo('vera', /Sommerkafé/);
    expect(mail?.text).toContain('Frivilligsentralen');
  }, 60_000);
});

describe('the feedback form in the new languages', () => {
  it('can be written in Polish (and Somali, Ukrainian, Tigrinya), and the form page speaks it', async () => {
    const eventId = await insertEvent(env.db, municipality, {
      title: 'Vinterkafé',
      date: inDays(30),
      venueId,
    });
    const saved = await agent.put(`/api/events/${eventId}/feedback`, {
      questions: [{ id: 'q1', type: 'scale', text: { pl: 'Jak było?', nb: 'Hvordan var det?' } }],
      languages: ['pl', 'nb'],
      closesAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const page = await env.app.inject({ method: 'GET', url: `/t/${saved.json().code}` });
    expect(page.body).toContain('<html lang="pl" dir="ltr">');
    expect(page.body).toContain('Jak było?');
    for (const language of ['so', 'uk', 'ti']) {
      const other = await agent.put(`/api/events/${eventId}/feedback`, {
        questions: [{ id: 'q1', type: 'scale', text: { [language]: 'Test', nb: 'Hvordan var det?' } }],
        languages: [language, 'nb'],
        closesAt: new Date(Date.now() + 40 * 86_400_000).toISOString(),
        version: (await agent.get(`/api/events/${eventId}/feedback`)).json().version,
      });
      expect(other.statusCode, `${language}: ${other.body}`).toBe(200);
    }
  });
});
