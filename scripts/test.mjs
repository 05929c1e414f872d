#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to see.
// 1. the system packages the tests need (PostgreSQL server, Chromium, Poppler), installed when root;
// 2. lint and format (Biome), type check (tsc);
// 3. the build (the end-to-end tests drive the built web app);
// 4. Vitest: unit, integration on PGlite, integration on PostgreSQL, end-to-end in Chromium.
// Extra arguments go to Vitest, e.g. `npm test -- --project unit`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const started = Date.now();

function hasPostgresServer() {
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/postgres`));
}

function ensureSystemPackages() {
  const missing = [];
  if (!hasPostgresServer()) missing.push('postgresql');
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  // The printed-letter tests look at the PDFs through Poppler (pdftoppm, pdftotext, pdffonts).
  if (!existsSync('/usr/bin/pdftoppm')) missing.push('poppler-utils');
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`The tests need ${missing.join(' and ')}. Install with:\n  sudo sh -c '${command}'`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' and ')} from Debian's packages …`);
  execFileSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (${command} ${args.join(' ')})`);
    process.exit(result.status ?? 1);
  }
}

ensureSystemPackages();
step('Lint and format (Biome)', 'npx', ['biome', 'check', '.']);
step('Type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('Build (server and web app)', 'npm', ['run', 'build', '--silent']);
step('Tests (Vitest: unit, PGlite, PostgreSQL, Chromium)', 'npx', [
  'vitest',
  'run',
  ...process.argv.slice(2),
]);
console.log(`\n✓ all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
