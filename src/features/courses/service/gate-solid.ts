import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { HouseholdCourses, SolidOverrideInput } from '../contract.js';
import { overrideForbidden, solidRequired } from '../errors.js';
import * as q from '../queries.js';
import { householdCourses } from './keep-register.js';

/**
 * Solid is a prerequisite for a resource family (seed 003): refuses (409 courses.solid_required)
 * unless an adult now in the household has completed Solid or a team leader has overridden it.
 * Called in the caller's transaction wherever a household becomes a resource family.
 */
export async function requireSolid(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<void> {
  if (await q.householdHasCompleted(tx, municipalityId, householdId, 'solid')) return;
  if (await q.findSolidOverride(tx, municipalityId, householdId)) return;
  throw solidRequired();
}

/**
 * A team leader lets the household be a resource family without Solid, with a reason (audited
 * with the reason). A second override replaces the reason.
 */
export function overrideSolid(
  deps: Deps,
  ctx: TenantContext,
  canOverride: boolean,
  householdId: string,
  input: SolidOverrideInput,
): Promise<HouseholdCourses> {
  if (!canOverride) throw overrideForbidden();
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.householdExists(tx, ctx.municipalityId, householdId))) throw notFound();
    const reason = input.reason.trim();
    const id = await q.upsertSolidOverride(tx, ctx.municipalityId, householdId, reason, ctx.userId);
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'course_override',
      recordId: id,
      subjectId: householdId,
      details: { kind: 'solid', reason },
    });
  }).then(() => householdCourses(deps, ctx, householdId));
}
