#!/usr/bin/env node
// Cold start and idle memory of `node dist/app/main.js` on an empty embedded database:
// the time from spawn until /healthz answers 200 (migrations and demo seed included), a warm
// restart on the same data, and the resident memory after 10 s idle. Build first: npm run build.
// Prints figures; asserts nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { summary } from './summary.mjs';

if (!existsSync('dist/app/main.js')) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function start(dataDir) {
  const port = await freePort();
  const begun = performance.now();
  const child = spawn(process.execPath, ['dist/app/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error('server exited');
    await delay(20);
  }
  return { child, port, ms: performance.now() - begun };
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const runs = 3;
const cold = [];
const warm = [];
const idle = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'landsby-bench-'));
  const first = await start(dir);
  cold.push(first.ms);
  await stop(first.child);
  const second = await start(dir);
  warm.push(second.ms);
  await fetch(`http://127.0.0.1:${second.port}/`); // serve the app page once
  await delay(10_000);
  idle.push(rssMiB(second.child.pid));
  await stop(second.child);
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `cold start, empty ./data (migrate + demo seed), median of ${runs}: ${median(cold).toFixed(0)} ms  [${cold.map((x) => x.toFixed(0)).join(', ')}]`,
);
console.log(
  `warm start, existing ./data, median of ${runs}: ${median(warm).toFixed(0)} ms  [${warm.map((x) => x.toFixed(0)).join(', ')}]`,
);
console.log(
  `idle resident memory after 10 s, median of ${runs}: ${median(idle).toFixed(0)} MiB  [${idle.map((x) => x.toFixed(0)).join(', ')}]`,
);
summary(
  'cold start, empty data folder, demo data → /healthz (median)',
  'PGlite',
  `${median(cold).toFixed(0)} ms`,
  '< 2 s',
);
summary('idle memory after a start (median)', 'PGlite', `${median(idle).toFixed(0)} MiB`, '< 250 MB');
