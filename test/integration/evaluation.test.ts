import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { inDays } from '../support/cafe.js';
import { createHousehold, createMunicipality, createUser } from '../support/factories.js';
import { createTestProgramme } from '../support/programmes.js';

let env: TestEnv;
let agent: Agent;
let strangerAgent: Agent;
let big: string;
let small: string;
let coordinator: Agent;
let programme: string;
let otherProgramme: string;
let notTheirs: string;
let otherMunicipality: number;

interface Link {
  householdId: string;
  name: string;
  round: 'before' | 'after';
  language: string;
  url: string;
  answered: boolean;
}
interface Scale {
  questionId: string;
  beforeN: number;
  beforeMean: number | null;
  afterN: number;
  afterMean: number | null;
  pairs: number;
  change: number | null;
  low: number | null;
  high: number | null;
}

/** The path of a link as the household opens it (the app answers on PUBLIC_URL). */
const pathOf = (url: string) => new URL(url).pathname;

const answerLink = (url: string, fields: Record<string, string>) =>
  env.app.inject({
    method: 'POST',
    url: pathOf(url),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

async function makeLinks(cohortId: string, round: 'before' | 'after'): Promise<Link[]> {
  const response = await agent.post(`/api/cohorts/${cohortId}/evaluation-links`, { round });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().links as Link[]).filter((l) => l.round === round);
}

/** Every scale question of the default questionnaire answered with `prepared`, the others 3. */
const scores = (prepared: number, comment = '') => ({
  prepared: String(prepared),
  attachment: '3',
  cooperation: '3',
  support: '3',
  ...(comment ? { comment } : {}),
});

async function results(cohortId: string): Promise<{
  scales: Scale[];
  texts: { text: string; round: string }[];
  answered: { before: number; after: number };
}> {
  const response = await agent.get(`/api/cohorts/${cohortId}/evaluation`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  env = await createTestEnv();
  const municipality = await createMunicipality(env.db, 'Evalvik');
  const other = await createMunicipality(env.db, 'Annenvik');
  otherMunicipality = other;
  const coordinatorUser = await createUser(env.db, municipality, ['programme_coordinator'], {
    firstName: 'Kari',
  });
  programme = await createTestProgramme(env.db, [municipality, other], [coordinatorUser.id]);
  otherProgramme = await createTestProgramme(env.db, [other], [coordinatorUser.id], 'Et annet program');
  notTheirs = await createTestProgramme(env.db, [other], [], 'Et tredje program');
  coordinator = await loginAs(env.app, coordinatorUser.email);
  const anne = await createUser(env.db, municipality, ['caseworker'], { firstName: 'Anne' });
  const stranger = await createUser(env.db, other, ['caseworker'], { firstName: 'Fremmed' });
  agent = await loginAs(env.app, anne.email);
  strangerAgent = await loginAs(env.app, stranger.email);
  const names = ['Aas', 'Berg', 'Dahl', 'Eik', 'Foss', 'Gran', 'Holm'];
  const households: string[] = [];
  for (const [i, lastName] of names.entries()) {
    households.push(
      await createHousehold(env.db, municipality, {
        adults: [
          { firstName: 'Vigdis', lastName, preferredLanguage: i === 0 ? 'nn' : i === 1 ? 'en' : 'nb' },
        ],
      }),
    );
  }
  const cohort = (name: string, householdIds: string[]) =>
    agent.post('/api/cohorts', {
      name,
      firstDate: inDays(-70),
      startTime: '18:00',
      endTime: '20:00',
      intervalDays: 14,
      leaderUserIds: [],
      householdIds,
      programmeId: programme,
    });
  big = (await cohort('Kull med sju', households)).json().id;
  small = (await cohort('Kull med fire', households.slice(0, 4))).json().id;
}, 60_000);

afterAll(() => env?.close());

describe('the evaluation tool of En good start', () => {
  it('gives each household a personal link in its own language, the page asking the same questions', async () => {
    const links = await makeLinks(big, 'before');
    expect(links).toHaveLength(7);
    expect(links.map((l) => l.language).sort()).toEqual(['en', 'nb', 'nb', 'nb', 'nb', 'nb', 'nn']);
    const nynorsk = links.find((l) => l.language === 'nn') as Link;
    const page = await env.app.inject({ method: 'GET', url: pathOf(nynorsk.url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('lang="nn"');
    expect(page.body).toContain('Eg kjenner meg førebudd på kvardagen som fosterforelder.');
    // Making the links again keeps them: the same link can be sent again.
    expect((await makeLinks(big, 'before')).map((l) => l.url).sort()).toEqual(links.map((l) => l.url).sort());
  });

  it('says on the page what is missing and keeps what was typed, saving nothing', async () => {
    const [link] = await makeLinks(big, 'before');
    const answer = await answerLink(link?.url as string, { prepared: '4', comment: 'Spent' });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toMatch(/Velg et svar på dette spørsmålet|Vel eit svar|Choose an answer/);
    expect(answer.body).toContain('Spent');
    expect((await results(big)).answered.before).toBe(0);
  });

  it('pairs before and after by household inside the database: mean change and 95 % interval as computed by hand', async () => {
    const before = await makeLinks(big, 'before');
    const after = await makeLinks(big, 'after');
    const byHousehold = (links: Link[], id: string) => links.find((l) => l.householdId === id) as Link;
    // Six households answer both rounds; the seventh answers only before, so it is no pair.
    const beforeScores = [2, 3, 2, 4, 1, 3, 5];
    const afterScores = [4, 4, 3, 4, 3, 5];
    for (const [i, link] of before.entries()) {
      const saved = await answerLink(link.url, scores(beforeScores[i] as number));
      expect(saved.statusCode, saved.body).toBe(303);
      if (i < 6) {
        const later = byHousehold(after, link.householdId);
        const comment = i === 0 ? 'Samlingen om avvisning hjalp oss mye.' : '';
        expect((await answerLink(later.url, scores(afterScores[i] as number, comment))).statusCode).toBe(303);
      }
    }
    const prepared = (await results(big)).scales.find((s) => s.questionId === 'prepared') as Scale;
    // Before: (2+3+2+4+1+3+5)/7 = 20/7; after: 23/6. Changes 2,1,1,0,2,2: mean 4/3, sd √(2/3),
    // half-width t(5) 2.571 × √(2/3)/√6 = 2.571/3 = 0.857.
    expect(prepared.beforeN).toBe(7);
    expect(prepared.beforeMean).toBeCloseTo(20 / 7, 6);
    expect(prepared.afterN).toBe(6);
    expect(prepared.afterMean).toBeCloseTo(23 / 6, 6);
    expect(prepared.pairs).toBe(6);
    expect(prepared.change).toBeCloseTo(4 / 3, 6);
    expect(prepared.low).toBeCloseTo(4 / 3 - 2.571 / 3, 6);
    expect(prepared.high).toBeCloseTo(4 / 3 + 2.571 / 3, 6);
    // No change at all on the others: an interval of zero width around 0.
    const support = (await results(big)).scales.find((s) => s.questionId === 'support') as Scale;
    expect([support.change, support.low, support.high]).toEqual([0, 0, 0]);
  });

  it('shows free text to the team without naming who wrote it', async () => {
    const { texts } = await results(big);
    expect(texts).toEqual([
      { questionId: 'comment', round: 'after', text: 'Samlingen om avvisning hjalp oss mye.' },
    ]);
    const body = JSON.stringify(await results(big));
    expect(body).not.toContain('Vigdis');
  });

  it('says nothing about a change under five pairs («for få svar til å si noe»)', async () => {
    const before = await makeLinks(small, 'before');
    const after = await makeLinks(small, 'after');
    for (const link of before) await answerLink(link.url, scores(2));
    for (const link of after) await answerLink(link.url, scores(5));
    const prepared = (await results(small)).scales.find((s) => s.questionId === 'prepared') as Scale;
    expect(prepared).toMatchObject({ beforeN: 4, afterN: 4, pairs: 4, change: null, low: null, high: null });
    expect(prepared.beforeMean).toBe(2);
  });

  it('downloads the results as CSV: aggregates only, decimal comma', async () => {
    const csv = await agent.get(`/api/cohorts/${big}/evaluation.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(
      'Jeg føler meg forberedt på hverdagen som fosterforelder.;7;2,86;6;3,83;6;1,33;0,48;2,19',
    );
    expect(csv.body).not.toContain('Vigdis');
  });

  it('lets the team edit the questions, refusing a stale version', async () => {
    const current = (await agent.get('/api/evaluation/questionnaire')).json();
    expect(current.version).toBe(0);
    const questions = current.questions.slice(0, 2);
    const saved = await agent.put('/api/evaluation/questionnaire', { questions, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1 });
    const stale = await agent.put('/api/evaluation/questionnaire', { questions, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('evaluation.changed');
    const blank = await agent.put('/api/evaluation/questionnaire', {
      questions: [{ ...questions[0], text: { nb: ' ', nn: 'x', en: 'x' } }],
      version: 1,
    });
    expect(blank.statusCode).toBe(400);
  });

  it("answers 404 for another municipality's cohort, and a link that opens nothing", async () => {
    expect((await strangerAgent.get(`/api/cohorts/${big}/evaluation`)).statusCode).toBe(404);
    expect(
      (await strangerAgent.post(`/api/cohorts/${big}/evaluation-links`, { round: 'after' })).statusCode,
    ).toBe(404);
    const wrong = await env.app.inject({ method: 'GET', url: '/sporreskjema/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Lenken virker ikke');
  });

  it("gives the programme's coordinator the results pooled over its cohorts, paired inside the database", async () => {
    const response = await coordinator.get(`/api/evaluation/programmes/${programme}`);
    expect(response.statusCode, response.body).toBe(200);
    const prepared = (response.json().scales as Scale[]).find((s) => s.questionId === 'prepared') as Scale;
    // Seven and four households: changes 2,1,1,0,2,2 and 3,3,3,3 — mean 2, sd √(10/9), half-width
    // t(9) 2.262 × √(10/9)/√10 = 2.262/3.
    expect(prepared).toMatchObject({ beforeN: 11, afterN: 10, pairs: 10 });
    expect(prepared.change).toBeCloseTo(2, 6);
    expect(prepared.low).toBeCloseTo(2 - 2.262 / 3, 6);
    expect(prepared.high).toBeCloseTo(2 + 2.262 / 3, 6);
    expect(response.body).not.toContain('Vigdis');
    expect(response.body).not.toContain('Samlingen om avvisning');
  });

  it('hides counts under 5 from the coordinator, and their means, and answers 404 for a programme not theirs', async () => {
    const few: string[] = [];
    for (const lastName of ['Bø', 'Ask', 'Lind']) {
      few.push(
        await createHousehold(env.db, otherMunicipality, { adults: [{ firstName: 'Oda', lastName }] }),
      );
    }
    const otherCohort = await strangerAgent.post('/api/cohorts', {
      name: 'Kull i Annenvik',
      firstDate: inDays(-70),
      startTime: '18:00',
      endTime: '20:00',
      intervalDays: 14,
      leaderUserIds: [],
      householdIds: few,
      programmeId: otherProgramme,
    });
    expect(otherCohort.statusCode, otherCohort.body).toBe(201);
    const links = (
      await strangerAgent.post(`/api/cohorts/${otherCohort.json().id}/evaluation-links`, { round: 'before' })
    ).json().links as Link[];
    for (const link of links) expect((await answerLink(link.url, scores(1))).statusCode).toBe(303);
    const response = await coordinator.get(`/api/evaluation/programmes/${otherProgramme}`);
    expect(response.statusCode, response.body).toBe(200);
    // Three answered before, none after: counts under 5 and no mean of so few.
    expect((response.json().scales as Scale[]).find((s) => s.questionId === 'prepared')).toEqual({
      questionId: 'prepared',
      text: expect.objectContaining({ nb: 'Jeg føler meg forberedt på hverdagen som fosterforelder.' }),
      beforeN: { under: 5 },
      beforeMean: null,
      afterN: { under: 5 },
      afterMean: null,
      pairs: { under: 5 },
      change: null,
      low: null,
      high: null,
    });

    const wrong = await coordinator.get(`/api/evaluation/programmes/${notTheirs}`);
    expect(wrong.statusCode).toBe(404);
    // Staff of a member municipality are no coordinators: the pooled view is not theirs.
    expect((await agent.get(`/api/evaluation/programmes/${programme}`)).statusCode).toBe(403);
  });
});
