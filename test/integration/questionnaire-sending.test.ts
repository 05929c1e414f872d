import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/index.js';
import { inTenant } from '../../src/db/tenant.js';
import { sendDue } from '../../src/features/sending/worker.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createVenue, inDays, sendInvitations } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';

// Issue 14 point 5: En god start's evaluation questionnaire goes through the one sending engine.
// «Send spørreskjema» on the cohort's evaluation page sends each household of the cohort in this
// municipality its personal link with its invitation to the round's session, by its channel and
// in its language, once; the page shows per household sent and answered.

let env: TestEnv;
let startby: number;
let naboby: number;
let agent: Agent;
let neighbour: Agent;
let cohortId: string;
let sessionId: string;
let neighbourCohortId: string;
let neighbourSessionId: string;
const homes: Record<string, string> = {};

const tenantSql = <T>(municipalityId: number, text: string, params: unknown[] = []) =>
  inTenant(env.db, { municipalityId, userId: null, ip: null }, (tx) => tx.query<T>(text, params));
const linkIn = (mail: ParsedMail) => /\/sporreskjema\/([\w-]{22})/.exec(mail.text ?? '')?.[1];
const questionnaireMails = (to: string) =>
  env.smtp.messages.filter((m) => m.text?.includes('/sporreskjema/') && JSON.stringify(m.to).includes(to));
const reminderMails = (to: string, subject: string) =>
  questionnaireMails(to).filter((m) => m.subject === subject);
/** The questionnaire mail to the address, once the loopback SMTP server has it (the invitation came before). */
async function questionnaireTo(to: string): Promise<ParsedMail> {
  await expect.poll(() => questionnaireMails(to).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return questionnaireMails(to)[0] as ParsedMail;
}

/** A municipality's cohort of e-mail households (first name → language), invited to its first session. */
async function cohortOf(as: Agent, municipalityId: number, people: [string, string][], name: string) {
  const ids: string[] = [];
  for (const [firstName, language] of people) {
    homes[firstName] = await createHousehold(env.db, municipalityId, {
      adults: [
        {
          firstName,
          lastName: 'Nyfosterhjem',
          email: `${firstName.toLowerCase()}@example.no`,
          preferredChannels: ['email' as const],
          preferredLanguage: language,
        },
      ],
    });
    ids.push(homes[firstName] as string);
  }
  const created = await as.post('/api/cohorts', {
    name,
    firstDate: inDays(20),
    startTime: '18:00',
    endTime: '20:30',
    intervalDays: 14,
    leaderUserIds: [],
    householdIds: ids,
    venueId: await createVenue(as),
  });
  expect(created.statusCode, created.body).toBe(201);
  const session = created.json().sessions[0].eventId as string;
  await sendInvitations(as, session);
  return { cohortId: created.json().id as string, sessionId: session };
}

/** The queued questionnaires go now (asked for in quiet hours they would wait until 09:00). */
async function sendNow(municipalityId: number, eventId: string) {
  await tenantSql(
    municipalityId,
    "UPDATE message SET not_before = now() WHERE event_id = $1 AND purpose LIKE 'questionnaire%'",
    [eventId],
  );
  await sendDue(
    { db: env.db, config: env.config, channels: createChannels(env.config) },
    municipalityId,
    eventId,
  );
}

beforeAll(async () => {
  env = await createTestEnv();
  startby = await createMunicipality(env.db, 'Startby');
  naboby = await createMunicipality(env.db, 'Naboby');
  agent = await loginAs(env.app, (await createUser(env.db, startby, ['caseworker'])).email);
  neighbour = await loginAs(env.app, (await createUser(env.db, naboby, ['caseworker'])).email);
  ({ cohortId, sessionId } = await cohortOf(
    agent,
    startby,
    [
      ['Kari', 'nb'],
      ['Ola', 'en'],
      ['Piotr', 'pl'],
    ],
    'Vårkullet',
  ));
  ({ cohortId: neighbourCohortId, sessionId: neighbourSessionId } = await cohortOf(
    neighbour,
    naboby,
    [['Nora', 'nb']],
    'Nabokullet',
  ));
}, 90_000);

afterAll(() => env?.close());

describe('«Send spørreskjema» for En god start', () => {
  it("mails each household of the cohort its personal link in its language, which opens the questionnaire in the household's language", async () => {
    const sent = await agent.post(`/api/cohorts/${cohortId}/evaluation-links/sending`, { round: 'before' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ queued: 3, notInvited: 0 });
    await sendNow(startby, sessionId);

    const toKari = await questionnaireTo('kari@example.no');
    expect(toKari.subject).toBe('Spørsmål før En god start');
    const toOla = await questionnaireTo('ola@example.no');
    expect(toOla.subject).toBe('Questions before En god start');
    expect((await questionnaireTo('piotr@example.no')).subject).toBe('Pytania przed En god start');

    const olaPage = await env.app.inject({ method: 'GET', url: `/sporreskjema/${linkIn(toOla)}` });
    expect(olaPage.statusCode).toBe(200);
    expect(olaPage.body).toContain('<html lang="en"');
    const kariPage = await env.app.inject({ method: 'GET', url: `/sporreskjema/${linkIn(toKari)}` });
    expect(kariPage.body).toContain('<html lang="nb"');

    // The link in the mail is the one the team sees on the page.
    const links = (await agent.get(`/api/cohorts/${cohortId}/evaluation-links`)).json().links as {
      householdId: string;
      url: string;
      sent: boolean;
      answered: boolean;
    }[];
    const kari = links.find((l) => l.householdId === homes.Kari);
    expect(kari?.url.endsWith(`/sporreskjema/${linkIn(toKari)}`)).toBe(true);
    expect(links.map((l) => [l.sent, l.answered])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('marks the household answered on the page once it answers through the mailed link', async () => {
    const token = linkIn(await questionnaireTo('kari@example.no')) as string;
    const page = await env.app.inject({ method: 'GET', url: `/sporreskjema/${token}` });
    const scales = [...page.body.matchAll(/name="([\w-]+)" value="3"/g)].map((m) => m[1] as string);
    expect(scales.length).toBeGreaterThan(0);
    const saved = await env.app.inject({
      method: 'POST',
      url: `/sporreskjema/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(scales.map((name) => [name, '3'])).toString(),
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const links = (await agent.get(`/api/cohorts/${cohortId}/evaluation-links`)).json().links as {
      householdId: string;
      answered: boolean;
    }[];
    expect(links.filter((l) => l.answered).map((l) => l.householdId)).toEqual([homes.Kari]);
  });

  it('sends nothing new on a second click, nor on two at once', async () => {
    const [first, second] = await Promise.all([
      agent.post(`/api/cohorts/${cohortId}/evaluation-links/sending`, { round: 'before' }),
      agent.post(`/api/cohorts/${cohortId}/evaluation-links/sending`, { round: 'before' }),
    ]);
    expect([first.json().queued, second.json().queued]).toEqual([0, 0]);
    const rows = await tenantSql<{ n: number }>(
      startby,
      "SELECT count(*)::int AS n FROM message WHERE purpose = 'questionnaire:before'",
    );
    expect(rows[0]?.n).toBe(3);
    await sendNow(startby, sessionId);
    expect(questionnaireMails('kari@example.no')).toHaveLength(1);
  });

  it("gives a household of another municipality nothing, and that municipality's staff no way in", async () => {
    expect(questionnaireMails('nora@example.no')).toHaveLength(0);
    expect(
      await tenantSql(naboby, "SELECT 1 FROM message WHERE purpose LIKE 'questionnaire:%'"),
    ).toHaveLength(0);
    const refused = await neighbour.post(`/api/cohorts/${cohortId}/evaluation-links/sending`, {
      round: 'before',
    });
    expect(refused.statusCode).toBe(404);

    // Its own cohort's questionnaire reaches its own household only.
    const own = await neighbour.post(`/api/cohorts/${neighbourCohortId}/evaluation-links/sending`, {
      round: 'before',
    });
    expect(own.json()).toMatchObject({ queued: 1, notInvited: 0 });
    await sendNow(naboby, neighbourSessionId);
    expect((await questionnaireTo('nora@example.no')).subject).toBe('Spørsmål før En god start');
    expect(questionnaireMails('kari@example.no')).toHaveLength(1);
  });

  it('counts the households not invited to the last session instead of sending them the after round', async () => {
    const after = await agent.post(`/api/cohorts/${cohortId}/evaluation-links/sending`, { round: 'after' });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json()).toMatchObject({ queued: 0, notInvited: 3 });
    const links = after.json().links as { round: string; sent: boolean }[];
    expect(links.filter((l) => l.round === 'after').map((l) => l.sent)).toEqual([false, false, false]);
  });

  it('reminds once, by the same link, those who got the questionnaire and have not answered', async () => {
    const reminded = await agent.post(`/api/cohorts/${cohortId}/evaluation-links/reminder`, {
      round: 'before',
    });
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json().queued).toBe(2);
    await sendNow(startby, sessionId);
    await expect
      .poll(() => reminderMails('ola@example.no', 'Reminder: questions about En god start').length, {
        timeout: 20_000,
      })
      .toBe(1);
    const [first, reminder] = questionnaireMails('ola@example.no');
    expect(linkIn(reminder as ParsedMail)).toBe(linkIn(first as ParsedMail));
    await expect
      .poll(() => reminderMails('piotr@example.no', 'Przypomnienie: pytania o En god start').length, {
        timeout: 20_000,
      })
      .toBe(1);
    // Kari answered: no reminder; and a second click reminds no one again.
    expect(questionnaireMails('kari@example.no')).toHaveLength(1);
    const again = await agent.post(`/api/cohorts/${cohortId}/evaluation-links/reminder`, { round: 'before' });
    expect(again.json().queued).toBe(0);
  });
});
