import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import {
  checkHousehold,
  diffHouseholds,
  displayName,
  type Household,
  type HouseholdInput,
  postcodesOf,
  searchText,
} from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { AppError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead, auditMany } from '../audit/index.js';
import { requireSolid } from '../courses/index.js';
import type { HouseholdView } from './contract.js';
import { presentHousehold } from './present.js';
import * as q from './queries.js';

/**
 * Checks many households at once with one look-up of postcodes and travel times: the form
 * sends one, an import thousands.
 */
export async function checkHouseholds(
  tx: Queryable,
  municipalityId: number,
  inputs: HouseholdInput[],
): Promise<ReturnType<typeof checkHousehold>[]> {
  const postcodes = [...new Set(inputs.flatMap(postcodesOf))];
  const lookups = {
    places: await q.lookupPlaces(tx, postcodes),
    travelMinutes: await q.lookupTravelMinutes(tx, municipalityId, postcodes),
    newId: randomUUID,
  };
  return inputs.map((input) => checkHousehold(input, lookups));
}

/**
 * Writes a checked household, new or changed, with its history entry and audit entry, in the
 * caller's transaction. `before` is what is stored now (null for a new one); its version guards
 * against overwriting someone else's save. Returns false when nothing changed.
 */
export async function writeHousehold(
  tx: Queryable,
  ctx: TenantContext,
  household: Household,
  before: q.HouseholdRow | null,
  action: 'create' | 'update' | 'import',
): Promise<boolean> {
  const derived = { displayName: displayName(household.adults), searchText: searchText(household) };
  const changes = diffHouseholds(before, household);
  if (before && changes.length === 0) return false;
  try {
    if (before) {
      if (!(await q.updateHousehold(tx, ctx.municipalityId, household, derived, before.version))) {
        throw new AppError('registry.conflict', 409);
      }
    } else if (!(await q.insertHousehold(tx, ctx.municipalityId, household, derived))) {
      throw new AppError('registry.conflict', 409);
    }
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('registry.duplicate_ref', 409, [{ field: 'externalRef', rule: 'unique' }]);
    throw error;
  }
  await q.insertHistory(tx, {
    municipalityId: ctx.municipalityId,
    householdId: household.id,
    actorUserId: ctx.userId,
    action,
    changes,
  });
  await audit(tx, ctx, {
    action: before ? 'update' : 'create',
    recordType: 'household',
    recordId: household.id,
    subjectId: household.id,
    details: { fields: changes.map((c) => c.field), via: action },
  });
  return true;
}

/**
 * Writes many new, checked households with a history and an audit entry each, as writeHousehold
 * does for one, in a handful of statements in the caller's transaction (the demo's seed writes
 * hundreds at first start, which row by row took seconds on the embedded database).
 */
export async function createHouseholds(
  tx: Queryable,
  ctx: TenantContext,
  households: Household[],
  action: 'create' | 'import',
): Promise<void> {
  const written = households.map((household) => ({
    household,
    displayName: displayName(household.adults),
    searchText: searchText(household),
    changes: diffHouseholds(null, household),
  }));
  try {
    await q.insertHouseholds(tx, ctx.municipalityId, written);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('registry.duplicate_ref', 409, [{ field: 'externalRef', rule: 'unique' }]);
    throw error;
  }
  await q.insertHistories(
    tx,
    { municipalityId: ctx.municipalityId, actorUserId: ctx.userId, action },
    written.map((w) => ({ householdId: w.household.id, changes: w.changes })),
  );
  await auditMany(
    tx,
    ctx,
    written.map((w) => ({
      action: 'create',
      recordType: 'household',
      recordId: w.household.id,
      subjectId: w.household.id,
      details: { fields: w.changes.map((c) => c.field), via: action },
    })),
  );
}

export async function listHouseholds(
  deps: Deps,
  ctx: TenantContext,
  filter: q.HouseholdFilter,
  order: { sort: q.HouseholdSort; dir: 'asc' | 'desc' },
  page: { limit: number; offset: number },
) {
  return inTenant(deps.db, ctx, async (tx) => {
    const result = await q.listHouseholds(tx, ctx.municipalityId, filter, order, page);
    await auditListRead(
      tx,
      ctx,
      'household',
      result.rows.map((r) => r.id),
    );
    return {
      total: result.total,
      households: result.rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() })),
    };
  });
}

export async function getHousehold(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
): Promise<HouseholdView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findHousehold(tx, ctx.municipalityId, householdId);
    if (!row) throw notFound();
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'household',
      recordId: householdId,
      subjectId: householdId,
    });
    return presentHousehold(row);
  });
}

/** Creates a household; the same client-made id twice (a double click) gives the first one back. */
export async function createHousehold(
  deps: Deps,
  ctx: TenantContext,
  input: HouseholdInput,
): Promise<{ household: HouseholdView; created: boolean }> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (input.id) {
      const existing = await q.findHousehold(tx, ctx.municipalityId, input.id);
      if (existing) return { household: presentHousehold(existing), created: false };
    }
    const [checked] = await checkHouseholds(tx, ctx.municipalityId, [input]);
    if (!checked?.household) throw invalid(checked?.errors ?? []);
    // A new household has no course yet: it becomes a resource family once an adult has Solid.
    if (checked.household.kind === 'resource_family') {
      await requireSolid(tx, ctx.municipalityId, checked.household.id);
    }
    try {
      await writeHousehold(tx, ctx, checked.household, null, 'create');
    } catch (error) {
      // The other click's transaction committed the same id while this one waited: return that.
      const winner = input.id && (await q.findHousehold(tx, ctx.municipalityId, input.id));
      if (error instanceof AppError && error.code === 'registry.conflict' && winner) {
        return { household: presentHousehold(winner), created: false };
      }
      throw error;
    }
    const row = await q.findHousehold(tx, ctx.municipalityId, checked.household.id);
    return { household: presentHousehold(row as q.HouseholdRow), created: true };
  });
}

export async function updateHousehold(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
  input: HouseholdInput,
  version: number,
): Promise<HouseholdView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findHousehold(tx, ctx.municipalityId, householdId);
    if (!before) throw notFound();
    if (before.version !== version) throw new AppError('registry.conflict', 409);
    const [checked] = await checkHouseholds(tx, ctx.municipalityId, [{ ...input, id: householdId }]);
    if (!checked?.household) throw invalid(checked?.errors ?? []);
    if (checked.household.kind === 'resource_family' && before.kind !== 'resource_family') {
      await requireSolid(tx, ctx.municipalityId, householdId);
    }
    await writeHousehold(tx, ctx, checked.household, before, 'update');
    return presentHousehold((await q.findHousehold(tx, ctx.municipalityId, householdId)) as q.HouseholdRow);
  });
}

/**
 * Archives (or brings back) a household with its history entry and audit entry, in the caller's
 * transaction. Archiving what is archived already changes nothing and is no error. Returns
 * whether anything changed.
 */
export async function archiveHousehold(
  tx: Queryable,
  ctx: TenantContext,
  householdId: string,
  archived: boolean,
): Promise<boolean> {
  if (!(await q.setArchived(tx, ctx.municipalityId, householdId, archived))) return false;
  const action = archived ? 'archive' : 'unarchive';
  await q.insertHistory(tx, {
    municipalityId: ctx.municipalityId,
    householdId,
    actorUserId: ctx.userId,
    action,
    changes: [{ field: 'archived', before: !archived, after: archived }],
  });
  await audit(tx, ctx, {
    action: 'update',
    recordType: 'household',
    recordId: householdId,
    subjectId: householdId,
    details: { via: action },
  });
  return true;
}

export async function setHouseholdArchived(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
  archived: boolean,
): Promise<HouseholdView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await q.findHousehold(tx, ctx.municipalityId, householdId);
    if (!before) throw notFound();
    // A double click archives what is archived already: nothing changes, no error.
    await archiveHousehold(tx, ctx, householdId, archived);
    return presentHousehold((await q.findHousehold(tx, ctx.municipalityId, householdId)) as q.HouseholdRow);
  });
}

export async function householdHistory(deps: Deps, ctx: TenantContext, householdId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.findHousehold(tx, ctx.municipalityId, householdId))) throw notFound();
    const rows = await q.listHistory(tx, ctx.municipalityId, householdId);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'household_history',
      recordId: householdId,
      subjectId: householdId,
    });
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  });
}

export async function findPlace(deps: Deps, ctx: TenantContext, postcode: string): Promise<string> {
  const places = await inTenant(deps.db, ctx, (tx) => q.lookupPlaces(tx, [postcode]));
  const place = places.get(postcode);
  if (!place) throw notFound();
  return place;
}
