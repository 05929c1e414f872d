// What the benches share: a free loopback port, timing, the two databases, and the summary
// line each bench hands to `npm run bench` (bench/run.mjs) for its one table.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../src/db/connection.ts';
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

export { summary } from './summary.mjs';
