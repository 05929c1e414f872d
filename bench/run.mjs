#!/usr/bin/env node
// `npm run bench`: every bench one after another (their own output as they run), then one table
// of the figures the benches report through summary() in support.mjs, with issue 18's goals.
// A bench that reports none yet is listed by name only. Build first: npm run build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const BENCHES = [
  'first-load',
  'answer-page',
  'insight',
  'startup',
  'registry',
  'sending',
  'letters',
  'confirmations',
];
const dir = mkdtempSync(join(tmpdir(), 'landsby-bench-summary-'));
const file = join(dir, 'summary.jsonl');
const failed = [];
for (const bench of BENCHES) {
  console.log(`\n=== bench/${bench}.mjs`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}.mjs`], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_SUMMARY: file },
  });
  if (run.status !== 0) failed.push(bench);
}
let rows = [];
try {
  rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {}
rmSync(dir, { recursive: true, force: true });
console.log(`\n| moment | database | figure | goal |\n|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.moment} | ${r.database} | ${r.figure} | ${r.goal} |`);
console.log(`\n${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`);
if (failed.length) {
  console.log(`Failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
