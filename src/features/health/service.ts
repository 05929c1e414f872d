import type { Deps } from '../../server/deps.js';
import type { Healthy, Unavailable } from './contract.js';
import { ping } from './queries.js';

/** Whether the database answers; no tenant, no personal data. */
export async function checkHealth(deps: Pick<Deps, 'db'>): Promise<Healthy | Unavailable> {
  try {
    await deps.db.transaction(ping);
    return { status: 'ok', database: deps.db.kind };
  } catch {
    return { status: 'unavailable', database: deps.db.kind };
  }
}
