#!/usr/bin/env node
// The answer link under load: autocannon (64 connections, 10 s each) against a bare Fastify
// hello-world, then GET /svar/<token> and the answer POST of 2,000 invited households, on
// PostgreSQL and on embedded PGlite, in one run; prints requests/s, the ratio to bare and p99.
// Every request comes from its own address (X-Forwarded-For behind TRUST_PROXY), as families on
// their own phones do, so the per-address rate limit does not turn the run into 429s. autocannon
// runs in this process too, so bare and Landsby share the same handicap.
// Run: node --import tsx bench/answer-page.mjs     Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app/build-app.ts';
import { createMailer } from '../src/channels/email.ts';
import { migrate } from '../src/db/migrate.ts';
import { inTenant } from '../src/db/tenant.ts';
import { addDays, todayInOslo } from '../src/domain/calendar.ts';
import { seedPostcodes } from '../src/features/registry/index.ts';
import { tokenHash } from '../src/features/sending/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { insertEvent } from '../test/support/cafe.ts';
import { createHouseholds, createMunicipality } from '../test/support/factories.ts';
import { onBothDatabases, summary } from './support.mjs';

const HOUSEHOLDS = 2000;
const SECONDS = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = 64;

async function cannon(url, { method = 'GET', body, paths }) {
  let n = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method,
        body,
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
        setupRequest: (request) => {
          n++;
          return {
            ...request,
            path: paths ? paths[n % paths.length] : request.path,
            headers: {
              ...request.headers,
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses: `2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}`,
  };
}

const bare = Fastify();
bare.get('/', () => ({ hello: 'world' }));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

async function run(label, db) {
  await migrate(db);
  await seedPostcodes(db);
  const dataDir = mkdtempSync(join(tmpdir(), 'landsby-bench-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: 'bench-secret-key-that-is-long-enough',
    DEMO_DATA: 'false',
    TRUST_PROXY: 'true',
  });
  const app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const m = await createMunicipality(db, 'Svarvik');
  const date = addDays(todayInOslo(), 30);
  const event = await insertEvent(db, m, { date, registration: 'optional' });
  const households = await createHouseholds(
    db,
    m,
    Array.from({ length: HOUSEHOLDS }, () => ({})),
  );
  // Links as the sending makes them: 128 random-looking bits, base64url; only the hash is stored.
  const tokens = households.map(() => randomBytes(16).toString('base64url'));
  await inTenant(db, { municipalityId: m, userId: null, ip: null }, (tx) =>
    tx.query(
      `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       SELECT $1, $2, h, t, 'nb' FROM unnest($3::uuid[], $4::bytea[]) AS x(h, t)`,
      [m, event, households, tokens.map(tokenHash)],
    ),
  );
  const paths = tokens.map((t) => `/svar/${t}`);
  const check = await fetch(`${url}${paths[0]}`);
  if (check.status !== 200) throw new Error(`answer page: ${check.status} ${await check.text()}`);

  const base = await cannon(bareUrl, {});
  const get = await cannon(url, { paths });
  const post = await cannon(url, { method: 'POST', body: 'response=coming&adults=1&children=0', paths });
  console.log(`\n${label} (${CONNECTIONS} connections, ${SECONDS} s each)`);
  for (const [what, r] of [
    ['bare Fastify hello-world', base],
    ['GET /svar/<token>', get],
    ['POST /svar/<token>', post],
  ]) {
    const ratio = ((100 * r.rps) / base.rps).toFixed(1);
    console.log(
      `  ${what.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s  ${ratio.padStart(5)} % of bare  p99 ${String(r.p99).padStart(5)} ms  ${r.statuses}, errors+timeouts ${r.errors}`,
    );
  }
  const goal = label === 'PostgreSQL' ? '≥ 25 % of bare, p99 < 50 ms' : '≥ 10 % of bare, p99 < 100 ms';
  for (const [what, r] of [
    ['answer page GET', get],
    ['answer POST', post],
  ]) {
    summary(
      what,
      label,
      `${r.rps.toFixed(0)} req/s = ${((100 * r.rps) / base.rps).toFixed(1)} % of bare (${base.rps.toFixed(0)}), p99 ${r.p99} ms`,
      goal,
    );
  }
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await onBothDatabases(run);
await bare.close();
