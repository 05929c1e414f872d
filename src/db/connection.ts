import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a query needs: one connection or one open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** One statement (or, without values, several) outside our transactions: pg-boss's `db` adapter. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// bigint (count(*), identity columns) as a JS number on both drivers: our counts and ids stay far below 2^53.
const INT8 = 20;

class PgliteDatabase implements Database {
  readonly kind = 'pglite';
  constructor(private readonly pg: PGlite) {}

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    // PGlite is a single connection; its transaction() serialises callers for us.
    return this.pg.transaction((tx) =>
      fn({
        query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    if (values?.length) return { rows: (await this.pg.query(text, values)).rows };
    return { rows: (await this.pg.exec(text)).flatMap((result) => result.rows ?? []) };
  }

  close(): Promise<void> {
    return this.pg.close();
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgres';
  constructor(private readonly pool: pg.Pool) {}

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(sql: string, params?: unknown[]) =>
          (await client.query(sql, params as unknown[])).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    return { rows: (await this.pool.query(text, values as unknown[])).rows };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    parsers: { [INT8]: (value: string) => Number(value) },
  });
  return new PgliteDatabase(db);
}

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Fail at start, with the server's own words, rather than on the first request.
  const client = await pool.connect();
  client.release();
  return new PostgresDatabase(pool);
}

export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

/** A unique constraint refused the row (PostgreSQL's 23505): a double click or a name taken. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
