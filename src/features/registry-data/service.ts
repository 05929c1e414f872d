import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import type { Household } from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import * as registry from '../registry/index.js';
import * as q from './queries.js';
import { householdsCsv, householdsXlsx } from './render.js';
import {
  decodeText,
  type LineProblem,
  MAX_PROBLEMS,
  parsePostenRegister,
  parseTravelTimes,
} from './service/parse-tables.js';

/** An export holds at most this many households; a bigger one asks for a narrower filter. */
export const EXPORT_MAX = 10_000;
/** Posten's register has about 5,000 postcodes; a file with far fewer is not it. */
const POSTEN_MIN_ROWS = 1_000;
const TRAVEL_TIMES_MAX = 20_000;

const refused = (code: string, problems: LineProblem[]) =>
  new AppError(code, 400, { problems: problems.slice(0, MAX_PROBLEMS), total: problems.length });

// Export of the list ------------------------------------------------------------------------------

/**
 * The households the list shows for `filter`, in its order, without paging, as a spreadsheet.
 * Each household in the file gets an 'export' entry in the audit log, in the same transaction.
 */
export async function exportHouseholds(
  deps: Deps,
  ctx: TenantContext,
  filter: registry.HouseholdFilter,
  order: { sort: registry.HouseholdSort; dir: 'asc' | 'desc' },
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; count: number }> {
  const rows = await inTenant(deps.db, ctx, async (tx) => {
    const list = await registry.listHouseholds(tx, ctx.municipalityId, filter, order, {
      limit: EXPORT_MAX,
      offset: 0,
    });
    if (list.total > EXPORT_MAX) {
      throw new AppError('registry.export_too_large', 400, { total: list.total, max: EXPORT_MAX });
    }
    const ids = list.rows.map((r) => r.id);
    const byId = new Map((await q.exportRows(tx, ctx.municipalityId, ids)).map((r) => [r.id, r]));
    await q.insertAuditExports(tx, {
      municipalityId: ctx.municipalityId,
      actorUserId: ctx.userId,
      ip: ctx.ip,
      householdIds: ids,
      details: { format, via: 'list' },
    });
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  });
  const body = format === 'xlsx' ? await householdsXlsx(rows) : householdsCsv(rows);
  return { body, count: rows.length };
}

const iso = (value: Date | string) => new Date(value).toISOString();

// Erasure --------------------------------------------------------------------------------------------

export interface ErasureResult {
  householdId: string;
  erasedAt: string;
  alreadyErased: boolean;
  kept: { placements: number };
  removed: { adults: number; children: number; placements: number; historyEntries: number };
}

/**
 * Erases a household that has left (archived, every placement ended): keeps its placements as
 * facts without personal data and the record of the erasure, removes everything else. Asking
 * again for an erased household changes nothing and answers as the first time did.
 */
export async function eraseHousehold(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
): Promise<ErasureResult> {
  return inTenant(deps.db, ctx, async (tx) => {
    const household = await q.lockHousehold(tx, ctx.municipalityId, householdId);
    if (household) {
      if (!household.archivedAt) throw new AppError('registry.erase_not_archived', 409);
      if (household.openPlacements > 0) {
        throw new AppError('registry.erase_open_placements', 409, { open: household.openPlacements });
      }
      if (household.networks > 0) throw new AppError('registry.erase_resource_family', 409);
      await q.eraseHousehold(tx, ctx.municipalityId, household, ctx.userId);
      await audit(tx, ctx, {
        action: 'erase',
        recordType: 'household',
        recordId: householdId,
        subjectId: householdId,
        details: {
          removed: {
            adults: household.adults,
            children: household.children,
            placements: household.placements,
            historyEntries: household.historyEntries,
          },
          keptPlacements: household.placements,
        },
      });
    }
    const erasure = await q.findErasure(tx, ctx.municipalityId, householdId);
    if (!erasure) throw notFound();
    return {
      householdId,
      erasedAt: iso(erasure.erasedAt),
      alreadyErased: !household,
      kept: { placements: erasure.keptPlacements },
      removed: erasure.removed,
    };
  });
}

// Travel-time table ----------------------------------------------------------------------------------

export async function travelTimes(deps: Deps, ctx: TenantContext) {
  const entries = await inTenant(deps.db, ctx, (tx) => q.listTravelTimes(tx, ctx.municipalityId));
  return { count: entries.length, entries };
}

/**
 * Replaces the municipality's travel-time table with an uploaded CSV, all or nothing: any bad
 * line refuses the whole file with a report by line. Households whose travel time follows the
 * table get the new value through writeHousehold, so their history and the audit log show it;
 * typed-in (manual) travel times stay as they are.
 */
export async function replaceTravelTimes(
  deps: Deps,
  ctx: TenantContext,
  bytes: Uint8Array,
): Promise<{ count: number; householdsUpdated: number; encoding: string }> {
  const { text, encoding } = decodeText(bytes);
  const { entries, problems } = parseTravelTimes(text);
  if (problems.length === 0 && entries.length === 0) throw new AppError('registry.travel_times_empty', 400);
  if (entries.length > TRAVEL_TIMES_MAX) {
    throw new AppError('registry.travel_times_too_many', 400, { max: TRAVEL_TIMES_MAX });
  }
  return inTenant(deps.db, ctx, async (tx) => {
    const places = await registry.lookupPlaces(
      tx,
      entries.map((e) => e.postcode),
    );
    for (const entry of entries) {
      if (!places.has(entry.postcode)) {
        problems.push({ line: entry.line, rule: 'unknown_postcode', value: entry.postcode });
      }
    }
    if (problems.length > 0) {
      throw refused(
        'registry.travel_times_invalid',
        problems.sort((a, b) => a.line - b.line),
      );
    }
    await q.replaceTravelTimes(tx, ctx.municipalityId, entries);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'travel_time',
      details: { entries: entries.length, encoding },
    });
    let householdsUpdated = 0;
    for (const { id, minutes } of await q.householdsOffTable(tx, ctx.municipalityId)) {
      const before = await registry.findHousehold(tx, ctx.municipalityId, id);
      if (!before) continue;
      const household: Household = {
        id: before.id,
        kind: before.kind,
        relation: before.relation,
        externalRef: before.externalRef,
        address: before.address,
        travelMinutes: minutes,
        travelSource: minutes === null ? null : 'postcode_table',
        adults: before.adults,
        children: before.children,
        placements: before.placements,
      };
      if (await registry.writeHousehold(tx, ctx, household, before, 'update')) householdsUpdated++;
    }
    return { count: entries.length, householdsUpdated, encoding };
  });
}

// Posten's postcode register ---------------------------------------------------------------------------

/**
 * Replaces the installation's postcode table with Posten's register file. A file that does not
 * look like it (too few lines, a line that is not a postcode line) changes nothing.
 */
export async function replacePostcodeRegister(
  deps: Deps,
  ctx: TenantContext,
  bytes: Uint8Array,
): Promise<{ count: number; added: number; removed: number; renamed: number; encoding: string }> {
  const { text, encoding } = decodeText(bytes);
  const { entries, problems } = parsePostenRegister(text);
  if (problems.length > 0) throw refused('registry.postcodes_invalid', problems);
  if (entries.length < POSTEN_MIN_ROWS) {
    throw new AppError('registry.postcodes_too_few', 400, { rows: entries.length, min: POSTEN_MIN_ROWS });
  }
  // The table is the installation's, not a tenant's: it is written as landsby_system.
  return asSystem(deps.db, async (tx) => {
    const before = new Map((await q.allPostcodes(tx)).map((r) => [r.postcode, r.place]));
    const after = new Map(entries.map((e) => [e.postcode, e.place]));
    const added = entries.filter((e) => !before.has(e.postcode)).length;
    const removed = [...before.keys()].filter((p) => !after.has(p)).length;
    const renamed = entries.filter(
      (e) => before.has(e.postcode) && before.get(e.postcode) !== e.place,
    ).length;
    await registry.replacePostcodes(
      tx,
      entries.map((e) => [e.postcode, e.place]),
    );
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'postcode',
      details: { entries: entries.length, added, removed, renamed, encoding },
    });
    return { count: entries.length, added, removed, renamed, encoding };
  });
}
