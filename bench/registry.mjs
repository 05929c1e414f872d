#!/usr/bin/env node
// The registry at scale: import 10,000 generated rows from a Windows-1252 CSV (upload, dry run,
// import, and the same file again), then list and search 10,000 households — on embedded PGlite
// (on disk, as `npm start` runs it) and on a throwaway PostgreSQL server, through the HTTP API.
// Run: node --import tsx bench/registry.mjs [rows]     Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import postalCodes from 'norway-postal-codes';
import { openPglite, openPostgres } from '../src/db/connection.ts';
import { loginAs } from '../test/support/app.ts';
import { createMunicipality, createUser } from '../test/support/factories.ts';
import { adminQuery, startPostgres } from '../test/support/postgres.ts';
import { summary } from './summary.mjs';
import { benchApp } from './support.mjs';

const ROWS = Number(process.argv[2] ?? 10_000);
const REPEAT = 15;

// ---- A case-management export of ROWS households ---------------------------------------------

const FIRST = [
  'Kari',
  'Ola',
  'Åse',
  'Bjørn',
  'Ingrid',
  'Per',
  'Sigrid',
  'Håkon',
  'Nora',
  'Emil',
  'Astrid',
  'Jonas',
  'Æsa',
  'Øystein',
  'Liv',
  'Tor',
  'Amina',
  'Yusuf',
  'Marta',
  'Piotr',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Ødegård',
  'Sæther',
  'Bakken',
  'Lie',
  'Dahl',
  'Strøm',
  'Ali',
];
const KINDS = ['Fosterhjem', 'Fosterhjem', 'Fosterhjem', 'Beredskapshjem', 'Familiehjem', 'Ressursfamilie'];
const LANGS = ['norsk', 'norsk', 'norsk', 'nynorsk', 'arabisk', 'somali', 'polsk', 'tigrinja'];
const POSTCODES = Object.keys(postalCodes).filter((code) => /^\d{4}$/.test(code));
const pick = (list, i) => list[i % list.length];
const pad = (n) => String(n).padStart(2, '0');

function exportFile(rows) {
  const lines = [
    'Saksnr;Fornavn;Etternavn;E-post;Mobil;Adresse;Postnr;Hjemtype;Omsorg/tilsyn;Språk;Fornavn 2;Etternavn 2;Barn fornavn;Fødselsdato;Plassert fra',
  ];
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST, i * 7);
    const last = `${pick(LAST, i * 13)}${i % 3 ? '' : `-${pick(LAST, i)}`}`;
    const second = i % 2 ? [pick(FIRST, i * 11 + 3), last] : ['', ''];
    const child =
      i % 4
        ? [
            pick(FIRST, i * 5 + 1),
            `${pad((i % 28) + 1)}.${pad((i % 12) + 1)}.${2008 + (i % 14)}`,
            `01.${pad((i % 12) + 1)}.2023`,
          ]
        : ['', '', ''];
    lines.push(
      [
        `FS-${100000 + i}`,
        first,
        last,
        `${first}.${i}@eksempel.no`.toLowerCase(),
        `4${String(10000000 + i).slice(1)}`.replace(/^(\d{3})(\d{2})(\d{3})$/, '$1 $2 $3'),
        `"Storgata ${i % 200}\nLeilighet ${i % 9}"`,
        pick(POSTCODES, i * 31),
        pick(KINDS, i),
        i % 5 ? 'Omsorg' : 'Tilsyn',
        pick(LANGS, i),
        ...second,
        ...child,
      ].join(';'),
    );
  }
  return iconv.encode(lines.join('\r\n'), 'windows-1252');
}

// ---- Measuring ----------------------------------------------------------------------------------

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const begun = performance.now();
  const result = await fn();
  return { ms: performance.now() - begun, result };
}
async function timeMedian(fn) {
  const times = [];
  for (let i = 0; i < REPEAT; i++) times.push((await time(fn)).ms);
  return median(times);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function run(label, db) {
  const { app, close } = await benchApp(db);
  const municipality = await createMunicipality(db, 'Benchvik');
  const user = await createUser(db, municipality, ['caseworker']);
  const agent = await loginAs(app, user.email);
  const file = exportFile(ROWS);
  const figures = [];
  const note = (what, ms, extra = '') => figures.push([what, ms, extra]);

  for (const round of ['first import', 'same file again']) {
    const upload = await time(() =>
      agent.request({
        method: 'POST',
        url: '/api/imports?fileName=bench.csv',
        payload: file,
        headers: { 'content-type': 'text/csv' },
      }),
    );
    const job = upload.result.json();
    if (upload.result.statusCode !== 201) throw new Error(upload.result.body);
    note(`${round}: upload + parse (${(file.length / 1024 / 1024).toFixed(1)} MB)`, upload.ms);
    const mapping = {
      columns: job.suggested,
      key: 'externalRef',
      defaults: { kind: 'foster', relation: 'care' },
    };
    const dry = await time(() => agent.post(`/api/imports/${job.id}/dry-run`, { mapping }));
    const summary = dry.result.json().summary;
    note(`${round}: dry run`, dry.ms, JSON.stringify(summary));
    const apply = await time(() =>
      agent.post(`/api/imports/${job.id}/apply`, { mapping, skipRejected: true }),
    );
    const lines = apply.result.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const last = lines.at(-1);
    if (last.type !== 'done') throw new Error(JSON.stringify(last));
    note(
      `${round}: import (all or nothing)`,
      apply.ms,
      `${JSON.stringify(last.result)}, ${lines.length - 2} progress lines`,
    );
  }

  const list = (query) => agent.get(`/api/households?${query}`);
  const total = (await list('limit=1')).json().total;
  note(`list, first page of 50 by name (of ${total})`, await timeMedian(() => list('limit=50')));
  note(
    'list, page 100 sorted by travel time, desc',
    await timeMedian(() => list('limit=50&offset=4950&sort=travel&dir=desc')),
  );
  note(
    'list, kind=emergency & language=ar',
    await timeMedian(() => list('kind=emergency&language=ar&limit=50')),
  );
  for (const q of ['hansen', 'kari ødegård', '40004242', 'fs-104242', 'nobody-has-this-name']) {
    const hits = (await list(`q=${encodeURIComponent(q)}&limit=50`)).json().total;
    note(
      `search "${q}"`,
      await timeMedian(() => list(`q=${encodeURIComponent(q)}&limit=50`)),
      `${hits} hits`,
    );
  }

  const first = (what) => (figures.find(([w]) => w === `first import: ${what}`)?.[1] ?? Number.NaN) / 1000;
  summary(
    `import ${ROWS} rows: dry run + import`,
    label.split(' ')[0],
    `${first('dry run').toFixed(1)} + ${first('import (all or nothing)').toFixed(1)} s`,
    '< 10 s',
  );
  await close();
  console.log(`\n${label}`);
  for (const [what, ms, extra] of figures) {
    console.log(`  ${what.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms  ${extra}`);
  }
}

console.log(`Registry benchmark: ${ROWS} rows; lists and searches are the median of ${REPEAT} requests.`);

const pgliteDir = mkdtempSync(join(tmpdir(), 'landsby-bench-pglite-'));
const pglite = await openPglite(pgliteDir);
try {
  await run(`PGlite (on disk, ${pgliteDir})`, pglite);
} finally {
  await pglite.close();
  rmSync(pgliteDir, { recursive: true, force: true });
}

const server = startPostgres(await freePort());
try {
  await adminQuery(server.url, 'CREATE DATABASE landsby_bench');
  const postgres = await openPostgres(server.url.replace(/\/postgres$/, '/landsby_bench'));
  try {
    await run('PostgreSQL (throwaway server on loopback, fsync off)', postgres);
  } finally {
    await postgres.close();
  }
} finally {
  server.stop();
}
