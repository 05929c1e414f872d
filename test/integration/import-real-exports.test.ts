import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportMapping } from '../../src/domain/import-targets.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';

// Exports as real offices make them (issue 16): one surname for both adults, children by birth
// date only, the same household on two rows, several faults in one row, odd-but-possible values.

let env: TestEnv;
let agent: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  const municipality = await createMunicipality(env.db, 'Eksportvik');
  agent = await loginAs(env.app, (await createUser(env.db, municipality, ['caseworker'])).email);
});
afterAll(() => env.close());

interface Job {
  id: string;
  suggested: ImportMapping['columns'];
}
interface DryRunRow {
  row: number;
  name: string;
  status: string;
  problems: { field: string; column: string | null; rule: string }[];
  warnings: { field: string; column: string | null; rule: string }[];
  repeatOf: number | null;
}

async function uploaded(text: string): Promise<Job> {
  const response = await agent.request({
    method: 'POST',
    url: '/api/imports?fileName=eksport.csv',
    payload: Buffer.from(text, 'utf8'),
    headers: { 'content-type': 'text/csv' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const mappingOf = (job: Job): ImportMapping => ({
  columns: job.suggested,
  key: 'externalRef',
  defaults: { kind: 'foster', relation: 'care' },
});

async function dryRun(job: Job) {
  const response = await agent.post(`/api/imports/${job.id}/dry-run`, { mapping: mappingOf(job) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { summary: Record<string, number>; rows: DryRunRow[] };
}

async function apply(job: Job, skipRejected = false) {
  const response = await agent.post(`/api/imports/${job.id}/apply`, {
    mapping: mappingOf(job),
    skipRejected,
  });
  expect(response.statusCode, response.body).toBe(200);
  return JSON.parse(response.body.trim().split('\n').at(-1) as string).result;
}

async function household(q: string) {
  const list = (await agent.get(`/api/households?q=${encodeURIComponent(q)}`)).json() as {
    households: { id: string; name: string }[];
  };
  expect(list.households, q).toHaveLength(1);
  return (await agent.get(`/api/households/${list.households[0]?.id}`)).json();
}

describe('an export with one surname column and children by birth date only', () => {
  const FILE = [
    'Fosterhjemsnr;Etternavn;Fornavn forelder 1;Fornavn forelder 2;Postnr;Fødselsdato barn 1;Fødselsdato barn 2',
    'FH-100;Fjellheim;Randi;Tor;3370;03.04.2012;17.05.2016',
    'FH-101;Bakken;Sigrid;;0150;;',
    'FH-100;Fjellheim;Randi;Tor;3370;03.04.2012;17.05.2016',
  ].join('\n');

  it('imports both adults with the shared surname, the unnamed children, and the repeated row once', async () => {
    const job = await uploaded(FILE);
    expect(job.suggested).toEqual([
      'externalRef',
      'adult1.lastName',
      'adult1.firstName',
      'adult2.firstName',
      'postcode',
      'child1.birthDate',
      'child2.birthDate',
    ]);
    const plan = await dryRun(job);
    expect(plan.summary).toEqual({ create: 2, update: 0, unchanged: 0, repeat: 1, rejected: 0 });
    expect(plan.rows.map((r) => [r.row, r.name, r.status, r.repeatOf])).toEqual([
      [2, 'Randi og Tor Fjellheim', 'create', null],
      [3, 'Sigrid Bakken', 'create', null],
      [4, 'Randi og Tor Fjellheim', 'repeat', 2],
    ]);

    expect(await apply(job)).toMatchObject({ created: 2, skipped: 0, warnings: [] });
    const stored = await household('Fjellheim');
    expect(
      stored.adults.map((a: { firstName: string; lastName: string }) => `${a.firstName} ${a.lastName}`),
    ).toEqual(['Randi Fjellheim', 'Tor Fjellheim']);
    expect(
      stored.children.map((c: { firstName: string | null; birthDate: string }) => [c.firstName, c.birthDate]),
    ).toEqual([
      [null, '2012-04-03'],
      [null, '2016-05-17'],
    ]);
  });

  it('adds the names of a later export to the children stored without one', async () => {
    const job = await uploaded(
      ['Fosterhjemsnr;Barn 1 fornavn;Fødselsdato barn 1', 'FH-100;Mia;03.04.2012'].join('\n'),
    );
    const plan = await dryRun(job);
    expect(plan.rows[0]?.status).toBe('update');
    expect(await apply(job)).toMatchObject({ updated: 1 });
    const stored = await household('Fjellheim');
    expect(stored.children.map((c: { firstName: string | null }) => c.firstName)).toEqual(['Mia', null]);
  });
});

describe('a row with several faults', () => {
  it('reports every one of them: an impossible birth date beside a bad e-mail, and a landline as mobile', async () => {
    const job = await uploaded(
      [
        'Saksnr;Fornavn;Etternavn;E-post;Mobil;Fødselsdato',
        'R-1;Kari;Feilsen;kari@@eksempel;22 33 44 55;31.02.2014',
      ].join('\n'),
    );
    const plan = await dryRun(job);
    expect(plan.rows[0]?.status).toBe('rejected');
    expect(plan.rows[0]?.problems).toEqual(
      expect.arrayContaining([
        { field: 'adult1.email', column: 'E-post', rule: 'email' },
        { field: 'adult1.mobile', column: 'Mobil', rule: 'landline' },
        { field: 'child1.birthDate', column: 'Fødselsdato', rule: 'date' },
      ]),
    );
    expect(plan.rows[0]?.problems).toHaveLength(3);
  });
});

describe('plausible but odd values', () => {
  it('are imported, and shown as warnings in the dry run and in the result', async () => {
    const job = await uploaded(
      [
        'Saksnr;Fornavn;Etternavn;Reisetid;Barn;Fødselsdato;Plassert fra',
        'O-1;Langt;Unna;420;;;',
        'O-2;Voksen;Barnesen;30;Eldste;01.01.2001;01.06.2015',
        'O-3;Tidlig;Plassert;30;Lille;01.06.2020;01.01.2020',
        'O-4;Helt;Vanlig;30;Vanlig;01.06.2015;01.01.2020',
      ].join('\n'),
    );
    const plan = await dryRun(job);
    expect(plan.summary).toMatchObject({ create: 4, rejected: 0 });
    expect(plan.rows.map((r) => r.warnings)).toEqual([
      [{ field: 'travelMinutes', column: 'Reisetid', rule: 'travel_long' }],
      [{ field: 'child1.birthDate', column: 'Fødselsdato', rule: 'child_over_age' }],
      [{ field: 'child1.placedFrom', column: 'Plassert fra', rule: 'placement_before_birth' }],
      [],
    ]);
    const result = await apply(job);
    expect(result).toMatchObject({ created: 4, skipped: 0 });
    expect(result.warnings).toEqual([
      { row: 2, warnings: [{ field: 'travelMinutes', column: 'Reisetid', rule: 'travel_long' }] },
      { row: 3, warnings: [{ field: 'child1.birthDate', column: 'Fødselsdato', rule: 'child_over_age' }] },
      {
        row: 4,
        warnings: [{ field: 'child1.placedFrom', column: 'Plassert fra', rule: 'placement_before_birth' }],
      },
    ]);
    expect((await household('Langt Unna')).travelMinutes).toBe(420);
  });
});

describe('the registry API', () => {
  it('stores a child without a name, and refuses a landline as mobile with its own rule', async () => {
    const created = await agent.post('/api/households', {
      kind: 'foster',
      relation: 'care',
      adults: [{ firstName: 'Berit', lastName: 'Barnlaus' }],
      children: [{ birthDate: '2015-09-01' }, { firstName: '  ', birthDate: '2017-02-03' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = await agent.get(`/api/households/${created.json().id}`);
    expect(view.json().children.map((c: { firstName: string | null }) => c.firstName)).toEqual([null, null]);

    const landline = await agent.post('/api/households', {
      kind: 'foster',
      relation: 'care',
      adults: [{ firstName: 'Fast', lastName: 'Telefonsen', mobile: '67 10 20 30' }],
    });
    expect(landline.statusCode).toBe(400);
    expect(landline.json().details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'adults.0.mobile', rule: 'landline' })]),
    );
    expect(landline.json().message).not.toContain('67 10 20 30');
  });
});
