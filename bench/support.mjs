// What the benches share: a free loopback port, timing, the two databases, and the summary
// line each bench hands to `npm run bench` (bench/run.mjs) for its one table.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app/build-app.ts';
import { createMailer } from '../src/channels/email.ts';
import { openPglite, openPostgres } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedPostcodes } from '../src/features/registry/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { adminQuery, startPostgres } from '../test/support/postgres.ts';

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function time(fn) {
  const begun = performance.now();
  const result = await fn();
  return { ms: performance.now() - begun, result };
}

/** Runs `fn(label, db)` on embedded PGlite (on disk, as `npm start` runs it) and on a throwaway PostgreSQL. */
export async function onBothDatabases(fn, { pglite = true } = {}) {
  if (pglite) {
    const dir = mkdtempSync(join(tmpdir(), 'landsby-bench-pglite-'));
    const db = await openPglite(dir);
    try {
      await fn('PGlite', db);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const server = startPostgres(await freePort());
  try {
    await adminQuery(server.url, 'CREATE DATABASE landsby_bench');
    const db = await openPostgres(server.url.replace(/\/postgres$/, '/landsby_bench'));
    try {
      await fn('PostgreSQL', db);
    } finally {
      await db.close();
    }
  } finally {
    server.stop();
  }
}

/**
 * Landsby on `db` as a bench drives it: migrated, postcodes seeded, no demo data, its own DATA_DIR.
 * `close()` stops it and removes the folder.
 */
export async function benchApp(db) {
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
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { summary } from './summary.mjs';
