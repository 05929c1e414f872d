import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { audit } from '../../audit/index.js';
import * as j from '../queries/joint.js';
import * as q from '../queries.js';
import { cohortOrNotFound, ensurePartnerSessions } from '../service.js';

/**
 * The demo's cohort under way («Høstkullet», seedDemoCohorts) made joint, once: the demo
 * municipality adds a neighbour of its programme as a partner, and the neighbour adds two of its
 * own foster homes, which get its own six sessions and came to the held ones (the first also to
 * session 2 only). Each step as the municipality whose data it is, as the pages would do it.
 */
export async function seedDemoJointCohort(db: Database, hostId: number, partnerId: number): Promise<void> {
  const host = { municipalityId: hostId, userId: null, ip: null };
  const cohortId = await inTenant(db, host, async (tx) => {
    const id = await j.ownCohortNamed(tx, hostId, 'Høstkullet');
    if (!id || !(await j.insertPartner(tx, hostId, id, partnerId, null))) return undefined;
    await audit(tx, host, {
      action: 'create',
      recordType: 'cohort_partner',
      recordId: id,
      details: { municipalityId: partnerId },
    });
    return id;
  });
  if (!cohortId) return;
  const partner = { municipalityId: partnerId, userId: null, ip: null };
  await inTenant(db, partner, async (tx) => {
    // Two homes apart in the list (the first by name are often a family of the same first names).
    const homes = (await q.demoFosterHomes(tx, partnerId, 0, 8))
      .filter((_, i) => i % 4 === 0)
      .map((h) => h.id);
    if (homes.length === 0) return;
    await ensurePartnerSessions(tx, partner, await cohortOrNotFound(tx, partner, cohortId));
    for (const home of homes) await q.addMember(tx, partnerId, cohortId, home);
    const held = (await q.listSessions(tx, partnerId, cohortId)).filter((s) => s.held);
    for (const [i, home] of homes.entries())
      for (const session of held)
        if (session.theme !== 2 || i === 0) await q.insertPresent(tx, partnerId, session.eventId, home);
  });
}
