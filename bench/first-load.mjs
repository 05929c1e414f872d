#!/usr/bin/env node
// The staff app's first load: the bytes a browser fetches for the login page (the page and the
// scripts, styles and icons it names), as sent compressed (brotli) and as they would be plain.
// Build first: npm run build.   Run: node --import tsx bench/first-load.mjs   Asserts nothing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app/build-app.ts';
import { createMailer } from '../src/channels/email.ts';
import { openPglite } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadConfig } from '../src/server/config.ts';
import { summary } from './support.mjs';

if (!existsSync('dist/web/index.html')) {
  console.error('Build first: npm run build');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'landsby-bench-first-load-'));
const db = await openPglite(join(dir, 'db'));
await migrate(db);
const config = loadConfig({
  DATA_DIR: dir,
  SECRET_KEY: 'bench-secret-key-that-is-long-enough',
  DEMO_DATA: 'false',
});
const app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
await app.ready();

async function load(encoding) {
  const get = (url) => app.inject({ url, headers: { 'accept-encoding': encoding } });
  const page = await get('/logg-inn');
  const html = (await app.inject({ url: '/logg-inn' })).body;
  const files = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  let bytes = page.rawPayload.length;
  for (const file of files) bytes += (await get(file)).rawPayload.length;
  return { bytes, files: files.length + 1 };
}
const plain = await load('identity');
const compressed = await load('br, gzip');
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`Login page, first load: ${compressed.files} files`);
console.log(`  plain       ${kb(plain.bytes).padStart(8)}`);
console.log(
  `  compressed  ${kb(compressed.bytes).padStart(8)}  (brotli, ${((100 * compressed.bytes) / plain.bytes).toFixed(0)} % of plain)`,
);
summary(
  'staff app first load (login page), bytes sent',
  '–',
  `${kb(compressed.bytes)} (plain ${kb(plain.bytes)})`,
  '< 400 KB',
);
await app.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
