#!/usr/bin/env node
// Insight at five years: 2,000 households, 25 cafés a year for 5 years (~50,000 invitation
// messages, answers, attendance and feedback, see insight-history.ts), then every insight call a
// team leader makes — the page's figures, and each figure's CSV and .xlsx — through the HTTP API,
// on PostgreSQL and on embedded PGlite. Each call is the median of REPEAT requests.
// Run: node --import tsx bench/insight.mjs [--postgres-only]     Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app/build-app.ts';
import { createMailer } from '../src/channels/email.ts';
import { migrate } from '../src/db/migrate.ts';
import { FIGURES } from '../src/features/insight/contract.ts';
import { seedPostcodes } from '../src/features/registry/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { loginAs } from '../test/support/app.ts';
import { createMunicipality, createUser } from '../test/support/factories.ts';
import { generateHistory } from './insight-history.ts';
import { median, onBothDatabases, summary, time } from './support.mjs';

const REPEAT = 5;

async function run(label, db) {
  await migrate(db);
  await seedPostcodes(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'landsby-bench-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: 'bench-secret-key-that-is-long-enough',
    DEMO_DATA: 'false',
  });
  const app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
  await app.ready();
  const municipality = await createMunicipality(db, 'Innsiktvik');
  const leader = await createUser(db, municipality, ['team_leader']);
  const agent = await loginAs(app, leader.email);
  const generated = await time(() => generateHistory(db, municipality));
  console.log(`\n${label}: history generated in ${(generated.ms / 1000).toFixed(1)} s:`, generated.result);

  const calls = [['the page (every figure)', '/api/insight']];
  for (const figure of FIGURES) {
    for (const format of ['csv', 'xlsx'])
      calls.push([`${figure}.${format}`, `/api/insight/${figure}.${format}`]);
  }
  let worst = 0;
  for (const [what, url] of calls) {
    const times = [];
    for (let i = 0; i < REPEAT; i++) {
      const { ms, result } = await time(() => agent.get(url));
      if (result.statusCode !== 200) throw new Error(`${url}: ${result.statusCode} ${result.body}`);
      times.push(ms);
    }
    const ms = median(times);
    worst = Math.max(worst, ms);
    console.log(`  ${what.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms`);
  }
  summary('insight at 5 years, slowest call (median of 5)', label, `${worst.toFixed(0)} ms`, '< 200 ms');
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`Insight benchmark: 5 years of history; each call the median of ${REPEAT} requests.`);
await onBothDatabases(run, { pglite: !process.argv.includes('--postgres-only') });
