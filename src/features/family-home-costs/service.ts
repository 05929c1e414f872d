import type { Database } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { audit } from '../audit/index.js';
import type { CostComparison, CostSettings, CostSettingsInput } from './contract.js';
import * as q from './queries.js';
import { costCsv, costTable, costXlsx } from './render.js';

/**
 * The cost per youth per year of each arrangement: a family home's cost and its counsellor's
 * share, divided by the youths a home typically has; a group home and an institution per place
 * (one youth a place). Whole kroner.
 */
export function perYouth(s: CostSettings): CostComparison['arrangements'] {
  return [
    {
      arrangement: 'family_home',
      perYouthNok: Math.round((s.familyHomeNok + s.counsellorShareNok) / s.youthsPerHome),
    },
    { arrangement: 'group_home', perYouthNok: s.groupHomePlaceNok },
    { arrangement: 'institution', perYouthNok: s.institutionPlaceNok },
  ];
}

export async function readCosts(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  year?: number,
): Promise<CostComparison> {
  const asked = year ?? Number(todayInOslo().slice(0, 4));
  return inTenant(deps.db, ctx, async (tx) => {
    const settings = (await q.findSettings(tx, ctx.municipalityId, asked)) ?? null;
    return {
      year: asked,
      settings,
      years: await q.listSettingYears(tx, ctx.municipalityId),
      arrangements: settings ? perYouth(settings) : [],
    };
  });
}

/** Saves a year's unit costs; what the team saves is its own figures, no longer examples. */
export async function saveCosts(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  input: CostSettingsInput,
): Promise<CostComparison> {
  await inTenant(deps.db, ctx, async (tx) => {
    const youthsPerHome = Math.round(input.youthsPerHome * 10) / 10;
    await q.upsertSettings(tx, ctx.municipalityId, { ...input, youthsPerHome, example: false }, ctx.userId);
    await audit(tx, ctx, { action: 'update', recordType: 'family_home_cost', recordId: String(input.year) });
  });
  return readCosts(deps, ctx, input.year);
}

/** The comparison of a year as a spreadsheet for the council, or as CSV. */
export async function exportCosts(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  year: number | undefined,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; year: number }> {
  const costs = await readCosts(deps, ctx, year);
  const table = costTable(costs);
  return { body: format === 'xlsx' ? await costXlsx(table) : costCsv(table), year: costs.year };
}

/** The demo's unit costs: examples, marked as such, for this year. */
export async function seedDemoCosts(db: Database, municipalityId: number): Promise<void> {
  const ctx = { municipalityId, userId: null, ip: null };
  const year = Number(todayInOslo().slice(0, 4));
  await inTenant(db, ctx, async (tx) => {
    if ((await q.listSettingYears(tx, municipalityId)).length > 0) return;
    await q.upsertSettings(tx, municipalityId, { year, ...EXAMPLE_COSTS, example: true }, null);
  });
}

/**
 * Example unit costs (NOK per year), not any municipality's: seed 004 gives no figures. Plausible
 * orders of size: a family home with a parent paid full time, rent and running costs; half of a
 * counsellor's position; three youths a home; a place in a group home for unaccompanied minors;
 * a place in a child-welfare institution.
 */
export const EXAMPLE_COSTS = {
  familyHomeNok: 1_600_000,
  counsellorShareNok: 450_000,
  youthsPerHome: 3,
  groupHomePlaceNok: 1_450_000,
  institutionPlaceNok: 4_900_000,
} as const;
