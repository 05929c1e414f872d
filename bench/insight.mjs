#!/usr/bin/env node
import { FIGURES } from '../src/features/insight/contract.ts';
import { loginAs } from '../test/support/app.ts';
import { createMunicipality, createUser } from '../test/support/factories.ts';
import { generateHistory } from './insight-history.ts';
import { benchApp, median, onBothDatabases, summary, time } from './support.mjs';

const REPEAT = 5;

async function run(label, db) {
  const { app, close } = await benchApp(db);
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
  await close();
}

console.log(`Insight benchmark: 5 years of history; each call the median of ${REPEAT} requests.`);
await onBothDatabases(run, { pglite: !process.argv.includes('--postgres-only') });
