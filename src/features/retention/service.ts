import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import {
  checkRetention,
  cutOffs,
  RETENTION_BOUNDS,
  RETENTION_KINDS,
  type RetentionKind,
} from '../../domain/retention.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import { eraseHouseholdRows, lockHousehold } from '../registry-data/index.js';
import type { RetentionPeriods, RetentionPreview, RetentionSettings } from './contract.js';
import * as q from './queries.js';

type Counts = Record<RetentionKind, number>;

export async function getRetention(deps: Pick<Deps, 'db'>, ctx: TenantContext): Promise<RetentionSettings> {
  const periods = await inTenant(deps.db, ctx, (tx) => q.findPeriods(tx, ctx.municipalityId));
  return { periods, bounds: RETENTION_BOUNDS };
}

export async function saveRetention(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  periods: RetentionPeriods,
): Promise<RetentionSettings> {
  const errors = checkRetention(periods);
  if (errors.length > 0) throw new AppError('retention.out_of_bounds', 400, errors);
  return inTenant(deps.db, ctx, async (tx) => {
    await q.savePeriods(tx, ctx.municipalityId, periods);
    await audit(tx, ctx, { action: 'update', recordType: 'retention_setting', details: { periods } });
    return { periods, bounds: RETENTION_BOUNDS };
  });
}

/** What the next run would remove now: counts per kind, no names. */
export async function previewRetention(
  deps: Pick<Deps, 'db'>,
  ctx: TenantContext,
  now = new Date(),
): Promise<RetentionPreview> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = cutOffs(now, await q.findPeriods(tx, ctx.municipalityId));
    const preview = {} as RetentionPreview;
    for (const kind of RETENTION_KINDS) {
      preview[kind] = {
        before: before[kind].toISOString(),
        count: await q.countPassed(tx, ctx.municipalityId, kind, before[kind]),
      };
    }
    return preview;
  });
}

/**
 * One municipality's retention run, in one transaction of its own tenant: removes or anonymises
 * what has passed its period and writes one audit entry with the counts (and the ids of the
 * households erased, as a team leader's erasure would name them).
 */
export async function runRetention(
  deps: Pick<Deps, 'db'>,
  municipalityId: number,
  now = new Date(),
): Promise<Counts> {
  const ctx: TenantContext = { municipalityId, userId: null, ip: null };
  return inTenant(deps.db, ctx, async (tx) => {
    const before = cutOffs(now, await q.findPeriods(tx, municipalityId));
    const erased = await eraseArchivedHouseholds(tx, municipalityId, before.archived_households);
    const removed: Counts = {
      answers: await q.anonymiseAnswers(tx, municipalityId, before.answers),
      feedback: await q.deleteFeedback(tx, municipalityId, before.feedback),
      import_files: await q.deleteImportFiles(tx, municipalityId, before.import_files),
      call_notes: await q.removeCallNotes(tx, municipalityId, before.call_notes),
      archived_households: erased.length,
      audit_log: await q.deleteAuditEntries(tx, municipalityId, before.audit_log),
      stopped_candidates: await q.deleteStoppedCandidates(tx, municipalityId, before.stopped_candidates),
      supervision_notes: await q.removeSupervisionNotes(tx, municipalityId, before.supervision_notes),
      follow_up_notes: await q.removeFollowUpNotes(tx, municipalityId, before.follow_up_notes),
      evaluation_answers: await q.deleteEvaluationAnswers(tx, municipalityId, before.evaluation_answers),
      attendance: await q.deleteAttendance(tx, municipalityId, before.attendance),
    };
    await audit(tx, ctx, {
      action: 'retention_run',
      recordType: 'retention',
      details: {
        removed,
        before: Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, before[kind].toISOString()])),
        erasedHouseholds: erased,
      },
    });
    return removed;
  });
}

/** Erases as registry-data's erasure does: placements stay as facts without personal data. */
async function eraseArchivedHouseholds(
  tx: Queryable,
  municipalityId: number,
  before: Date,
): Promise<string[]> {
  const erased: string[] = [];
  for (const id of await q.archivedHouseholdsPassed(tx, municipalityId, before)) {
    const household = await lockHousehold(tx, municipalityId, id);
    if (!household?.archivedAt || Number(household.openPlacements) > 0 || household.networks > 0) continue;
    await eraseHouseholdRows(tx, municipalityId, household, null);
    erased.push(id);
  }
  return erased;
}
