import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Queryable } from '../../db/connection.js';
import { asSystem, inTenant, type TenantContext } from '../../db/tenant.js';
import { type Change, diffHouseholds, displayName, type Household } from '../../domain/household.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import * as registry from '../registry/index.js';
import {
  type BuiltRow,
  buildInput,
  cellOf,
  keyOf,
  type PreparedMapping,
  prepareMapping,
  problemOf,
  suggestMapping,
} from './mapping.js';
import { type ParsedRow, parseUpload, UnreadableFile } from './parse.js';
import * as q from './queries.js';
import {
  type ImportMapping,
  KEY_TARGET,
  type RowProblem,
  type RowStatus,
  type SavedColumns,
  type Target,
} from './targets.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const SAMPLE_ROWS = 5;

// ---- Jobs -------------------------------------------------------------------------------------

function presentJob(job: q.JobRow) {
  return {
    id: job.id,
    status: job.status,
    fileName: job.fileName,
    format: job.format,
    encoding: job.encoding,
    delimiter: job.delimiter,
    headers: job.headers,
    rowCount: job.rowCount,
    sample: (job.sample ?? []).map((row) => row.cells),
    suggested: suggestMapping(job.headers),
    mapping: job.mapping,
    result: job.result,
    createdAt: new Date(job.createdAt).toISOString(),
    expiresAt: new Date(job.expiresAt).toISOString(),
  };
}
export type ImportJobView = ReturnType<typeof presentJob>;

/**
 * Reads an uploaded file and keeps its rows in an import job of the municipality until it is
 * imported (then the rows are removed) or 24 hours have passed (then the job is removed).
 */
export async function uploadImport(
  deps: Deps,
  ctx: TenantContext,
  data: Buffer,
  fileName: string | null,
): Promise<ImportJobView> {
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

export async function getImport(deps: Deps, ctx: TenantContext, jobId: string): Promise<ImportJobView> {
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

// ---- The plan: what each row will do ----------------------------------------------------------

export interface PlannedRow {
  row: number;
  key: string;
  name: string;
  status: RowStatus;
  changes: Change[];
  problems: RowProblem[];
  household: Household | null;
  before: registry.HouseholdRow | null;
}

export interface Plan {
  rows: PlannedRow[];
  summary: Record<RowStatus, number>;
}

/** The mapping's own faults, before any row is read: its key column is missing, or a target is used twice. */
function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const problems: { field: string; rule: string }[] = [];
  if (mapping.columns.length > headers.length) problems.push({ field: 'columns', rule: 'range' });
  const seen = new Set<Target>();
  for (const target of mapping.columns) {
    if (!target) continue;
    if (seen.has(target)) problems.push({ field: target, rule: 'duplicate' });
    seen.add(target);
  }
  if (!seen.has(KEY_TARGET[mapping.key])) problems.push({ field: KEY_TARGET[mapping.key], rule: 'required' });
  if (problems.length) throw new AppError('import.mapping_invalid', 400, problems);
}

/** The stored households the rows' keys name; for e-mail, null where two households share it. */
async function matchHouseholds(
  tx: Queryable,
  municipalityId: number,
  mapping: PreparedMapping,
  keys: string[],
): Promise<Map<string, registry.HouseholdRow | null>> {
  if (mapping.key === 'externalRef') {
    const rows = await registry.findHouseholdsByRef(tx, municipalityId, keys);
    return new Map(rows.map((row) => [row.externalRef as string, row]));
  }
  const byEmail = new Map<string, Set<string>>();
  for (const { email, householdId } of await q.householdsByEmail(tx, municipalityId, keys)) {
    byEmail.set(email, (byEmail.get(email) ?? new Set()).add(householdId));
  }
  const matches = new Map<string, registry.HouseholdRow | null>();
  for (const [email, ids] of byEmail) {
    if (ids.size > 1) {
      matches.set(email, null);
      continue;
    }
    const household = await registry.findHousehold(tx, municipalityId, [...ids][0] as string);
    if (household) matches.set(email, household);
  }
  return matches;
}

/**
 * Works out, inside the caller's transaction, what each row would do: create, update (with the
 * fields that change), leave unchanged, or be rejected (with every problem, by column). Writes nothing.
 */
export async function planImport(
  tx: Queryable,
  municipalityId: number,
  headers: readonly string[],
  rows: ParsedRow[],
  mapping: ImportMapping,
): Promise<Plan> {
  checkMapping(mapping, headers);
  const prepared = prepareMapping(mapping, headers);
  const keyColumn = headers[prepared.columnOf.get(KEY_TARGET[mapping.key]) as number] ?? null;

  // Keys that occur more than once in the file: which row would win is anyone's guess, so none does.
  const rowsByKey = new Map<string, number[]>();
  for (const { row, cells } of rows) {
    const key = keyOf(cells, prepared);
    if (key) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
  }
  const matches = await matchHouseholds(tx, municipalityId, prepared, [...rowsByKey.keys()]);

  const built: (BuiltRow | null)[] = rows.map(({ cells }) => {
    const key = keyOf(cells, prepared);
    if (!key || (rowsByKey.get(key)?.length ?? 0) > 1 || matches.get(key) === null) return null;
    return buildInput(cells, prepared, matches.get(key) ?? null);
  });
  const inputs = built.flatMap((b) => (b ? [b.input] : []));
  const checks = await registry.checkHouseholds(tx, municipalityId, inputs);

  // When rows are matched by e-mail, a case number in the file must not belong to another household.
  const refOwners = new Map<string, string>();
  if (mapping.key === 'email' && prepared.columnOf.has('externalRef')) {
    const refs = rows.map(({ cells }) => cellOf(cells, prepared, 'externalRef')).filter(Boolean);
    for (const { externalRef, householdId } of await q.householdsByRef(tx, municipalityId, refs)) {
      refOwners.set(externalRef, householdId);
    }
  }

  const planned: PlannedRow[] = [];
  let next = 0;
  for (const [i, { row, cells }] of rows.entries()) {
    const key = keyOf(cells, prepared);
    const before = (key && matches.get(key)) || null;
    const typedName = [
      cellOf(cells, prepared, 'adult1.firstName'),
      cellOf(cells, prepared, 'adult1.lastName'),
    ]
      .filter(Boolean)
      .join(' ');
    const entry: PlannedRow = {
      row,
      key,
      name: typedName || before?.displayName || key,
      status: 'rejected',
      changes: [],
      problems: [],
      household: null,
      before,
    };
    planned.push(entry);
    const b = built[i];
    if (!b) {
      const field = KEY_TARGET[mapping.key];
      if (!key) entry.problems.push({ field, column: keyColumn, rule: 'required' });
      else if (matches.get(key) === null)
        entry.problems.push({ field, column: keyColumn, rule: 'ambiguous' });
      else {
        const others = (rowsByKey.get(key) ?? []).filter((other) => other !== row);
        entry.problems.push({ field, column: keyColumn, rule: 'duplicate', rows: others });
      }
      continue;
    }
    const checked = checks[next++];
    const problems = [
      ...b.problems,
      ...(checked?.errors ?? []).map((error) => problemOf(error, b, prepared)),
    ];
    const household = checked?.household ?? null;
    if (household?.externalRef && refOwners.has(household.externalRef)) {
      if (refOwners.get(household.externalRef) !== household.id) {
        problems.push({ field: 'externalRef', column: headerOf(prepared, 'externalRef'), rule: 'unique' });
      }
    }
    // One problem per field: "required" and "date" on an empty birth date say the same.
    const seen = new Set<string>();
    entry.problems = problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
    if (entry.problems.length || !household) continue;
    entry.household = household;
    entry.name = displayName(household.adults);
    if (!before) {
      entry.status = 'create';
      continue;
    }
    entry.changes = diffHouseholds(before, household);
    entry.status = entry.changes.length ? 'update' : 'unchanged';
  }
  const summary = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  for (const entry of planned) summary[entry.status]++;
  return { rows: planned, summary };
}

function headerOf(mapping: PreparedMapping, target: Target): string | null {
  const column = mapping.columnOf.get(target);
  return column === undefined ? null : (mapping.headers[column] ?? null);
}

function presentPlan(plan: Plan) {
  return {
    summary: plan.summary,
    rows: plan.rows.map((entry) => ({
      row: entry.row,
      key: entry.key,
      name: entry.name,
      status: entry.status,
      changes: entry.changes,
      problems: entry.problems,
    })),
  };
}
export type DryRunView = ReturnType<typeof presentPlan>;

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
): Promise<DryRunView> {
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
): Promise<q.ImportResult & { repeated: boolean }> {
  return inTenant(deps.db, ctx, async (tx) => {
    const job = await readyJob(tx, ctx, jobId, true);
    if (job.status === 'done') {
      events.start(0);
      return { ...(job.result as q.ImportResult), repeated: true };
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
    const result: q.ImportResult = {
      created: plan.summary.create,
      updated: plan.summary.update,
      unchanged: plan.summary.unchanged,
      skipped: plan.summary.rejected,
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

/** A write that failed: the row it failed on, and the error as the registry tells it. */
export class RowFailed extends AppError {
  constructor(
    readonly row: number,
    code: string,
    httpStatus: number,
    details: unknown,
    readonly original: unknown,
  ) {
    super(code, httpStatus, { row, ...(details === undefined ? {} : { details }) });
  }
}

function rowFailed(error: unknown, row: number): RowFailed {
  if (error instanceof AppError)
    return new RowFailed(row, error.code, error.httpStatus, error.details, error);
  return new RowFailed(row, 'import.failed', 500, undefined, error);
}

// ---- Saved mappings ---------------------------------------------------------------------------

function presentMapping(row: q.MappingRow) {
  return {
    id: row.id,
    name: row.name,
    columns: row.mapping.columns,
    key: row.mapping.key,
    defaults: row.mapping.defaults,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
export type MappingView = ReturnType<typeof presentMapping>;

export function listMappings(deps: Deps, ctx: TenantContext): Promise<MappingView[]> {
  return inTenant(deps.db, ctx, async (tx) =>
    (await q.listMappings(tx, ctx.municipalityId)).map(presentMapping),
  );
}

export function saveMapping(
  deps: Deps,
  ctx: TenantContext,
  name: string,
  mapping: SavedColumns,
): Promise<{ mapping: MappingView; created: boolean }> {
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
