import { appendFileSync } from 'node:fs';

/**
 * One row of `npm run bench`'s table: the moment, the database, the figure (with its unit) and
 * the goal from issue 18. Written to the file bench/run.mjs names; a bench run alone skips it.
 * Its own module, free of TypeScript imports, so that the plain-node benches can use it.
 */
export function summary(moment, database, figure, goal = '') {
  const file = process.env.BENCH_SUMMARY;
  if (file) appendFileSync(file, `${JSON.stringify({ moment, database, figure, goal })}\n`);
}
