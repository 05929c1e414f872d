import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Queryable } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import type { Household } from '../../domain/household.js';
import type { ImportMapping, SavedColumns } from '../../domain/import-targets.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import * as registry from '../registry/index.js';
import type { DryRun, ImportJob, ImportResult, SavedMapping } from './contract.js';
import { rowFailed } from './errors.js';
import { presentJob, presentMapping, presentPlan } from './present.js';
import * as q from './queries.js';
import { parseUpload, UnreadableFile } from './service/parse-file.js';
import { planImport } from './service/plan-import.js';

const SAMPLE_ROWS = 5;

// ---- Jobs -------------------------------------------------------------------------------------

/**
 * Reads an uploaded file and keeps its rows in an import job of the municipality until it is
 * imported (then the rows are removed) or 24 hours have passed (then the job is removed).
 */
export async function uploadImport(
  deps: Deps,
  ctx: TenantContext,
  data: Buffer,
  fileName: string | null,
): Promise<ImportJob> {
  let parsed: Awaited<ReturnType<typeof parseUpload>>;
  try {
    parsed = await parseUpload(data);
  } catch (error) {
    if (error instanceof UnreadableFile) {
      throw new AppError('import.unreadable', 400, { reason: error.reason, line: error.line ?? null });
    }
    // A library choking on a malformed file is still a malformed file, not a fault of ours.
    deps.log.warn({ err: error }, 'import file could not be parsed');
    throw new AppError('import.unreadable', 400, { reason: 'binary', line: null });
  }
  const id = randomUUID();
  return inTenant(deps.db, ctx, async (tx) => {
    await q.deleteExpiredJobs(tx, ctx.municipalityId);
    await q.insertJob(tx, {
      id,
      municipalityId: ctx.municipalityId,
      createdBy: ctx.userId,
      fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      headers: parsed.headers,
      rows: parsed.rows,
      sample: parsed.rows.slice(0, SAMPLE_ROWS),
    });
    await audit(tx, ctx, {
      action: 'create',
      recordType: 'import_job',
      recordId: id,
      details: { format: parsed.format, rows: parsed.rows.length, columns: parsed.headers.length },
    });
    return presentJob((await q.findJob(tx, ctx.municipalityId, id)) as q.JobRow);
  });
}

export async function getImport(deps: Deps, ctx: TenantContext, jobId: string): Promise<ImportJob> {
  return inTenant(deps.db, ctx, async (tx) => {
    const job = await q.findJob(tx, ctx.municipalityId, jobId);
    if (!job) throw notFound();
    return presentJob(job);
  });
}

/** Cancels an import: the job and the rows of the file are removed at once. */
export async function deleteImport(deps: Deps, ctx: TenantContext, jobId: string): Promise<void> {
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.deleteJob(tx, ctx.municipalityId, jobId))) throw notFound();
  });
}

/** Removes every municipality's expired jobs; runs hourly and at start. */
export function purgeExpiredImports(deps: Pick<Deps, 'db'>): Promise<number> {
  return asSystem(deps.db, (tx) => q.deleteAllExpiredJobs(tx));
}

async function readyJob(tx: Queryable, ctx: TenantContext, jobId: string, lock = false) {
  const job = await q.findJob(tx, ctx.municipalityId, jobId, { lock });
  if (!job) throw notFound();
  return job;
}

/** The dry run: what the import would do with this mapping, row by row. Changes nothing in the registry. */
export async function dryRunImport(
  deps: Deps,
  ctx: TenantContext,
  jobId: string,
  mapping: ImportMapping,
): Promise<DryRun> {
  return inTenant(deps.db, ctx, async (tx) => {
    const job = await readyJob(tx, ctx, jobId);
    if (job.status === 'done') throw new AppError('import.already_done', 409);
    const rows = (await q.jobRows(tx, ctx.municipalityId, jobId)) ?? [];
    const plan = await planImport(tx, ctx.municipalityId, job.headers, rows, mapping);
    await q.saveJobMapping(tx, ctx.municipalityId, jobId, mapping);
    // The dry run shows what is stored of the households it would update: a read of each.
    await auditListRead(
      tx,
      ctx,
      'household',
      plan.rows.flatMap((entry) => (entry.before ? [entry.before.id] : [])),
    );
    return presentPlan(plan);
  });
}

// ---- The import -------------------------------------------------------------------------------

export interface ImportEvents {
  /** The import begins: `total` households will be written. */
  start(total: number): void;
  progress(done: number, total: number): void;
}

/**
 * Imports the file: all or nothing, in one transaction. The plan is made again inside it (the
 * registry may have changed since the dry run), and the job's row lock makes a second request
 * (a double click, another tab) wait and then find the import done, so it imports nothing twice.
 * Rejected rows stop the import unless the user chose to skip them.
 */
export async function applyImport(
  deps: Deps,
  ctx: TenantContext,
  jobId: string,
  options: { mapping: ImportMapping; skipRejected: boolean },
  events: ImportEvents,
): Promise<ImportResult & { repeated: boolean }> {
  return inTenant(deps.db, ctx, async (tx) => {
    const job = await readyJob(tx, ctx, jobId, true);
    if (job.status === 'done') {
      events.start(0);
      return { ...(job.result as ImportResult), repeated: true };
    }
    const rows = (await q.jobRows(tx, ctx.municipalityId, jobId)) ?? [];
    const plan = await planImport(tx, ctx.municipalityId, job.headers, rows, options.mapping);
    if (plan.summary.rejected > 0 && !options.skipRejected) {
      throw new AppError('import.has_rejections', 409, { rejected: plan.summary.rejected });
    }
    const writes = plan.rows.filter((entry) => entry.status === 'create' || entry.status === 'update');
    events.start(writes.length);
    const step = Math.max(1, Math.min(100, Math.ceil(writes.length / 100)));
    for (const [i, entry] of writes.entries()) {
      try {
        await registry.writeHousehold(tx, ctx, entry.household as Household, entry.before, 'import');
      } catch (error) {
        throw rowFailed(error, entry.row);
      }
      if ((i + 1) % step === 0 || i + 1 === writes.length) {
        events.progress(i + 1, writes.length);
        // Let the progress line leave before the next batch: PGlite works on this same thread.
        await nextTurn();
      }
    }
    const result: ImportResult = {
      created: plan.summary.create,
      updated: plan.summary.update,
      unchanged: plan.summary.unchanged,
      skipped: plan.summary.rejected,
      warnings: writes.flatMap((entry) =>
        entry.warnings.length ? [{ row: entry.row, warnings: entry.warnings }] : [],
      ),
    };
    await q.finishJob(tx, ctx.municipalityId, jobId, options.mapping, result);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'import_job',
      recordId: jobId,
      details: { ...result },
    });
    return { ...result, repeated: false };
  });
}

// ---- Saved mappings ---------------------------------------------------------------------------

export function listMappings(deps: Deps, ctx: TenantContext): Promise<SavedMapping[]> {
  return inTenant(deps.db, ctx, async (tx) =>
    (await q.listMappings(tx, ctx.municipalityId)).map(presentMapping),
  );
}

export function saveMapping(
  deps: Deps,
  ctx: TenantContext,
  name: string,
  mapping: SavedColumns,
): Promise<{ mapping: SavedMapping; created: boolean }> {
  return inTenant(deps.db, ctx, async (tx) => {
    const { row, created } = await q.upsertMapping(tx, {
      id: randomUUID(),
      municipalityId: ctx.municipalityId,
      name: name.trim(),
      mapping,
      createdBy: ctx.userId,
    });
    return { mapping: presentMapping(row), created };
  });
}

export async function deleteMapping(deps: Deps, ctx: TenantContext, mappingId: string): Promise<void> {
  await inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.deleteMapping(tx, ctx.municipalityId, mappingId))) throw notFound();
  });
}
