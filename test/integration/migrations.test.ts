import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { createTestDatabase } from '../support/database.js';
import { createMunicipality, createUser } from '../support/factories.js';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const countUsers = () =>
  db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*) AS n FROM app_user'))[0]?.n);

describe('migrations', () => {
  it('are versioned files applied in order, once', async () => {
    const versions = readMigrations().map((m) => m.version);
    expect(versions).toEqual([...versions].sort());
    expect(versions[0]).toBe('0001_foundation');
    expect(await migrate(db)).toEqual([]);
  });

  it('apply forward on a database that already holds data, and keep it', async () => {
    const municipality = await createMunicipality(db, 'Databy');
    await createUser(db, municipality, ['caseworker'], { firstName: 'Beate' });
    const before = await countUsers();

    // A next migration that changes a table holding rows, as real ones will.
    const dir = mkdtempSync(join(tmpdir(), 'landsby-migrations-'));
    for (const m of readMigrations()) writeFileSync(join(dir, `${m.version}.sql`), m.sql);
    writeFileSync(
      join(dir, '9000_test_forward.sql'),
      `ALTER TABLE app_user ADD COLUMN phone text;
       UPDATE app_user SET phone = '+4700000000' WHERE first_name = 'Beate';`,
    );
    expect(await migrate(db, readMigrations(dir))).toEqual(['9000_test_forward']);
    expect(await countUsers()).toBe(before);
    const [beate] = await db.transaction((tx) =>
      tx.query<{ phone: string }>(`SELECT phone FROM app_user WHERE first_name = 'Beate'`),
    );
    expect(beate?.phone).toBe('+4700000000');
    expect(await migrate(db, readMigrations(dir))).toEqual([]);
  });

  it('leave the database as it was when a migration fails half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'landsby-migrations-'));
    for (const m of readMigrations()) writeFileSync(join(dir, `${m.version}.sql`), m.sql);
    writeFileSync(join(dir, '9001_creates.sql'), 'CREATE TABLE half_done (id int);');
    writeFileSync(join(dir, '9002_breaks.sql'), 'ALTER TABLE no_such_table ADD COLUMN x int;');
    await expect(migrate(db, readMigrations(dir))).rejects.toThrow();
    const [row] = await db.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'`,
      ),
    );
    expect(row?.n).toBe(0);
  });
});
