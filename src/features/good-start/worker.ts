import type { Database } from '../../db/connection.js';
import { inTenant } from '../../db/tenant.js';
import { findEvent } from '../events/index.js';
import { queueCancellation } from '../sending/index.js';
import { isPartnerSession } from './queries/joint.js';

/**
 * The host of a joint cohort cancelled a session, and the partner's own session of that theme
 * followed (joint_cohort_follow, 0036). A job in the partner's tenant (app/jobs.ts) then tells the
 * partner's households as for a cancelled café, by the partner's own sending: the host's request
 * never writes in the partner's tenant itself. Returns how many notices were queued; the caller
 * starts the partner's sending.
 */
export async function tellCancelledSession(
  db: Database,
  municipalityId: number,
  eventId: string,
): Promise<number> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    const event = await findEvent(tx, municipalityId, eventId);
    if (event?.status !== 'cancelled' || !(await isPartnerSession(tx, municipalityId, eventId))) return 0;
    return queueCancellation(tx, ctx, event);
  });
}
