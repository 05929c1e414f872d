import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { lookupPlaces } from '../registry/index.js';
import {
  HOUSING_STATUSES,
  type HousingStatusChange,
  type HousingUnitDetail,
  type HousingUnitInput,
  type HousingUnitList,
  type HousingUnitView,
  NEXT_STATUSES,
} from './contract.js';
import {
  addressRequired,
  changeDayOutOfOrder,
  familyHomeHoused,
  familyHomeRequired,
  housingUnitChanged,
  transitionNotAllowed,
} from './errors.js';
import { presentHousingChange, presentHousingUnit } from './present.js';
import * as q from './queries.js';

const RECORD = 'housing_unit';

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Checks the unit's facts and finds the place of its postcode. */
async function unitData(tx: Queryable, input: HousingUnitInput): Promise<q.HousingUnitData> {
  const postcode = blank(input.address.postcode);
  if (postcode !== null && !/^[0-9]{4}$/.test(postcode)) {
    throw invalid([{ field: 'address.postcode', rule: 'postcode' } satisfies FieldError]);
  }
  const place = postcode ? ((await lookupPlaces(tx, [postcode])).get(postcode) ?? null) : null;
  return {
    addressLine: blank(input.address.line),
    postcode,
    place,
    rooms: input.rooms,
    areaM2: input.areaM2,
    owner: blank(input.owner),
  };
}

/**
 * The list with the summary at its top: ready (furnished, nobody living there), still searching,
 * and the family homes that live in no unit. Reading the family homes' names is a read of
 * personal data: one audit entry per home shown.
 */
export async function listHousingUnits(deps: Deps, ctx: TenantContext): Promise<HousingUnitList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const units = await q.listHousingUnits(tx, ctx.municipalityId);
    const homes = await q.listFamilyHomes(tx, ctx.municipalityId);
    const shown = new Set([...homes.map((h) => h.id), ...units.flatMap((u) => u.householdId ?? [])]);
    await auditListRead(tx, ctx, 'household', [...shown]);
    const byStatus = Object.fromEntries(HOUSING_STATUSES.map((s) => [s, 0]));
    for (const unit of units) byStatus[unit.status] = (byStatus[unit.status] ?? 0) + 1;
    return {
      summary: {
        ready: byStatus.furnished ?? 0,
        searching: byStatus.searching ?? 0,
        byStatus,
        homesWithoutUnit: homes.filter((h) => h.unitId === null).map(({ id, name }) => ({ id, name })),
      },
      units: units.map(presentHousingUnit),
      familyHomes: homes,
    };
  });
}

async function unitOrNotFound(tx: Queryable, ctx: TenantContext, unitId: string): Promise<q.HousingUnitRow> {
  const row = await q.findHousingUnit(tx, ctx.municipalityId, unitId);
  if (!row) throw notFound();
  return row;
}

async function detail(tx: Queryable, ctx: TenantContext, unitId: string): Promise<HousingUnitDetail> {
  const unit = await unitOrNotFound(tx, ctx, unitId);
  const history = await q.listHousingChanges(tx, ctx.municipalityId, unitId);
  return { unit: presentHousingUnit(unit), history: history.map(presentHousingChange) };
}

export async function readHousingUnit(
  deps: Deps,
  ctx: TenantContext,
  unitId: string,
): Promise<HousingUnitDetail> {
  return inTenant(deps.db, ctx, async (tx) => {
    const found = await detail(tx, ctx, unitId);
    await audit(tx, ctx, {
      action: 'read',
      recordType: RECORD,
      recordId: unitId,
      subjectId: found.unit.familyHome?.id ?? null,
    });
    return found;
  });
}

/** A new unit starts as searching, on the day it is registered; its first history row says so. */
export async function createHousingUnit(
  deps: Deps,
  ctx: TenantContext,
  input: HousingUnitInput,
): Promise<HousingUnitDetail> {
  return inTenant(deps.db, ctx, async (tx) => {
    const today = todayInOslo();
    const data = await unitData(tx, input);
    const id = await q.insertHousingUnit(
      tx,
      ctx.municipalityId,
      { ...data, status: 'searching', statusOn: today, householdId: null },
      ctx.userId,
    );
    await q.insertHousingChange(tx, ctx.municipalityId, {
      unitId: id,
      from: null,
      to: 'searching',
      on: today,
      householdId: null,
      userId: ctx.userId,
    });
    await audit(tx, ctx, { action: 'create', recordType: RECORD, recordId: id });
    return detail(tx, ctx, id);
  });
}

export async function updateHousingUnit(
  deps: Deps,
  ctx: TenantContext,
  unitId: string,
  input: HousingUnitInput,
  version: number,
): Promise<HousingUnitDetail> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await unitOrNotFound(tx, ctx, unitId);
    if (before.version !== version) throw housingUnitChanged();
    const data = await unitData(tx, input);
    if (before.status !== 'searching' && data.addressLine === null) throw addressRequired();
    if (!(await q.updateHousingUnit(tx, ctx.municipalityId, unitId, data, version)))
      throw housingUnitChanged();
    await audit(tx, ctx, {
      action: 'update',
      recordType: RECORD,
      recordId: unitId,
      subjectId: before.householdId,
    });
    return detail(tx, ctx, unitId);
  });
}

/**
 * Moves a unit to another status on a day (not before its last change, not after today) and
 * writes the history row. Occupied names the family home moving in (from furnished) or keeps the
 * one living there (a move-out called off); ended lets the home go.
 */
export async function changeHousingStatus(
  deps: Deps,
  ctx: TenantContext,
  unitId: string,
  change: HousingStatusChange,
): Promise<HousingUnitDetail> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await unitOrNotFound(tx, ctx, unitId);
    if (before.version !== change.version) throw housingUnitChanged();
    if (!NEXT_STATUSES[before.status].includes(change.status)) throw transitionNotAllowed();
    if (change.on < before.statusOn || change.on > todayInOslo()) throw changeDayOutOfOrder();
    if (change.status !== 'searching' && change.status !== 'ended' && before.addressLine === null) {
      throw addressRequired();
    }
    let householdId: string | null = null;
    if (change.status === 'occupied') {
      householdId = before.status === 'ending' ? before.householdId : (change.householdId ?? null);
      if (!householdId || !(await q.isFamilyHome(tx, ctx.municipalityId, householdId))) {
        throw familyHomeRequired();
      }
      const housed = await q.findHousingUnitOfHousehold(tx, ctx.municipalityId, householdId);
      if (housed && housed.id !== unitId) throw familyHomeHoused();
    } else if (change.status === 'ending') {
      householdId = before.householdId;
    }
    const moved = await q.updateHousingStatus(
      tx,
      ctx.municipalityId,
      unitId,
      { status: change.status, on: change.on, householdId },
      change.version,
    );
    if (!moved) throw housingUnitChanged();
    await q.insertHousingChange(tx, ctx.municipalityId, {
      unitId,
      from: before.status,
      to: change.status,
      on: change.on,
      householdId: householdId ?? before.householdId,
      userId: ctx.userId,
    });
    await audit(tx, ctx, {
      action: 'update',
      recordType: RECORD,
      recordId: unitId,
      subjectId: householdId ?? before.householdId,
      details: { from: before.status, to: change.status },
    });
    return detail(tx, ctx, unitId);
  });
}

/**
 * For the family-home page: the unit a family home lives in, in the caller's transaction (the
 * caller audits its own read of the home).
 */
export async function housingUnitOf(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HousingUnitView | null> {
  const row = await q.findHousingUnitOfHousehold(tx, municipalityId, householdId);
  return row ? presentHousingUnit(row) : null;
}
