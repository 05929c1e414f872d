import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Backups that restore, and say so. A backup is a folder: the database (pg_dump's custom format,
 * or PGlite's data folder as a tarball) and manifest.json, written last, with the rows of every
 * table and a digest of the audit log as they were in the backup's own snapshot. A restore goes
 * into a new, empty database and counts again: any difference and it reports failure, never
 * success. Row-level security is forced on every personal-data table, so the rows are read as
 * landsby_backup (BYPASSRLS, migration 0014) on PostgreSQL, and as PGlite's superuser.
 */

export const BACKUP_FORMAT = 'landsby-backup-1';
const MANIFEST = 'manifest.json';
const POSTGRES_FILE = 'database.dump';
const PGLITE_FILE = 'pgdata.tar.gz';
const BACKUP_ROLE = 'landsby_backup';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  file: string;
  /** Migrations applied in the backed-up database. */
  migrations: string[];
  /** Rows per table ("schema.table"), Landsby's and the job queue's. */
  rows: Record<string, number>;
  /** md5 over the audit log's rows in order: the restored log must be this log. */
  auditDigest: string;
}

/** A refusal the operator can act on: the message says what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The two ways a restored database can differ from its backup, table by table. */
export interface Difference {
  what: string;
  expected: number | string;
  found: number | string;
}

interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What the manifest records, read in the caller's transaction (one snapshot). */
async function takeStock(sql: Sql): Promise<Pick<BackupManifest, 'migrations' | 'rows' | 'auditDigest'>> {
  // Row text depends on these settings; the same everywhere makes the digest comparable.
  await sql.query("SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true)");
  const tables = await sql.query<{ schema: string; name: string }>(
    `SELECT schemaname AS schema, tablename AS name FROM pg_tables
     WHERE schemaname IN ('public', 'pgboss') ORDER BY schemaname, tablename`,
  );
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await sql.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ${ident(table.schema)}.${ident(table.name)}`,
    );
    rows[`${table.schema}.${table.name}`] = Number(row?.n ?? 0);
  }
  const [audit] = await sql.query<{ digest: string | null }>(
    `SELECT md5(string_agg(md5(a::text), '' ORDER BY a.id)) AS digest FROM audit_log a`,
  );
  const migrations = (
    await sql.query<{ version: string }>('SELECT version FROM schema_migration ORDER BY version')
  ).map((m) => m.version);
  return { migrations, rows, auditDigest: audit?.digest ?? '' };
}

/** Every table, row count, migration and the audit log's digest that differ from the manifest. */
export function compareStock(
  manifest: Pick<BackupManifest, 'migrations' | 'rows' | 'auditDigest'>,
  found: Pick<BackupManifest, 'migrations' | 'rows' | 'auditDigest'>,
): Difference[] {
  const differences: Difference[] = [];
  for (const table of new Set([...Object.keys(manifest.rows), ...Object.keys(found.rows)])) {
    const expected = manifest.rows[table] ?? 'no table';
    const actual = found.rows[table] ?? 'no table';
    if (expected !== actual) differences.push({ what: `rows in ${table}`, expected, found: actual });
  }
  if (manifest.auditDigest !== found.auditDigest)
    differences.push({ what: 'audit log digest', expected: manifest.auditDigest, found: found.auditDigest });
  if (manifest.migrations.join() !== found.migrations.join())
    differences.push({
      what: 'migrations',
      expected: manifest.migrations.join(' '),
      found: found.migrations.join(' '),
    });
  return differences;
}

function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path))
    throw new BackupError(
      `${path} is missing: this is not a complete Landsby backup (the manifest is written last).`,
    );
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`${path}: unknown format ${manifest.format}.`);
  return manifest;
}

/** A folder that does not exist yet or is empty: backups never overwrite. */
function emptyFolder(dir: string, what: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new BackupError(`${dir} is not empty: give a new folder for the ${what}.`);
  mkdirSync(dir, { recursive: true });
}

// --- PostgreSQL ------------------------------------------------------------------------------

/** libpq's environment for the command-line tools, so no password shows in the process list. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const param = (name: string) => u.searchParams.get(name) ?? undefined;
  const env: Record<string, string | undefined> = {
    PGHOST: param('host') ?? (u.hostname || undefined),
    PGPORT: u.port || param('port'),
    PGUSER: decodeURIComponent(u.username) || param('user'),
    PGPASSWORD: decodeURIComponent(u.password) || param('password'),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)) || undefined,
    PGSSLMODE: param('sslmode'),
  };
  return {
    ...process.env,
    ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)),
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) =>
      reject(new BackupError(`${command} could not start (${error.message}): install postgresql-client.`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** The backup role must exist, bypass row-level security and be granted to the connecting user. */
async function checkBackupRole(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ bypass: boolean | null; member: boolean | null }>(
    `SELECT r.rolbypassrls AS bypass, pg_has_role(current_user, r.oid, 'MEMBER') AS member
     FROM pg_roles r WHERE r.rolname = $1`,
    [BACKUP_ROLE],
  );
  const role = rows[0];
  if (!role?.bypass || !role.member) {
    const { rows: me } = await client.query<{ name: string }>('SELECT current_user AS name');
    throw new BackupError(
      `The role ${BACKUP_ROLE} with BYPASSRLS is missing or not granted to ${me[0]?.name}. Without it a ` +
        'dump holds no personal data. Ask a superuser to run once:\n' +
        `  CREATE ROLE ${BACKUP_ROLE} NOLOGIN BYPASSRLS; GRANT ${BACKUP_ROLE} TO ${ident(me[0]?.name ?? '')};`,
    );
  }
}

/** Lets the backup role read every table (the grants travel with the dump). */
async function grantBackupRole(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ schema: string }>(
    "SELECT nspname AS schema FROM pg_namespace WHERE nspname IN ('public', 'pgboss')",
  );
  for (const { schema } of rows) {
    await client.query(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${BACKUP_ROLE}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${BACKUP_ROLE}`);
    await client.query(`GRANT SELECT ON ALL SEQUENCES IN SCHEMA ${ident(schema)} TO ${BACKUP_ROLE}`);
  }
}

/**
 * pg_dump as landsby_backup, in the snapshot whose rows the manifest counts. The connecting user
 * is the owner of Landsby's schema (DATABASE_URL).
 */
export async function backupPostgres(databaseUrl: string, dir: string): Promise<BackupManifest> {
  emptyFolder(dir, 'backup');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await checkBackupRole(client);
    await grantBackupRole(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL ROLE ${BACKUP_ROLE}`);
    const [{ snapshot }] = (
      await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')
    ).rows as [{ snapshot: string }];
    const stock = await takeStock({ query: async (text, params) => (await client.query(text, params)).rows });
    await run(
      'pg_dump',
      [
        '--format=custom',
        `--role=${BACKUP_ROLE}`,
        `--snapshot=${snapshot}`,
        `--file=${join(dir, POSTGRES_FILE)}`,
      ],
      libpqEnv(databaseUrl),
    );
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      kind: 'postgres',
      createdAt: new Date().toISOString(),
      file: POSTGRES_FILE,
      ...stock,
    };
    writeManifest(dir, manifest);
    return manifest;
  } finally {
    await client.end();
  }
}

/** The roles the dump's grants and policies name: they belong to the server, not the database. */
async function prepareRoles(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM unnest(ARRAY['landsby_app', 'landsby_system', $1]) AS name
     WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name)`,
    [BACKUP_ROLE],
  );
  const missing = rows.map((r) => r.name);
  if (missing.length)
    throw new BackupError(
      `The roles ${missing.join(', ')} do not exist on this server. Ask a superuser to run once:\n` +
        '  CREATE ROLE landsby_app NOLOGIN; CREATE ROLE landsby_system NOLOGIN;\n' +
        `  CREATE ROLE ${BACKUP_ROLE} NOLOGIN BYPASSRLS;\n` +
        `  GRANT landsby_app, landsby_system, ${BACKUP_ROLE} TO <the owner>;`,
    );
  await client.query(`GRANT landsby_app, landsby_system, ${BACKUP_ROLE} TO CURRENT_USER`).catch(() => {});
  await checkBackupRole(client);
}

/**
 * pg_restore into a new, empty database (as its future owner: DATABASE_URL), in one transaction,
 * then counts every table as landsby_backup. Returns the differences: none = restored.
 */
export async function restorePostgres(databaseUrl: string, dir: string): Promise<Difference[]> {
  const manifest = readManifest(dir);
  if (manifest.kind !== 'postgres')
    throw new BackupError(
      `${dir} is a backup of the embedded database: restore it with DATA_DIR, not DATABASE_URL.`,
    );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'pgboss')",
    );
    if ((rows[0]?.n ?? 0) > 0)
      throw new BackupError('The database is not empty: restore into a new database (CREATE DATABASE …).');
    await prepareRoles(client);
    await run(
      'pg_restore',
      [
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${libpqEnv(databaseUrl).PGDATABASE}`,
        join(dir, manifest.file),
      ],
      libpqEnv(databaseUrl),
    );
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL ROLE ${BACKUP_ROLE}`);
    const found = await takeStock({ query: async (text, params) => (await client.query(text, params)).rows });
    await client.query('COMMIT');
    return compareStock(manifest, found);
  } finally {
    await client.end();
  }
}

// --- PGlite (the embedded database) -----------------------------------------------------------

function pgliteSql(db: PGlite): (fn: (sql: Sql) => Promise<unknown>) => Promise<unknown> {
  return (fn) =>
    db.transaction((tx) =>
      fn({ query: async (text, params) => (await tx.query(text, params)).rows as never }),
    );
}

/**
 * The embedded database's folder as a tarball (PGlite's dumpDataDir: with it come the generated
 * secret key and the print room's letters in DATA_DIR). Landsby must be stopped: PGlite is one
 * process, and a second one opening the folder would damage it.
 */
export async function backupPglite(dataDir: string, dir: string): Promise<BackupManifest> {
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    throw new BackupError(`${dataDir} holds no embedded database.`);
  if (existsSync(join(dataDir, 'postmaster.pid')))
    throw new BackupError(
      `${dataDir} is in use (postmaster.pid): stop Landsby first. If it is not running, it stopped ` +
        'uncleanly: start it and stop it once, then back up.',
    );
  emptyFolder(dir, 'backup');
  const db = await PGlite.create(dataDir);
  try {
    let stock: Awaited<ReturnType<typeof takeStock>> | undefined;
    await pgliteSql(db)(async (sql) => {
      stock = await takeStock(sql);
    });
    const tarball = await db.dumpDataDir('gzip');
    writeFileSync(join(dir, PGLITE_FILE), Buffer.from(await tarball.arrayBuffer()));
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      kind: 'pglite',
      createdAt: new Date().toISOString(),
      file: PGLITE_FILE,
      ...(stock as NonNullable<typeof stock>),
    };
    writeManifest(dir, manifest);
    return manifest;
  } finally {
    await db.close();
  }
}

/** Unpacks the tarball into a new, empty DATA_DIR and counts every table there. */
export async function restorePglite(dataDir: string, dir: string): Promise<Difference[]> {
  const manifest = readManifest(dir);
  if (manifest.kind !== 'pglite')
    throw new BackupError(`${dir} is a PostgreSQL backup: restore it with DATABASE_URL, not DATA_DIR.`);
  emptyFolder(dataDir, 'restored database');
  const tarball = new Blob([readFileSync(join(dir, manifest.file))]);
  const db = await PGlite.create(dataDir, { loadDataDir: tarball });
  try {
    let found: Awaited<ReturnType<typeof takeStock>> | undefined;
    await pgliteSql(db)(async (sql) => {
      found = await takeStock(sql);
    });
    return compareStock(manifest, found as NonNullable<typeof found>);
  } finally {
    await db.close();
  }
}
