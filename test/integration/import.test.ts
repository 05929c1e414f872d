import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySavedColumns, type ImportMapping } from '../../src/domain/import-targets.js';
import { purgeExpiredImports } from '../../src/features/import/service.js';
import { type Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';

let env: TestEnv;
let municipality: number;
let agent: Agent;
let outsider: Agent;

beforeAll(async () => {
  env = await createTestEnv();
  municipality = await createMunicipality(env.db, 'Importvik');
  const caseworker = await createUser(env.db, municipality, ['caseworker']);
  agent = await loginAs(env.app, caseworker.email);
  const elsewhere = await createMunicipality(env.db, 'Annenby');
  outsider = await loginAs(env.app, (await createUser(env.db, elsewhere, ['caseworker'])).email);
});
afterAll(() => env.close());

interface Job {
  id: string;
  headers: string[];
  suggested: (string | null)[];
  sample: string[][];
  rowCount: number;
  encoding: string | null;
  delimiter: string | null;
  format: string;
}
interface DryRunRow {
  row: number;
  key: string;
  name: string;
  status: string;
  changes: { field: string; before: unknown; after: unknown }[];
  problems: { field: string; column: string | null; rule: string; rows?: number[] }[];
}
type Line = { type: string; [key: string]: unknown };

const DEFAULTS: ImportMapping['defaults'] = { kind: 'foster', relation: 'care' };

async function upload(who: Agent, data: Buffer | string, contentType = 'text/csv', fileName = 'eksport.csv') {
  return who.request({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(fileName)}`,
    payload: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
    headers: { 'content-type': contentType },
  });
}

async function uploaded(data: Buffer | string, contentType?: string): Promise<Job> {
  const response = await upload(agent, data, contentType);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** The suggested mapping, with the case number as key. */
function suggested(job: Job, key: ImportMapping['key'] = 'externalRef'): ImportMapping {
  return { columns: job.suggested as ImportMapping['columns'], key, defaults: DEFAULTS };
}

async function dryRun(job: Job, mapping = suggested(job)) {
  const response = await agent.post(`/api/imports/${job.id}/dry-run`, { mapping });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { summary: Record<string, number>; rows: DryRunRow[] };
}

async function apply(job: Job, mapping = suggested(job), skipRejected = false) {
  const response = await agent.post(`/api/imports/${job.id}/apply`, { mapping, skipRejected });
  const lines =
    response.statusCode === 200
      ? (response.body
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l)) as Line[])
      : [];
  return { response, lines, last: lines.at(-1) };
}

/** Everything the registry holds for this municipality, to prove an import left it exactly as it was. */
async function registrySnapshot() {
  return env.db.transaction(async (tx) => {
    const tables = ['household', 'adult', 'child', 'placement', 'household_history'];
    const out: Record<string, unknown[]> = {};
    for (const table of tables) {
      out[table] = await tx.query(`SELECT * FROM ${table} WHERE municipality_id = $1 ORDER BY id`, [
        municipality,
      ]);
    }
    return out;
  });
}

async function search(q: string) {
  const response = await agent.get(`/api/households?q=${encodeURIComponent(q)}&archived=all`);
  return response.json() as { total: number; households: { id: string; name: string }[] };
}

const WINDOWS_FILE = [
  'Saksnr;Fornavn;Etternavn;E-post;Mobil;Adresse;Postnr;Poststed;Hjemtype;Omsorg/tilsyn;Språk;Barn fornavn;Fødselsdato;Plassert fra',
  'W-1;Bjørn;Ødegård;bjorn@eksempel.no;412 34 567;Skogveien 3;3370;Vikersund;Fosterhjem;Omsorg;norsk;Åsmund;17.05.2014;01.08.2022',
  'W-2;Ærlige;Æsøy;;0047 98765432;"Fjellgata 1\nLeilighet 4";0150;Oslo;Beredskapshjem;Tilsyn;arabisk;;;',
  'W-3;Øystein;Blåbær;oystein@eksempel.no;+47 400 00 000;Sjøgata 9;9008;Tromsø;Familiehjem;Omsorg;Engelsk;Liv;01.02.2012;2019-06-01',
].join('\r\n');

describe('importing a CSV from a case-management system', () => {
  it('reads a Windows-1252 file with æøå, suggests the mapping, and imports it', async () => {
    const job = await uploaded(iconv.encode(WINDOWS_FILE, 'windows-1252'));
    expect(job).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 3 });
    expect(job.headers).toContain('Språk');
    expect(job.sample[0]).toContain('Ødegård');
    expect(job.suggested).toEqual([
      'externalRef',
      'adult1.firstName',
      'adult1.lastName',
      'adult1.email',
      'adult1.mobile',
      'addressLine',
      'postcode',
      null,
      'kind',
      'relation',
      'adult1.language',
      'child1.firstName',
      'child1.birthDate',
      'child1.placedFrom',
    ]);

    const plan = await dryRun(job);
    expect(plan.summary).toEqual({ create: 3, update: 0, unchanged: 0, repeat: 0, rejected: 0 });
    expect(plan.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [2, 'Bjørn Ødegård', 'create'],
      [3, 'Ærlige Æsøy', 'create'],
      [4, 'Øystein Blåbær', 'create'],
    ]);
    expect(await search('Ødegård')).toMatchObject({ total: 0 }); // a dry run writes nothing

    const { response, lines, last } = await apply(job);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    expect(lines[0]).toEqual({ type: 'start', total: 3 });
    expect(lines.filter((l) => l.type === 'progress').at(-1)).toEqual({
      type: 'progress',
      done: 3,
      total: 3,
    });
    expect(last).toEqual({
      type: 'done',
      result: { created: 3, updated: 0, unchanged: 0, skipped: 0, repeated: false, warnings: [] },
    });

    const found = await search('ødegård');
    expect(found.total).toBe(1);
    const household = (await agent.get(`/api/households/${found.households[0]?.id}`)).json();
    expect(household).toMatchObject({
      kind: 'foster',
      relation: 'care',
      externalRef: 'W-1',
      address: { line: 'Skogveien 3', postcode: '3370', place: 'VIKERSUND' },
      adults: [{ firstName: 'Bjørn', lastName: 'Ødegård', mobile: '+4741234567', preferredLanguage: 'nb' }],
      children: [{ firstName: 'Åsmund', birthDate: '2014-05-17' }],
      placements: [{ startDate: '2022-08-01', endDate: null }],
    });
    const second = (await agent.get(`/api/households/${(await search('Æsøy')).households[0]?.id}`)).json();
    expect(second).toMatchObject({
      kind: 'emergency',
      relation: 'oversight',
      address: { line: 'Fjellgata 1\nLeilighet 4', postcode: '0150' },
      adults: [{ mobile: '+4798765432', preferredLanguage: 'ar' }],
    });
    const history = (await agent.get(`/api/households/${household.id}/history`)).json().entries;
    expect(history).toEqual([expect.objectContaining({ action: 'import' })]);

    // Imported: the rows of the file are gone from the database.
    const [stored] = await env.db.transaction((tx) =>
      tx.query<{ rows: unknown; sample: unknown; status: string }>(
        'SELECT rows, sample, status FROM import_job WHERE id = $1',
        [job.id],
      ),
    );
    expect(stored).toEqual({ rows: null, sample: null, status: 'done' });
  });

  it('changes nothing when the same file is imported again: every row is "unchanged", no history', async () => {
    const before = await registrySnapshot();
    const job = await uploaded(iconv.encode(WINDOWS_FILE, 'windows-1252'));
    const plan = await dryRun(job);
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 3, repeat: 0, rejected: 0 });
    const { last } = await apply(job);
    expect(last).toEqual({
      type: 'done',
      result: { created: 0, updated: 0, unchanged: 3, skipped: 0, repeated: false, warnings: [] },
    });
    expect(await registrySnapshot()).toEqual(before);
  });

  it('updates a household matched on the case number and says which fields change', async () => {
    const changed = WINDOWS_FILE.replace('412 34 567', '+47 999 88 777').replace(
      'Fosterhjem',
      'Beredskapshjem',
    );
    const job = await uploaded(changed);
    const plan = await dryRun(job);
    expect(plan.summary).toEqual({ create: 0, update: 1, unchanged: 2, repeat: 0, rejected: 0 });
    expect(plan.rows[0]).toMatchObject({
      status: 'update',
      key: 'W-1',
      changes: expect.arrayContaining([
        { field: 'kind', before: 'foster', after: 'emergency' },
        { field: 'adults.0.mobile', before: '+4741234567', after: '+4799988777' },
      ]),
    });
    expect((await apply(job)).last).toMatchObject({ type: 'done', result: { updated: 1, unchanged: 2 } });
    const id = (await search('Ødegård')).households[0]?.id;
    const history = (await agent.get(`/api/households/${id}/history`)).json().entries;
    expect(history[0]).toMatchObject({
      action: 'import',
      changes: expect.arrayContaining([expect.objectContaining({ field: 'kind' })]),
    });
  });

  it('matches households on the e-mail address when that is the key', async () => {
    const job = await uploaded(
      [
        'E-post;Fornavn;Etternavn;Mobil',
        'bjorn@eksempel.no;Bjørn;Ødegård;+47 455 66 777',
        'oystein@eksempel.no;Øystein;Blåbær;+47 400 00 000',
        'ny@eksempel.no;Nina;Ny;+47 466 55 444',
      ].join('\n'),
    );
    const plan = await dryRun(job, suggested(job, 'email'));
    expect(plan.rows.map((r) => [r.key, r.status])).toEqual([
      ['bjorn@eksempel.no', 'update'],
      ['oystein@eksempel.no', 'unchanged'],
      ['ny@eksempel.no', 'create'],
    ]);
    expect(plan.rows[0]?.changes).toContainEqual({
      field: 'adults.0.mobile',
      before: '+4799988777',
      after: '+4745566777',
    });
  });
});

const BROKEN = [
  'Saksnr,Fornavn,Etternavn,Mobil,Postnr,Fødselsdato,Barn',
  'B-1,Anne,Berg,41234567,3370,,',
  'B-2,Bent,Dahl,41234568,0150,,',
  'B-3,Carl,,123,9999,31.02.2019,Mia',
  'B-4,Dina,Eng,41234569,5003,,',
].join('\n');

describe('a file with a broken row in the middle', () => {
  it('reports the row with its columns and rules in the dry run, and refuses to import until told to skip it', async () => {
    const before = await registrySnapshot();
    const job = await uploaded(BROKEN);
    expect(job.delimiter).toBe(',');
    const plan = await dryRun(job);
    expect(plan.summary).toEqual({ create: 3, update: 0, unchanged: 0, repeat: 0, rejected: 1 });
    const rejected = plan.rows.find((r) => r.status === 'rejected');
    expect(rejected?.row).toBe(4);
    expect(rejected?.problems).toEqual(
      expect.arrayContaining([
        { field: 'adult1.lastName', column: 'Etternavn', rule: 'required' },
        { field: 'adult1.mobile', column: 'Mobil', rule: 'phone' },
        { field: 'postcode', column: 'Postnr', rule: 'postcode' },
        { field: 'child1.birthDate', column: 'Fødselsdato', rule: 'date' },
      ]),
    );

    const refused = await apply(job);
    expect(refused.response.statusCode).toBe(409);
    expect(refused.response.json()).toMatchObject({
      code: 'import.has_rejections',
      details: { rejected: 1 },
    });
    expect(refused.response.json().message).toMatch(/avvist/i);
    expect(await registrySnapshot()).toEqual(before);

    const skipped = await apply(job, suggested(job), true);
    expect(skipped.last).toEqual({
      type: 'done',
      result: { created: 3, updated: 0, unchanged: 0, skipped: 1, repeated: false, warnings: [] },
    });
    expect((await search('Dina Eng')).total).toBe(1);
    expect((await search('Carl')).total).toBe(0);
  });

  it('leaves the registry exactly as it was when a write fails half-way', async () => {
    const rows = ['Saksnr;Fornavn;Etternavn;Mobil'];
    for (let i = 1; i <= 30; i++)
      rows.push(`H-${i};${i === 17 ? 'Feilrad' : `Person${i}`};Halvveis;4123${String(i).padStart(4, '0')}`);
    // Something the checks cannot foresee, at write time: a database error on row 18 (the 17th household).
    await env.db.transaction((tx) =>
      tx.exec(`CREATE FUNCTION test_fail_import() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.first_name = 'Feilrad' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER test_fail_import BEFORE INSERT ON adult FOR EACH ROW EXECUTE FUNCTION test_fail_import();`),
    );
    try {
      const before = await registrySnapshot();
      const job = await uploaded(rows.join('\n'));
      expect((await dryRun(job)).summary).toMatchObject({ create: 30, rejected: 0 });
      const { response, lines, last } = await apply(job);
      expect(response.statusCode).toBe(200); // the answer had begun: the failure is its last line
      expect(lines.some((l) => l.type === 'progress')).toBe(true);
      expect(last).toMatchObject({ type: 'error', code: 'import.failed', row: 18 });
      expect(String(last?.message)).toMatch(/rad|ingenting/i);
      expect(await registrySnapshot()).toEqual(before);
      expect((await search('Halvveis')).total).toBe(0);
      // The file is still there to try again once the fault is fixed.
      expect((await agent.get(`/api/imports/${job.id}`)).json()).toMatchObject({
        status: 'ready',
        rowCount: 30,
      });
      await env.db.transaction((tx) => tx.exec('DROP TRIGGER test_fail_import ON adult'));
      expect((await apply(job)).last).toMatchObject({ type: 'done', result: { created: 30 } });
      expect((await search('Halvveis')).total).toBe(30);
    } finally {
      await env.db.transaction((tx) =>
        tx.exec('DROP TRIGGER IF EXISTS test_fail_import ON adult; DROP FUNCTION test_fail_import()'),
      );
    }
  });

  it('rejects both rows whose key is in the file twice with different content, naming the columns that differ, and rows without a key', async () => {
    const job = await uploaded('Saksnr;Fornavn;Etternavn\nD-1;Kari;A\nD-2;Ola;B\nD-1;Kari;C\n;Uten;Nøkkel\n');
    const plan = await dryRun(job);
    expect(plan.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'rejected'],
      [3, 'create'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(plan.rows[0]?.problems).toEqual([
      { field: 'externalRef', column: 'Saksnr', rule: 'duplicate', rows: [4], differs: ['Etternavn'] },
    ]);
    expect(plan.rows[2]?.problems).toEqual([
      { field: 'externalRef', column: 'Saksnr', rule: 'duplicate', rows: [2], differs: ['Etternavn'] },
    ]);
    expect(plan.rows[3]?.problems).toEqual([{ field: 'externalRef', column: 'Saksnr', rule: 'required' }]);
  });
});

describe('an Excel workbook', () => {
  it('is imported with its dates, numbers and leading zeros put right', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Hjem');
    sheet.addRow([
      'Sak-ID',
      'Fornavn',
      'Etternavn',
      'Mobil',
      'Postnr',
      'Type',
      'Barn',
      'Født',
      'Plassert fra',
      'Plassert til',
      'Årsak',
    ]);
    sheet.addRow([
      'X-1',
      'Sigrid',
      'Sæther',
      41234570,
      150,
      'Ressursfamilie',
      'Tor',
      new Date(Date.UTC(2015, 11, 31)),
      '01.03.2021',
      new Date(Date.UTC(2024, 5, 30)),
      'Planlagt',
    ]);
    sheet.addRow(['X-2', 'Håkon', 'Lie', '412 34 571', '5003', 'Fosterhjem', '', '', '', '', '']);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const job = await uploaded(data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(job).toMatchObject({ format: 'xlsx', rowCount: 2 });
    expect((await dryRun(job)).summary).toEqual({
      create: 2,
      update: 0,
      unchanged: 0,
      repeat: 0,
      rejected: 0,
    });
    expect((await apply(job)).last).toMatchObject({ type: 'done', result: { created: 2 } });
    const id = (await search('Sæther')).households[0]?.id;
    expect((await agent.get(`/api/households/${id}`)).json()).toMatchObject({
      kind: 'resource_family',
      address: { postcode: '0150', place: 'OSLO' },
      adults: [{ mobile: '+4741234570' }],
      children: [{ firstName: 'Tor', birthDate: '2015-12-31' }],
      placements: [{ startDate: '2021-03-01', endDate: '2024-06-30', endReason: 'planned' }],
    });
  });
});

describe('broken files', () => {
  it.each([
    ['nothing', Buffer.alloc(0), 'empty'],
    [
      'a picture',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'binary',
    ],
    ['a broken workbook', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 1)]), 'xlsx'],
    ['a letter', Buffer.from('Hei Kari,\nvi ses i morgen.\n'), 'no_header'],
    ['only headers', Buffer.from('Fornavn;Etternavn\n'), 'no_rows'],
  ])('refuses %s with 400 import.unreadable and a Norwegian message', async (_what, data, reason) => {
    const response = await upload(agent, data, 'application/octet-stream');
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'import.unreadable', details: { reason } });
    expect(response.json().message).toMatch(/fil/i);
  });

  it('refuses a file over 20 MB with 413', async () => {
    const response = await upload(agent, Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(response.statusCode).toBe(413);
  });

  it('refuses a mapping without its key column', async () => {
    const job = await uploaded('Saksnr;Fornavn;Etternavn\nM-1;Kari;Nordmann\n');
    const response = await agent.post(`/api/imports/${job.id}/dry-run`, {
      mapping: {
        columns: [null, 'adult1.firstName', 'adult1.firstName'],
        key: 'externalRef',
        defaults: DEFAULTS,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'import.mapping_invalid',
      details: expect.arrayContaining([
        { field: 'adult1.firstName', rule: 'duplicate' },
        { field: 'externalRef', rule: 'required' },
      ]),
    });
  });
});

describe('saved mappings', () => {
  it('are saved by name, found again, and fit the next file even when its columns moved', async () => {
    const first = await uploaded('ID hjem;Fornavn;Etternavn;Kontakt\nS-1;Kari;Nordmann;412 34 567\n');
    expect(first.suggested).toEqual(['externalRef', 'adult1.firstName', 'adult1.lastName', null]);
    const columns = ['externalRef', 'adult1.firstName', 'adult1.lastName', 'adult1.mobile'] as const;
    const body = {
      name: 'Familia-eksport',
      columns: first.headers.map((header, i) => ({ header, target: columns[i] })),
      key: 'externalRef',
      defaults: { kind: 'emergency', relation: 'care' },
    };
    const saved = await agent.post('/api/import-mappings', body);
    expect(saved.statusCode).toBe(201);
    // Saved twice (a double click): one mapping, replaced.
    expect((await agent.post('/api/import-mappings', body)).statusCode).toBe(200);
    const { mappings } = (await agent.get('/api/import-mappings')).json();
    expect(mappings).toEqual([
      expect.objectContaining({ id: saved.json().id, name: 'Familia-eksport', key: 'externalRef' }),
    ]);
    expect((await outsider.get('/api/import-mappings')).json().mappings).toEqual([]);

    const next = await uploaded('Kontakt;Etternavn;Fornavn;ID hjem;Merknad\n98765432;Hansen;Ola;S-2;ny\n');
    const mapping: ImportMapping = {
      columns: applySavedColumns(next.headers, mappings[0]),
      key: mappings[0].key,
      defaults: mappings[0].defaults,
    };
    expect(mapping.columns).toEqual([
      'adult1.mobile',
      'adult1.lastName',
      'adult1.firstName',
      'externalRef',
      null,
    ]);
    expect((await dryRun(next, mapping)).rows[0]).toMatchObject({ status: 'create', name: 'Ola Hansen' });
    expect((await apply(next, mapping)).last).toMatchObject({ type: 'done', result: { created: 1 } });
    const id = (await search('S-2')).households[0]?.id;
    expect((await agent.get(`/api/households/${id}`)).json()).toMatchObject({
      kind: 'emergency',
      adults: [{ mobile: '+4798765432' }],
    });

    expect(
      (await agent.request({ method: 'DELETE', url: `/api/import-mappings/${saved.json().id}` })).statusCode,
    ).toBe(204);
    expect((await agent.get('/api/import-mappings')).json().mappings).toEqual([]);
  });
});

describe('jobs', () => {
  it("are another municipality's 404, whatever is asked of them", async () => {
    const job = await uploaded('Saksnr;Fornavn;Etternavn\nT-1;Kari;Nordmann\n');
    const mapping = suggested(job);
    for (const response of [
      await outsider.get(`/api/imports/${job.id}`),
      await outsider.post(`/api/imports/${job.id}/dry-run`, { mapping }),
      await outsider.post(`/api/imports/${job.id}/apply`, { mapping, skipRejected: true }),
      await outsider.request({ method: 'DELETE', url: `/api/imports/${job.id}` }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    expect((await agent.get(`/api/imports/${job.id}`)).json()).toMatchObject({
      status: 'ready',
      rowCount: 1,
    });
    expect((await search('T-1')).total).toBe(0);
  });

  it('import once when "Importer" is clicked twice', async () => {
    const job = await uploaded('Saksnr;Fornavn;Etternavn\nK-1;Klikk;Dobbel\nK-2;Klikk;Dobbel\n');
    const mapping = suggested(job);
    const [a, b] = await Promise.all([
      agent.post(`/api/imports/${job.id}/apply`, { mapping, skipRejected: false }),
      agent.post(`/api/imports/${job.id}/apply`, { mapping, skipRejected: false }),
    ]);
    const results = [a, b].map((r) => JSON.parse(r.body.trim().split('\n').at(-1) as string).result);
    expect(results.map((r) => r.repeated).sort()).toEqual([false, true]);
    expect(results.every((r) => r.created === 2)).toBe(true);
    expect((await search('Dobbel')).total).toBe(2);
    // Done is done: no new dry run either.
    expect((await agent.post(`/api/imports/${job.id}/dry-run`, { mapping })).json().code).toBe(
      'import.already_done',
    );
  });

  it('are removed with their rows when cancelled, and after 24 hours when forgotten', async () => {
    const cancelled = await uploaded('Saksnr;Fornavn;Etternavn\nC-1;Kari;Nordmann\n');
    expect((await agent.request({ method: 'DELETE', url: `/api/imports/${cancelled.id}` })).statusCode).toBe(
      204,
    );
    expect((await agent.get(`/api/imports/${cancelled.id}`)).statusCode).toBe(404);

    const forgotten = await uploaded('Saksnr;Fornavn;Etternavn\nF-1;Kari;Nordmann\n');
    await env.db.transaction((tx) =>
      tx.query(`UPDATE import_job SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        forgotten.id,
      ]),
    );
    expect((await agent.get(`/api/imports/${forgotten.id}`)).statusCode).toBe(404);
    expect(await purgeExpiredImports(env)).toBeGreaterThanOrEqual(1);
    const left = await env.db.transaction((tx) =>
      tx.query('SELECT id FROM import_job WHERE id = $1', [forgotten.id]),
    );
    expect(left).toEqual([]);
  });
});
