import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { invalid } from '../../../server/errors.js';
import { createNetworkIn, proposeMemberIn } from '../../networks/index.js';
import type { ChoiceInput, ChoiceResult } from '../contract.js';

/**
 * The team's choice: creates the network (or takes the one named) and proposes the chosen homes as
 * its members, all in one transaction: a refused home (already a member, not found) writes nothing.
 * Joining stays with the network page, behind the consent and confidentiality gate.
 */
export function chooseNetwork(deps: Deps, ctx: TenantContext, input: ChoiceInput): Promise<ChoiceResult> {
  if (!input.networkId) {
    const missing = (['name', 'resourceFamilyHouseholdId', 'caseworkerUserIds'] as const).filter(
      (f) => !input[f],
    );
    if (missing.length > 0) throw invalid(missing.map((field) => ({ field, rule: 'required' })));
  }
  return inTenant(deps.db, ctx, async (tx) => {
    const networkId =
      input.networkId ??
      (
        await createNetworkIn(tx, ctx, {
          name: input.name ?? '',
          resourceFamilyHouseholdId: input.resourceFamilyHouseholdId ?? '',
          caseworkerUserIds: input.caseworkerUserIds ?? [],
        })
      ).id;
    const householdIds = [...new Set(input.householdIds)];
    for (const householdId of householdIds) await proposeMemberIn(tx, ctx, networkId, householdId);
    return { networkId, proposed: householdIds.length };
  });
}
