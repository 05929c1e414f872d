import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/channels/email.js';
import { sendSummaryReminders } from '../../src/features/network-summary/index.js';
import type { Agent } from '../support/app.js';
import { createTestEnv, type TestEnv } from '../support/app.js';
import { createMunicipality, type TestUser } from '../support/factories.js';
import {
  createNetwork,
  joinedHousehold,
  resourceFamilyAgent,
  type TestNetwork,
} from '../support/networks.js';

// The half-year summary «Erfaringer fra siste halvår» (SPEC section 3, seed 003): drafted from the
// log (gatherings with attendance, contacts per member household), the resource family's
// description, submitted once, seen and commented on by the caseworkers, an A4 PDF, and the
// reminder two weeks before the half-year ends. All on the fixed half-year January–June 2026.

let env: TestEnv;
let asker: number;
let tn: TestNetwork;
let family: { user: TestUser; agent: Agent };
const households: Record<string, string> = {};

const H1 = '2026-H1';

async function contact(householdId: string, date: string, kind: string) {
  const settings = (await family.agent.get('/api/my-network')).json().contactSettings;
  const response = await family.agent.post('/api/my-network/contacts', {
    householdId,
    date,
    kind,
    categoryId: settings.categories[0].id,
  });
  expect(response.statusCode).toBe(201);
}

async function gathering(title: string, date: string, place: string) {
  const response = await family.agent.post('/api/my-network/gatherings', {
    title,
    date,
    startTime: '12:00',
    endTime: '15:00',
    place,
  });
  expect(response.statusCode).toBe(201);
}

beforeAll(async () => {
  env = await createTestEnv();
  asker = await createMunicipality(env.db, 'Erfaringsby');
  tn = await createNetwork(env, asker, { name: 'Nettverket ved Elva' });
  for (const name of ['Hansen', 'Berg', 'Dahl']) {
    const member = await joinedHousehold(env, tn.agent, asker, tn.network.id, {
      adults: [{ firstName: 'Eva', lastName: name }],
    });
    households[name] = member.householdId;
  }
  family = await resourceFamilyAgent(env, tn);
  // The network started in January 2025 and its families joined in January 2026.
  await env.db.transaction(async (tx) => {
    await tx.query(`UPDATE network SET created_at = '2025-01-15T10:00:00Z' WHERE id = $1`, [tn.network.id]);
    await tx.query(`UPDATE network_member SET joined_on = '2026-01-10' WHERE network_id = $1`, [
      tn.network.id,
    ]);
  });
  // Hand-counted for January–June 2026: Hansen 2 calls, 1 visit, 1 gathering = 4; Berg 1 message,
  // 1 gathering = 2; Dahl none. The calls of 31 December and 1 July fall outside.
  await contact(households.Hansen as string, '2025-12-31', 'call');
  await contact(households.Hansen as string, '2026-02-01', 'call');
  await contact(households.Hansen as string, '2026-03-15', 'call');
  await contact(households.Hansen as string, '2026-04-20', 'visit');
  await contact(households.Hansen as string, '2026-05-09', 'gathering');
  await contact(households.Berg as string, '2026-05-09', 'gathering');
  await contact(households.Berg as string, '2026-06-30', 'message');
  await contact(households.Hansen as string, '2026-07-01', 'call');
  await gathering('Akebakken', '2026-02-14', 'Tomtebakken');
  await gathering('Vårsamling med grilling', '2026-05-09', 'Gapahuken');
  await gathering('Sommertur', '2026-07-04', 'Stranda');
});
afterAll(() => env.close());

describe('the draft from the log', () => {
  it('counts the gatherings with attendance and the contacts per household as counted by hand', async () => {
    const response = await family.agent.get(`/api/my-network/summary?halfYear=${H1}`);
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary).toMatchObject({ halfYear: H1, from: '2026-01-01', to: '2026-06-30', status: 'draft' });
    expect(
      summary.gatherings.map((g: { date: string; title: string; households: number }) => [
        g.date,
        g.title,
        g.households,
      ]),
    ).toEqual([
      ['2026-02-14', 'Akebakken', 0],
      ['2026-05-09', 'Vårsamling med grilling', 2],
    ]);
    const byName = Object.fromEntries(summary.contacts.map((c: { name: string }) => [c.name, c]));
    expect(byName['Eva Hansen']).toMatchObject({ call: 2, visit: 1, message: 0, gathering: 1, total: 4 });
    expect(byName['Eva Berg']).toMatchObject({ call: 0, visit: 0, message: 1, gathering: 1, total: 2 });
    expect(byName['Eva Dahl']).toMatchObject({ total: 0 });
    expect(summary.halfYears).toContain('2025-H1');
    expect(summary.halfYears).toContain(H1);
  });

  it("refuses a half-year before the network's start", async () => {
    const response = await family.agent.get('/api/my-network/summary?halfYear=2024-H2');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation.invalid');
  });

  it('keeps the draft from the caseworkers', async () => {
    await family.agent.put('/api/my-network/summary', {
      halfYear: H1,
      description: 'Utkast som ikke er sendt',
    });
    const team = await tn.agent.get(`/api/networks/${tn.network.id}/summaries`);
    expect(team.json().summaries).toEqual([]);
    expect((await tn.agent.get(`/api/networks/${tn.network.id}/summaries/${H1}/pdf`)).statusCode).toBe(404);
  });
});

describe('writing and submitting', () => {
  it('saves the draft and shows it again', async () => {
    const saved = await family.agent.put('/api/my-network/summary', {
      halfYear: H1,
      description: 'Nettverket har fungert godt.\n\nFamiliene ringer hverandre.',
    });
    expect(saved.statusCode).toBe(200);
    const again = (await family.agent.get(`/api/my-network/summary?halfYear=${H1}`)).json();
    expect(again.description).toBe('Nettverket har fungert godt.\n\nFamiliene ringer hverandre.');
    expect(again.status).toBe('draft');
  });

  it('refuses to submit without a description', async () => {
    const response = await family.agent.post('/api/my-network/summary/submit', {
      halfYear: '2025-H2',
      description: '  ',
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().details)).toContain('description');
  });

  it('submits once when the button is pressed twice', async () => {
    const body = { halfYear: H1, description: 'Nettverket har fungert godt. Seks samlinger neste halvår!' };
    const [a, b] = await Promise.all([
      family.agent.post('/api/my-network/summary/submit', body),
      family.agent.post('/api/my-network/summary/submit', body),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().status).toBe('submitted');
    expect(a.json().submittedAt).toBe(b.json().submittedAt);
    const audits = await env.db.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'submit' AND record_type = 'network_summary'
         AND record_id = $1`,
        [tn.network.id],
      ),
    );
    expect(audits[0]?.n).toBe(1);
  });

  it('refuses a change after it is submitted (409), keeping what was submitted', async () => {
    const response = await family.agent.put('/api/my-network/summary', {
      halfYear: H1,
      description: 'Endret',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('summary.submitted');
    const again = await family.agent.post('/api/my-network/summary/submit', {
      halfYear: H1,
      description: 'Endret',
    });
    expect(again.json().description).toBe('Nettverket har fungert godt. Seks samlinger neste halvår!');
  });
});

describe("the caseworkers' side", () => {
  it('shows the submitted summary with the same counts, and takes a comment the family then reads', async () => {
    const list = (await tn.agent.get(`/api/networks/${tn.network.id}/summaries`)).json();
    expect(list.summaries).toHaveLength(1);
    const [summary] = list.summaries;
    expect(summary.halfYear).toBe(H1);
    expect(summary.contacts.find((c: { name: string }) => c.name === 'Eva Hansen').total).toBe(4);
    const body = { id: randomUUID(), body: 'Takk! Fint at familiene ringer hverandre.' };
    const [first, second] = [
      await tn.agent.post(`/api/networks/${tn.network.id}/summaries/${H1}/comments`, body),
      await tn.agent.post(`/api/networks/${tn.network.id}/summaries/${H1}/comments`, body),
    ];
    expect(first.statusCode).toBe(201);
    expect(second.json().comments).toHaveLength(1);
    expect(second.json().comments[0]).toMatchObject({
      body: 'Takk! Fint at familiene ringer hverandre.',
      author: `${tn.caseworker.firstName} ${tn.caseworker.lastName}`,
    });
    const seenByFamily = (await family.agent.get(`/api/my-network/summary?halfYear=${H1}`)).json();
    expect(seenByFamily.comments.map((c: { body: string }) => c.body)).toEqual([body.body]);
  });

  it('refuses a comment on a draft (404)', async () => {
    const response = await tn.agent.post(`/api/networks/${tn.network.id}/summaries/2025-H2/comments`, {
      id: randomUUID(),
      body: 'Hei',
    });
    expect(response.statusCode).toBe(404);
  });

  it("answers 404 for another municipality's network", async () => {
    const other = await createMunicipality(env.db, 'Annenby');
    const theirs = await createNetwork(env, other);
    for (const response of [
      await tn.agent.get(`/api/networks/${theirs.network.id}/summaries`),
      await tn.agent.get(`/api/networks/${theirs.network.id}/summaries/${H1}/pdf`),
      await tn.agent.post(`/api/networks/${theirs.network.id}/summaries/${H1}/comments`, {
        id: randomUUID(),
        body: 'Inntrenger',
      }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
  });
});

describe('the PDF', () => {
  it('is an A4 document with the description, the gatherings and the contacts, for the family and the caseworkers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'network-summary-'));
    for (const [who, agent, path] of [
      ['family', family.agent, `/api/my-network/summary/pdf?halfYear=${H1}`],
      ['team', tn.agent, `/api/networks/${tn.network.id}/summaries/${H1}/pdf`],
    ] as const) {
      const response = await agent.get(path);
      expect(response.statusCode, who).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain('erfaringer-2026-H1.pdf');
      const file = join(dir, `${who}.pdf`);
      writeFileSync(file, response.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Erfaringer fra siste halvår');
      expect(text).toContain('Nettverket ved Elva');
      expect(text).toContain('Seks samlinger neste halvår!');
      expect(text).toContain('Vårsamling med grilling');
      expect(text).toMatch(/Eva Hansen\s+2\s+1\s+0\s+1\s+4/);
      expect(text).not.toMatch(/Report|Rapport/i);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    }
  });
});

describe('a long description', () => {
  it('runs over to a second A4 page, every word printed, numbered «side n av m»', async () => {
    const paragraph = (i: number) => `Avsnitt ${i}: ${'Familiene møttes og barna lekte sammen. '.repeat(2)}`;
    const description = Array.from({ length: 40 }, (_, i) => paragraph(i + 1)).join('\n\n');
    expect(description.length).toBeLessThanOrEqual(4000);
    const saved = await family.agent.put('/api/my-network/summary', { halfYear: '2025-H2', description });
    expect(saved.statusCode).toBe(200);
    const response = await family.agent.get('/api/my-network/summary/pdf?halfYear=2025-H2');
    const file = join(mkdtempSync(join(tmpdir(), 'network-summary-long-')), 'long.pdf');
    writeFileSync(file, response.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Avsnitt 40:');
    expect(text).toContain('Utkast – ikke sendt');
    expect(text).toMatch(/side 2 av \d/);
  });
});

describe('the reminder two weeks before the half-year ends', () => {
  const mailer = () => createMailer(env.config);
  const toFamily = () =>
    env.smtp.messages.filter((m) =>
      [m.to].flat().some((a) => a?.value.some((v) => v.address === family.user.email.toLowerCase())),
    );

  it('sends nothing earlier than two weeks before the end', async () => {
    const reminded = await sendSummaryReminders(
      { db: env.db, mailer: mailer(), config: env.config },
      '2027-06-15',
    );
    expect(reminded).toBe(0);
    expect(toFamily()).toHaveLength(0);
  });

  it('sends nothing for a half-year already submitted', async () => {
    await sendSummaryReminders({ db: env.db, mailer: mailer(), config: env.config }, '2026-06-20');
    expect(toFamily()).toHaveLength(0);
  });

  it('e-mails the resource family once per network and half-year, however often the job runs', async () => {
    const deps = { db: env.db, mailer: mailer(), config: env.config };
    expect(await sendSummaryReminders(deps, '2027-06-16')).toBeGreaterThan(0);
    expect(await sendSummaryReminders(deps, '2027-06-16')).toBe(0);
    expect(await sendSummaryReminders(deps, '2027-06-25')).toBe(0);
    const mail = await env.smtp.waitFor(family.user.email);
    expect(mail.subject).toBe('Påminnelse: erfaringer fra siste halvår innen 30.6.2027');
    expect(mail.text).toContain('Nettverket ved Elva');
    expect(mail.text).toContain('http://landsby.test/mitt-nettverk/erfaringer');
    expect(toFamily()).toHaveLength(1);
  });
});
