import { randomUUID } from 'node:crypto';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { LeaveSiblingsInput, SiblingsInput } from '../contract.js';
import * as q from '../queries.js';

/**
 * Records the children as siblings (one sibling group; groups some of them were in merge): the
 * registry keeps no siblings of its own. Audited per home.
 */
export function joinSiblings(deps: Deps, ctx: TenantContext, input: SiblingsInput): Promise<void> {
  const childIds = [...new Set(input.childIds)];
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    if ((await q.countChildren(tx, m, childIds)) !== childIds.length) throw notFound();
    const group = randomUUID();
    const changed = await q.joinSiblings(tx, m, childIds, group);
    for (const { householdId } of await q.householdsOfChildren(tx, m, childIds)) {
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'household',
        recordId: householdId,
        subjectId: householdId,
        details: { change: 'siblings', group, children: changed },
      });
    }
  });
}

/** Takes a child out of its sibling group. */
export function leaveSiblings(deps: Deps, ctx: TenantContext, input: LeaveSiblingsInput): Promise<void> {
  return inTenant(deps.db, ctx, async (tx) => {
    const householdId = await q.leaveSiblings(tx, ctx.municipalityId, input.childId);
    if (!householdId) throw notFound();
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
      details: { change: 'siblings_left' },
    });
  });
}
