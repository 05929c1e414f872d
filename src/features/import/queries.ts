import type { Queryable } from '../../db/connection.js';
import type { ImportMapping, SavedColumns } from '../../domain/import-targets.js';
import type { ImportResult } from './contract.js';
import type { ParsedRow } from './service/parse-file.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export interface JobRow {
  id: string;
  status: 'ready' | 'done';
  fileName: string | null;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  sample: ParsedRow[] | null;
  rowCount: number;
  mapping: ImportMapping | null;
  result: ImportResult | null;
  createdAt: Date;
  expiresAt: Date;
}

const JOB_COLUMNS = `id, status, file_name AS "fileName", format, encoding, delimiter, headers, sample,
  row_count AS "rowCount", mapping, result, created_at AS "createdAt", expires_at AS "expiresAt"`;

export async function insertJob(
  tx: Queryable,
  job: {
    id: string;
    municipalityId: number;
    createdBy: string | null;
    fileName: string | null;
    format: 'csv' | 'xlsx';
    encoding: string | null;
    delimiter: string | null;
    headers: string[];
    rows: ParsedRow[];
    sample: ParsedRow[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO import_job (id, municipality_id, created_by, file_name, format, encoding, delimiter, headers,
       rows, sample, row_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      job.id,
      job.municipalityId,
      job.createdBy,
      job.fileName,
      job.format,
      job.encoding,
      job.delimiter,
      JSON.stringify(job.headers),
      JSON.stringify(job.rows),
      JSON.stringify(job.sample),
      job.rows.length,
    ],
  );
}

/** A job that has not expired; `lock` takes its row lock, so a second "import" waits for the first. */
export async function findJob(
  tx: Queryable,
  municipalityId: number,
  jobId: string,
  options: { lock?: boolean } = {},
): Promise<JobRow | undefined> {
  const [row] = await tx.query<JobRow>(
    `SELECT ${JOB_COLUMNS} FROM import_job
     WHERE municipality_id = $1 AND id = $2 AND expires_at > now()${options.lock ? ' FOR UPDATE' : ''}`,
    [municipalityId, jobId],
  );
  return row;
}

/** The parsed rows of a job (null once imported). */
export async function jobRows(
  tx: Queryable,
  municipalityId: number,
  jobId: string,
): Promise<ParsedRow[] | null> {
  const [row] = await tx.query<{ rows: ParsedRow[] | null }>(
    'SELECT rows FROM import_job WHERE municipality_id = $1 AND id = $2',
    [municipalityId, jobId],
  );
  return row?.rows ?? null;
}

export async function saveJobMapping(
  tx: Queryable,
  municipalityId: number,
  jobId: string,
  mapping: ImportMapping,
): Promise<void> {
  await tx.query('UPDATE import_job SET mapping = $3 WHERE municipality_id = $1 AND id = $2', [
    municipalityId,
    jobId,
    JSON.stringify(mapping),
  ]);
}

/** Marks a job imported and removes its rows: the registry now holds what was needed of them. */
export async function finishJob(
  tx: Queryable,
  municipalityId: number,
  jobId: string,
  mapping: ImportMapping,
  result: ImportResult,
): Promise<void> {
  await tx.query(
    `UPDATE import_job SET status = 'done', rows = NULL, sample = NULL, mapping = $3, result = $4,
       finished_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, jobId, JSON.stringify(mapping), JSON.stringify(result)],
  );
}

export async function deleteJob(tx: Queryable, municipalityId: number, jobId: string): Promise<boolean> {
  const rows = await tx.query('DELETE FROM import_job WHERE municipality_id = $1 AND id = $2 RETURNING id', [
    municipalityId,
    jobId,
  ]);
  return rows.length > 0;
}

/** The municipality's expired jobs (run inside a tenant transaction). */
export async function deleteExpiredJobs(tx: Queryable, municipalityId: number): Promise<number> {
  const rows = await tx.query(
    'DELETE FROM import_job WHERE municipality_id = $1 AND expires_at <= now() RETURNING id',
    [municipalityId],
  );
  return rows.length;
}

/** Every municipality's expired jobs (run as landsby_system, whose policy shows it nothing else). */
export async function deleteAllExpiredJobs(tx: Queryable): Promise<number> {
  const rows = await tx.query('DELETE FROM import_job WHERE expires_at <= now() RETURNING id');
  return rows.length;
}

/** The households that have an adult with one of these e-mail addresses (stored in lower case). */
export function householdsByEmail(
  tx: Queryable,
  municipalityId: number,
  emails: string[],
): Promise<{ email: string; householdId: string }[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return tx.query(
    `SELECT DISTINCT a.email, a.household_id AS "householdId" FROM adult a
     WHERE a.municipality_id = $1 AND a.email = ANY($2)`,
    [municipalityId, emails],
  );
}

/** Which of these external references are taken, and by which household. */
export function householdsByRef(
  tx: Queryable,
  municipalityId: number,
  refs: string[],
): Promise<{ externalRef: string; householdId: string }[]> {
  if (refs.length === 0) return Promise.resolve([]);
  return tx.query(
    `SELECT external_ref AS "externalRef", id AS "householdId" FROM household
     WHERE municipality_id = $1 AND external_ref = ANY($2)`,
    [municipalityId, refs],
  );
}

// ---- Saved mappings ---------------------------------------------------------------------------

export interface MappingRow {
  id: string;
  name: string;
  mapping: SavedColumns;
  updatedAt: Date;
}

export function listMappings(tx: Queryable, municipalityId: number): Promise<MappingRow[]> {
  return tx.query<MappingRow>(
    `SELECT id, name, mapping, updated_at AS "updatedAt" FROM import_mapping
     WHERE municipality_id = $1 ORDER BY lower(name), id`,
    [municipalityId],
  );
}

/** Saves a mapping by name: the same name again replaces it (a second click saves nothing new). */
export async function upsertMapping(
  tx: Queryable,
  entry: {
    id: string;
    municipalityId: number;
    name: string;
    mapping: SavedColumns;
    createdBy: string | null;
  },
): Promise<{ row: MappingRow; created: boolean }> {
  const [row] = await tx.query<MappingRow & { created: boolean }>(
    `INSERT INTO import_mapping (id, municipality_id, name, mapping, created_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (municipality_id, name) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()
     RETURNING id, name, mapping, updated_at AS "updatedAt", (xmax = 0) AS created`,
    [entry.id, entry.municipalityId, entry.name, JSON.stringify(entry.mapping), entry.createdBy],
  );
  const { created, ...mapping } = row as MappingRow & { created: boolean };
  return { row: mapping, created };
}

export async function deleteMapping(
  tx: Queryable,
  municipalityId: number,
  mappingId: string,
): Promise<boolean> {
  const rows = await tx.query(
    'DELETE FROM import_mapping WHERE municipality_id = $1 AND id = $2 RETURNING id',
    [municipalityId, mappingId],
  );
  return rows.length > 0;
}
