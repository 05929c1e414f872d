import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { invalid } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { KsRates } from '../contract.js';
import * as q from '../queries.js';

/** The municipality's KS rates, year by year. */
export function getKsRates(deps: Deps, ctx: TenantContext): Promise<KsRates> {
  return inTenant(deps.db, ctx, async (tx) => ({ rates: await q.ksRates(tx, ctx.municipalityId) }));
}

/** Replaces the table: a year given twice is refused (which of the two was meant?). */
export function saveKsRates(deps: Deps, ctx: TenantContext, input: KsRates): Promise<KsRates> {
  const seen = new Set<number>();
  const twice = input.rates.findIndex((r) => seen.size === seen.add(r.year).size);
  if (twice >= 0) throw invalid([{ field: `rates.${twice}.year`, rule: 'duplicate' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const rates = [...input.rates].sort((a, b) => a.year - b.year);
    await q.replaceKsRates(tx, ctx.municipalityId, rates, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'ks_rate',
      details: { years: rates.map((r) => r.year) },
    });
    return { rates: await q.ksRates(tx, ctx.municipalityId) };
  });
}
