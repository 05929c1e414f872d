import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channels, createChannels } from '../../src/channels/index.js';
import { inTenant } from '../../src/db/tenant.js';
import { sendDue, sendDueReminders } from '../../src/features/sending/worker.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import {
  answer,
  attend,
  createEvent,
  createVenue,
  insertEvent,
  invite,
  sendInvitations,
} from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';
import { type SveveStandIn, startSveveStandIn, sveveEnv } from '../support/sveve-stand-in.js';

let env: TestEnv;
let sveve: SveveStandIn;
let channels: Channels;
let municipality: number;
let agent: Agent;
let eventId: string;
const h = { coming: '', maybe: '', no: '', firstTimer: '', regular: '', letter: '', waiting: '', late: '' };

interface OverviewHousehold {
  id: string;
  name: string;
  channel: string;
  response: string | null;
  adults: number;
  children: number;
  diet: string[];
  place: number | null;
  firstTime: boolean;
  answeredBy: string | null;
  present: boolean;
}
interface Overview {
  capacity: number | null;
  free: number | null;
  reminders: number[];
  remindersSent: { key: string; households: number }[];
  counts: Record<string, unknown>;
  attendance: unknown;
  food: { persons: number; diets: { diet: string; households: number; persons: number }[]; notes: string[] };
  byChannel: { channel: string; invited: number; answered: number; coming: number }[];
  households: OverviewHousehold[];
}

const ctx = () => ({ municipalityId: municipality, userId: null, ip: null });
const overview = async (): Promise<Overview> => (await agent.get(`/api/events/${eventId}/overview`)).json();
/** The reminder job's deps: the worker sends what it queued at once (as the app's job would). */
const reminderDeps = () => ({
  db: env.db,
  jobs: {
    async sendMessages(job: { municipalityId: number; eventId: string }) {
      await sendDue({ db: env.db, config: env.config, channels }, job.municipalityId, job.eventId);
    },
  },
});
const reminderMessages = (purpose: string) =>
  inTenant(env.db, ctx(), (tx) =>
    tx.query<{ household_id: string; channel: string; not_before: Date }>(
      'SELECT household_id, channel, not_before FROM message WHERE event_id = $1 AND purpose LIKE $2',
      [eventId, purpose],
    ),
  );
const mailsTo = (address: string, subject: string) =>
  env.smtp.messages.filter(
    (m) =>
      m.subject?.startsWith(subject) &&
      [m.to].flat().some((a) => a?.value.some((v) => v.address === address)),
  );

const noted = (response: string, extra: Record<string, unknown> = {}) => ({
  response,
  adults: 0,
  children: 0,
  diet: [],
  dietNote: null,
  comment: null,
  ...extra,
});

beforeAll(async () => {
  sveve = await startSveveStandIn();
  env = await createTestEnv({
    ...sveveEnv(sveve),
    MAIL_FROM: 'Landsby <kafe@malvik.kommune.no>',
  });
  channels = createChannels(env.config);
  municipality = await createMunicipality(env.db, 'Malvik');
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  agent = await loginAs(env.app, anne.email);
  eventId = await createEvent(agent, {
    capacity: 4,
    hostUserIds: [anne.id],
    venueId: await createVenue(agent),
  });
  const mail = (firstName: string, lastName: string, email: string) =>
    createHousehold(env.db, municipality, {
      adults: [{ firstName, lastName, email, preferredChannels: ['email'] }],
    });
  h.coming = await mail('Kari', 'Aas', 'kari@example.no');
  h.maybe = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Siri', lastName: 'Berg', mobile: '+47 913 45 678', preferredChannels: ['sms'] }],
  });
  h.no = await mail('Nina', 'Holm', 'nina@example.no');
  h.firstTimer = await mail('Per', 'Lie', 'per@example.no');
  h.regular = await mail('Ola', 'Vik', 'ola@example.no');
  h.letter = await createHousehold(env.db, municipality, {
    adults: [{ firstName: 'Lars', lastName: 'Dahl', preferredChannels: ['letter'] }],
  });
  h.waiting = await mail('Eva', 'Moe', 'eva@example.no');

  // Ola has been to a café before (checked in at another event).
  const earlier = await createEvent(agent, { date: '2027-06-08', capacity: null, hostUserIds: [anne.id] });
  await attend(env.db, municipality, earlier, h.regular);

  await sendInvitations(agent, eventId);
  // Added after the invitations went, and taken out of the audience: no invitation.
  h.late = await mail('Sen', 'Ankomst', 'sen@example.no');
  const out = await agent.put(`/api/events/${eventId}/audience/${h.late}`, { included: false });
  expect(out.statusCode, out.body).toBeLessThan(300);
}, 60_000);

afterAll(async () => {
  for (const channel of Object.values(channels ?? {})) channel.close?.();
  await env?.close();
  await sveve?.close();
});

describe("the team's overview of the answers", () => {
  it('notes answers for households after a phone call, and only for invited ones', async () => {
    const put = (householdId: string, body: unknown) =>
      agent.put(`/api/events/${eventId}/answers/${householdId}`, body);
    const coming = await put(
      h.coming,
      noted('coming', {
        adults: 2,
        children: 1,
        diet: ['vegetarian', 'nut_allergy'],
        dietNote: 'Nøtteallergi – alvorlig',
        comment: 'Vi kommer litt sent',
      }),
    );
    expect(coming.statusCode, coming.body).toBe(200);
    expect(coming.json()).toEqual({ status: 'confirmed', place: null });
    expect((await put(h.maybe, noted('maybe'))).json().status).toBe('maybe');
    expect((await put(h.no, noted('not_coming'))).json().status).toBe('not_coming');
    // Two more persons than the four places: the waiting list.
    expect((await put(h.waiting, noted('coming', { adults: 2 }))).json()).toEqual({
      status: 'waiting',
      place: 1,
    });

    const notInvited = await put(h.late, noted('maybe'));
    expect(notInvited.statusCode).toBe(404);
    expect(notInvited.json().code).toBe('not_found');
    expect((await put('not-a-household', noted('maybe'))).statusCode).toBe(404);
    const invalid = await put(h.maybe, noted('coming'));
    expect(invalid.statusCode).toBe(400);
  });

  it('counts at a glance: invited, answered, coming, no, maybe, silent, waiting, food and channels', async () => {
    const view = await overview();
    expect(view.capacity).toBe(4);
    expect(view.free).toBe(1);
    expect(view.reminders).toEqual([7, 1]);
    expect(view.counts).toEqual({
      invited: 7,
      answered: 4,
      coming: { households: 1, adults: 2, children: 1 },
      notComing: 1,
      maybe: 1,
      silent: 3,
      waiting: { households: 1, persons: 2 },
    });
    expect(view.food).toMatchObject({
      served: true,
      persons: 3,
      diets: [
        { diet: 'nut_allergy', households: 1, persons: 3 },
        { diet: 'vegetarian', households: 1, persons: 3 },
      ],
      notes: ['Nøtteallergi – alvorlig'],
    });
    const channel = (name: string) => view.byChannel.find((c) => c.channel === name);
    expect(channel('email')).toEqual({ channel: 'email', invited: 5, answered: 3, coming: 1 });
    expect(channel('sms')).toEqual({ channel: 'sms', invited: 1, answered: 1, coming: 0 });
    expect(channel('letter')).toEqual({ channel: 'letter', invited: 1, answered: 0, coming: 0 });

    const byId = new Map(view.households.map((x) => [x.id, x]));
    expect(byId.has(h.late)).toBe(false);
    expect(byId.get(h.coming)).toMatchObject({
      name: 'Kari Aas',
      response: 'coming',
      adults: 2,
      children: 1,
      answeredBy: 'team',
      place: null,
    });
    expect(byId.get(h.waiting)).toMatchObject({ response: 'coming', place: 1 });
    expect(byId.get(h.firstTimer)).toMatchObject({ response: null, firstTime: true, answeredBy: null });
    expect(byId.get(h.regular)?.firstTime).toBe(false);
  });

  it('keeps the reminder schedule the team sets, of the allowed days only', async () => {
    const bad = await agent.put(`/api/events/${eventId}/reminders`, { days: [8] });
    expect(bad.statusCode).toBe(400);
    const none = await agent.put(`/api/events/${eventId}/reminders`, { days: [] });
    expect(none.json()).toEqual({ reminders: [] });
    const set = await agent.put(`/api/events/${eventId}/reminders`, { days: [1, 7, 7] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ reminders: [7, 1] });
    expect((await overview()).reminders).toEqual([7, 1]);
  });
});

describe('reminders on the schedule', () => {
  // Tuesday 14 September 2027, 18:00. A week before: Tuesday 7 September 10:00 Oslo = 08:00Z.
  it('sends nothing before the time, nor in quiet hours', async () => {
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-07T07:30:00Z'))).toEqual({
      events: 0,
      queued: 0,
    });
    // Due since 10:00, but it is 21:00 in Oslo.
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-07T19:00:00Z'))).toEqual({
      events: 0,
      queued: 0,
    });
    expect(await reminderMessages('reminder:%')).toHaveLength(0);
  });

  it('reminds at 09:00 the morning after, not those who said no or wait, warmer for a first-timer', async () => {
    const result = await sendDueReminders(reminderDeps(), new Date('2027-09-08T07:15:00Z'));
    expect(result).toEqual({ events: 1, queued: 4 });
    const queued = await reminderMessages('reminder:7');
    expect(new Set(queued.map((m) => m.household_id))).toEqual(
      new Set([h.coming, h.maybe, h.firstTimer, h.regular]),
    );
    // Never checked in anywhere: the warmer words; been before: the plain reminder.
    await expect.poll(() => mailsTo('per@example.no', 'Velkommen – også første gang').length).toBe(1);
    await expect.poll(() => mailsTo('ola@example.no', 'Påminnelse: Fosterhjemskafé').length).toBe(1);
    expect(mailsTo('ola@example.no', 'Velkommen – også første gang')).toHaveLength(0);
    expect(mailsTo('per@example.no', 'Velkommen – også første gang')[0]?.text).toContain('første gang');
    await expect.poll(() => sveve.sent.filter((s) => s.msg.includes('første gang')).length).toBe(1);
    expect(mailsTo('nina@example.no', 'Påminnelse')).toHaveLength(0);
    expect(mailsTo('nina@example.no', 'Velkommen – også')).toHaveLength(0);
    expect(mailsTo('eva@example.no', 'Påminnelse')).toHaveLength(0);
    expect(mailsTo('eva@example.no', 'Velkommen – også')).toHaveLength(0);

    // The same reminder never twice.
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-08T08:00:00Z'))).toEqual({
      events: 1,
      queued: 0,
    });
    expect(await reminderMessages('reminder:7')).toHaveLength(4);
    expect((await overview()).remindersSent).toEqual([expect.objectContaining({ key: '7', households: 4 })]);
  });

  it('sends the day-before reminder in its turn, and none after the start', async () => {
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-13T08:00:00Z'))).toEqual({
      events: 1,
      queued: 4,
    });
    await expect.poll(() => mailsTo('ola@example.no', 'Påminnelse: Fosterhjemskafé').length).toBe(2);
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-14T16:30:00Z'))).toEqual({
      events: 0,
      queued: 0,
    });
  });

  it('sends none when the team has turned the reminders off', async () => {
    await agent.put(`/api/events/${eventId}/reminders`, { days: [] });
    expect(await sendDueReminders(reminderDeps(), new Date('2027-09-13T09:00:00Z'))).toEqual({
      events: 0,
      queued: 0,
    });
    await agent.put(`/api/events/${eventId}/reminders`, { days: [7, 1] });
  });
});

describe('a reminder now to a group', () => {
  it('sends once on a double click', async () => {
    const [first, second] = await Promise.all([
      agent.post(`/api/events/${eventId}/reminders/now`, { group: 'silent' }),
      agent.post(`/api/events/${eventId}/reminders/now`, { group: 'silent' }),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode).toBe(200);
    // The silent: Per and Ola (Lars has only a letter address, so no short message reaches him).
    expect(first.json().queued + second.json().queued).toBe(2);
    expect([first.json().queued, second.json().queued].sort()).toEqual([0, 2]);
    const queued = await reminderMessages('reminder:now-silent-%');
    expect(new Set(queued.map((m) => m.household_id))).toEqual(new Set([h.firstTimer, h.regular]));
    // Asked for in quiet hours, it waits until 09:00.
    const at = new Date(first.json().at);
    for (const m of queued)
      expect(new Date(m.not_before).getTime()).toBeGreaterThanOrEqual(at.getTime() - 1000);

    const again = await agent.post(`/api/events/${eventId}/reminders/now`, { group: 'silent' });
    expect(again.json().queued).toBe(0);
  });

  it('reaches the maybes and the confirmed, not the waiting list', async () => {
    const maybe = await agent.post(`/api/events/${eventId}/reminders/now`, { group: 'maybe' });
    expect(maybe.json().queued).toBe(1);
    const coming = await agent.post(`/api/events/${eventId}/reminders/now`, { group: 'coming' });
    expect(coming.json().queued).toBe(1);
    const sent = await reminderMessages('reminder:now-coming-%');
    expect(sent.map((m) => m.household_id)).toEqual([h.coming]);
    const bad = await agent.post(`/api/events/${eventId}/reminders/now`, { group: 'everyone' });
    expect(bad.statusCode).toBe(400);
  });
});

describe("the evening's figures", () => {
  it('counts who came, who said yes and did not, walk-ins and first-timers, and keeps the persons of a check-in when the answer changes', async () => {
    const evening = await insertEvent(env.db, municipality, { date: '2027-10-05' });
    const person = (firstName: string, lastName: string) =>
      createHousehold(env.db, municipality, { adults: [{ firstName, lastName }] });
    const came = await person('Kom', 'Tidlig');
    const stayedHome = await person('Ble', 'Hjemme');
    const regular = await person('Fast', 'Gjest');
    const declined = await person('Takket', 'Nei');
    const walkIn = await person('Kom', 'Innom');
    for (const household of [came, stayedHome, regular, declined]) {
      await invite(env.db, municipality, evening, household, { channel: 'email' });
    }
    await answer(env.db, municipality, evening, came, { response: 'coming', adults: 2, children: 1 });
    await answer(env.db, municipality, evening, stayedHome, { response: 'coming', adults: 1 });
    await answer(env.db, municipality, evening, regular, { response: 'coming', adults: 1 });
    await answer(env.db, municipality, evening, declined, { response: 'not_coming' });
    // The regular has been to a café before.
    const before = await insertEvent(env.db, municipality, { date: '2027-05-04' });
    await attend(env.db, municipality, before, regular);

    const tap = (householdId: string) =>
      agent.post(`/api/events/${evening}/attendance`, {
        tapId: randomUUID(),
        householdId,
        present: true,
        tappedAt: new Date().toISOString(),
      });
    expect((await tap(came)).statusCode).toBe(200);
    expect((await tap(regular)).statusCode).toBe(200);
    const walked = await agent.post(`/api/events/${evening}/walk-ins`, {
      tapId: randomUUID(),
      householdId: walkIn,
    });
    expect(walked.statusCode, walked.body).toBeLessThan(300);

    const figures = async () => (await agent.get(`/api/events/${evening}/overview`)).json() as Overview;
    const expected = {
      attended: { households: 3, adults: 4, children: 1 },
      noShow: 1,
      walkIns: { households: 1, persons: 1 },
      firstTimers: 2,
    };
    expect((await figures()).attendance).toEqual(expected);

    // The household that came says afterwards that it was not coming: it came all the same.
    const changed = await agent.put(`/api/events/${evening}/answers/${came}`, noted('not_coming'));
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await figures();
    expect(after.counts).toMatchObject({ notComing: 2 });
    expect(after.attendance).toEqual(expected);
    expect(
      after.households
        .filter((x) => x.present)
        .map((x) => x.id)
        .sort(),
    ).toEqual([came, regular].sort());
  });
});
