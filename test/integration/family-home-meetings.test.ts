import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import type { MeetingCalendar } from '../../src/features/family-home-meetings/contract.js';
import { sendMeetingReminders } from '../../src/features/family-home-meetings/index.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createHousehold, createMunicipality, createUser, type TestUser } from '../support/factories.js';

// The meetings the team joins with a family home (SPEC section 5): school meetings, the
// responsibility group, leisure activities; who takes part; a reminder e-mail the day before, once.
let env: TestEnv;
let asker: number;
let caseworker: TestUser;
let caseworkerAgent: Agent;
let counsellor: TestUser;
let counsellorAgent: Agent;
let home: string;

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Askerløkka');
  caseworker = await createUser(env.db, asker, ['caseworker'], { firstName: 'Kasper' });
  caseworkerAgent = await loginAs(env.app, caseworker.email);
  counsellor = await createUser(env.db, asker, ['family_counsellor'], { firstName: 'Frida' });
  counsellorAgent = await loginAs(env.app, counsellor.email);
  home = await createHousehold(env.db, asker, {
    kind: 'family_home',
    adults: [{ firstName: 'Hiva', lastName: 'Mirzai' }],
  });
  await caseworkerAgent.put(`/api/family-homes/${home}/counsellor`, { userId: counsellor.id });
});
afterAll(() => env.close());

const tomorrow = () => addDays(todayInOslo(), 1);
const reminders = (now?: Date) =>
  sendMeetingReminders(
    { db: env.db, mailer: createMailer(env.config), config: env.config, log: env.app.log },
    now,
  );

describe('the calendar of meetings', () => {
  it('puts a responsibility group meeting in the calendar with who takes part, and cancels it', async () => {
    const planned = await counsellorAgent.post(`/api/family-homes/${home}/meetings`, {
      date: addDays(todayInOslo(), 10),
      startTime: '14:30',
      kind: 'responsibility_group',
      place: 'Asker rådhus, møterom 2',
      participantUserIds: [counsellor.id, caseworker.id],
    });
    expect(planned.statusCode).toBe(201);
    const calendar = planned.json() as MeetingCalendar;
    const meeting = calendar.upcoming.find((m) => m.kind === 'responsibility_group');
    expect(meeting).toMatchObject({ startTime: '14:30', place: 'Asker rådhus, møterom 2' });
    expect(meeting?.participants.map((p) => p.id).sort()).toEqual([counsellor.id, caseworker.id].sort());
    expect(calendar.staff.map((p) => p.id)).toEqual(expect.arrayContaining([counsellor.id, caseworker.id]));

    const cancelled = await caseworkerAgent.request({
      method: 'DELETE',
      url: `/api/family-homes/${home}/meetings/${meeting?.id}`,
    });
    expect((cancelled.json() as MeetingCalendar).upcoming.map((m) => m.id)).not.toContain(meeting?.id);
  });

  it('refuses a past date, a participant who is not staff, and a missing place', async () => {
    const base = {
      date: tomorrow(),
      startTime: '09:00',
      kind: 'school',
      place: 'Skolen',
      participantUserIds: [caseworker.id],
    };
    const past = await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, {
      ...base,
      date: '2020-01-01',
    });
    expect(past.json().details).toEqual([{ field: 'date', rule: 'past' }]);
    const foster = await createUser(env.db, asker, ['foster_parent']);
    const stranger = await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, {
      ...base,
      participantUserIds: [foster.id],
    });
    expect(stranger.json().details).toEqual([{ field: 'participantUserIds.0', rule: 'staff' }]);
    expect(
      (await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, { ...base, place: ' ' })).statusCode,
    ).toBe(400);
    expect((await caseworkerAgent.get(`/api/family-homes/${home}/meetings`)).json().upcoming).toEqual([]);
  });

  it("answers 404 for another municipality's home and for a home the counsellor does not follow", async () => {
    const other = await createMunicipality(env.db, 'Bortenfor');
    const theirs = await createHousehold(env.db, other, {
      kind: 'family_home',
      adults: [{ firstName: 'B', lastName: 'B' }],
    });
    const notTheirs = await createHousehold(env.db, asker, {
      kind: 'family_home',
      adults: [{ firstName: 'C', lastName: 'C' }],
    });
    expect((await caseworkerAgent.get(`/api/family-homes/${theirs}/meetings`)).statusCode).toBe(404);
    expect((await counsellorAgent.get(`/api/family-homes/${notTheirs}/meetings`)).statusCode).toBe(404);
  });
});

describe('the reminder the day before', () => {
  it("e-mails each participant of tomorrow's meeting once, however often the run comes", async () => {
    const planned = await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, {
      date: tomorrow(),
      startTime: '18:00',
      kind: 'leisure',
      place: 'Fotballbanen',
      participantUserIds: [counsellor.id, caseworker.id],
    });
    expect(planned.statusCode).toBe(201);
    // A meeting the day after tomorrow is not due yet.
    await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, {
      date: addDays(todayInOslo(), 2),
      startTime: '10:00',
      kind: 'school',
      place: 'Skolen',
      participantUserIds: [counsellor.id],
    });

    expect(await reminders()).toBe(2);
    const mail = await env.smtp.waitFor(counsellor.email);
    expect(mail.subject).toBe('Påminnelse: Fritidsaktivitet i morgen kl. 18:00');
    expect(mail.text).toContain('Fotballbanen');
    expect(mail.text).toContain(`http://landsby.test/familiehjem/${home}`);
    expect(mail.text).not.toContain('Mirzai');
    await env.smtp.waitFor(caseworker.email);

    expect(await reminders()).toBe(0);
    const toCounsellor = env.smtp.messages.filter((m) => JSON.stringify(m.to).includes(counsellor.email));
    expect(toCounsellor).toHaveLength(1);
  });

  it('tries again in the next run when the e-mail could not be sent', async () => {
    await caseworkerAgent.post(`/api/family-homes/${home}/meetings`, {
      date: addDays(todayInOslo(), 3),
      startTime: '08:15',
      kind: 'school',
      place: 'Videregående',
      participantUserIds: [caseworker.id],
    });
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await env.smtp.down();
    expect(await reminders(inTwoDays)).toBe(0);
    await env.smtp.up();
    expect(await reminders(inTwoDays)).toBe(1);
    expect(await reminders(inTwoDays)).toBe(0);
  });
});
