import type { FastifyBaseLogger } from 'fastify';
import { asSystem } from '../../db/tenant.js';
import type { Deps } from '../../server/deps.js';
import * as q from './queries.js';
import { runRetention } from './service.js';

/** Run by pg-boss once a day at 03:15 (registered in src/app/jobs.ts), when nobody works. */
export const RETENTION_CRON = '15 3 * * *';

/**
 * The daily retention run: each municipality in its own transaction, so one that fails leaves
 * the others done (and is tried again the next day). The log gets counts only.
 */
export async function runRetentionEverywhere(
  deps: Pick<Deps, 'db'> & { log: FastifyBaseLogger },
  now = new Date(),
): Promise<void> {
  for (const municipalityId of await asSystem(deps.db, q.municipalityIds)) {
    try {
      const removed = await runRetention(deps, municipalityId, now);
      deps.log.info({ municipalityId, removed }, 'retention run');
    } catch (error) {
      deps.log.error({ err: error, municipalityId }, 'retention run failed');
    }
  }
}
