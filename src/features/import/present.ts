import { suggestMapping } from '../../domain/import-mapping.js';
import type { DryRun, ImportJob, SavedMapping } from './contract.js';
import type { JobRow, MappingRow } from './queries.js';
import type { Plan } from './service/plan-import.js';

/** An import job as the API shows it: a few sample rows, never the whole file. */
export function presentJob(job: JobRow): ImportJob {
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

/** The plan without the households themselves: what the page shows, row by row. */
export function presentPlan(plan: Plan): DryRun {
  return {
    summary: plan.summary,
    rows: plan.rows.map((entry) => ({
      row: entry.row,
      key: entry.key,
      name: entry.name,
      status: entry.status,
      changes: entry.changes,
      problems: entry.problems,
      warnings: entry.warnings,
      repeatOf: entry.repeatOf,
    })),
  };
}

export function presentMapping(row: MappingRow): SavedMapping {
  return {
    id: row.id,
    name: row.name,
    columns: row.mapping.columns,
    key: row.mapping.key,
    defaults: row.mapping.defaults,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
