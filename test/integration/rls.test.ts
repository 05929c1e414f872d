import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import { createTestDatabase, testDatabaseKind } from '../support/database.js';
import { createMunicipality, createUser } from '../support/factories.js';

// Row-level security, on PGlite and on PostgreSQL alike: the database itself keeps
// municipalities apart, whatever the application code does.
let db: Database;
let a: number;
let b: number;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createMunicipality(db, 'A-by');
  b = await createMunicipality(db, 'B-by');
  await createUser(db, a, ['caseworker']);
  await createUser(db, b, ['caseworker']);
  await createUser(db, b, ['team_leader']);
  // An audit row in each municipality.
  for (const id of [a, b]) {
    await inTenant(db, { municipalityId: id, userId: null, ip: null }, (tx) =>
      tx.query(`INSERT INTO audit_log (municipality_id, action, record_type) VALUES ($1, 'read', 'test')`, [
        id,
      ]),
    );
  }
});
afterAll(() => db.close());

/** Runs as the request role with no municipality set, as a request would if the code forgot. */
function asAppWithoutTenant<T>(sql: string): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL ROLE landsby_app');
    return tx.query<T>(sql);
  });
}

async function tenantTables(): Promise<string[]> {
  const rows = await db.transaction((tx) =>
    tx.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'municipality_id' ORDER BY table_name`,
    ),
  );
  return rows.map((r) => r.table_name);
}

describe(`row-level security on ${testDatabaseKind}`, () => {
  it('is enabled and forced on every table that holds a municipality_id', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(
      expect.arrayContaining(['app_user', 'audit_log', 'user_session', 'account_token']),
    );
    const rows = await db.transaction((tx) =>
      tx.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
         WHERE relname = ANY($1) AND relkind = 'r'`,
        [tables],
      ),
    );
    expect(rows).toHaveLength(tables.length);
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });

  it('runs requests as roles that are neither superuser nor BYPASSRLS', async () => {
    const roles = await db.transaction((tx) =>
      tx.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
        `SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname IN ('landsby_app', 'landsby_system')`,
      ),
    );
    expect(roles).toHaveLength(2);
    for (const role of roles) expect(role).toMatchObject({ rolsuper: false, rolbypassrls: false });
  });

  it('shows no rows at all when no municipality is set', async () => {
    for (const table of ['app_user', 'audit_log', 'municipality']) {
      const [row] = await asAppWithoutTenant<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      expect(row?.n, table).toBe(0);
    }
  });

  it("shows a municipality only its own rows, even when a query asks for another's", async () => {
    const rows = await inTenant(db, { municipalityId: a, userId: null, ip: null }, (tx) =>
      tx.query<{ municipality_id: number }>(
        'SELECT municipality_id FROM app_user WHERE municipality_id = $1 OR true',
        [b],
      ),
    );
    expect(rows.length).toBe(1);
    expect(rows.every((r) => r.municipality_id === a)).toBe(true);
  });

  it('refuses to write a row into another municipality', async () => {
    const write = inTenant(db, { municipalityId: a, userId: null, ip: null }, (tx) =>
      tx.query(
        `INSERT INTO app_user (municipality_id, email, first_name, last_name) VALUES ($1, 'x@b.no', 'X', 'Y')`,
        [b],
      ),
    );
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it('never lets the request role read password hashes or sessions', async () => {
    await expect(
      inTenant(db, { municipalityId: a, userId: null, ip: null }, (tx) =>
        tx.query('SELECT password_hash FROM app_user'),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenant(db, { municipalityId: a, userId: null, ip: null }, (tx) =>
        tx.query('SELECT * FROM user_session'),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('keeps the audit log append-only within its retention period: no update or delete, by the app or by the owner', async () => {
    const ctx = { municipalityId: a, userId: null, ip: null };
    await expect(inTenant(db, ctx, (tx) => tx.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow(
      /permission denied/,
    );
    // The retention run may delete entries past the municipality's period (at least five years,
    // migration 0016); the database refuses every younger one.
    await expect(inTenant(db, ctx, (tx) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(/append-only/);
    await expect(db.transaction((tx) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(/append-only/);
    await expect(db.transaction((tx) => tx.query(`UPDATE audit_log SET action = 'x'`))).rejects.toThrow(
      /append-only/,
    );
    const [row] = await inTenant(db, ctx, (tx) =>
      tx.query<{ n: number }>('SELECT count(*) AS n FROM audit_log'),
    );
    expect(row?.n).toBe(1);
  });
});
