import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { invalid } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import { venueIdsExisting } from '../../venues/index.js';
import type { CohortView } from '../contract.js';
import { setSessionsVenue } from '../queries/venue.js';
import { cohortOrNotFound, cohortView } from '../service.js';

/**
 * One of the municipality's own venues for all its sessions of the cohort still to come — above
 * all for a partner, whose sessions are made without one and whose invitations cannot go without
 * a place (sending.no_venue). Sessions at the host's place: the partner registers that meeting
 * place among its own venues once (a public address), so its invitations, reminders and calendar
 * files say where as for any café, from its own registry.
 */
export async function setCohortVenue(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  venueId: string,
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    await cohortOrNotFound(tx, ctx, cohortId);
    if (!(await venueIdsExisting(tx, ctx.municipalityId, [venueId])).has(venueId))
      throw invalid([{ field: 'venueId', rule: 'unknown' }]);
    for (const eventId of await setSessionsVenue(tx, ctx.municipalityId, cohortId, venueId))
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'event',
        recordId: eventId,
        details: { venueId, cohort: cohortId },
      });
    return cohortView(tx, ctx, cohortId);
  });
}
