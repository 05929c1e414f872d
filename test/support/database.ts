import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { adminQuery } from './postgres.js';

/** Which database the integration tests run on: the vitest project sets LANDSBY_TEST_DB. */
export const testDatabaseKind = process.env.LANDSBY_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated database for one test file: in-memory PGlite, or a new database on the test server. */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    await seedPostcodes(db);
    return db;
  }
  const serverUrl = inject('postgresUrl');
  const name = `landsby_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE landsby_template`);
  const db = await openPostgres(serverUrl.replace(/\/postgres$/, `/${name}`));
  await migrate(db);
  return db;
}
