import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createMailer } from '../../src/channels/email.js';
import {
  type BackupManifest,
  backupPglite,
  backupPostgres,
  type Difference,
  restorePglite,
  restorePostgres,
} from '../../src/db/backup.js';
import { type Database, openPglite, openPostgres } from '../../src/db/connection.js';
import { migrate } from '../../src/db/migrate.js';
import { inTenant } from '../../src/db/tenant.js';
import { seedPostcodes } from '../../src/features/registry/index.js';
import { tokenHash } from '../../src/features/sending/index.js';
import { loadConfig } from '../../src/server/config.js';
import { loginAs } from '../support/app.js';
import { createEvent, createVenue } from '../support/cafe.js';
import { testDatabaseKind } from '../support/database.js';
import { createHouseholds, createMunicipality, createUser, type TestUser } from '../support/factories.js';
import { adminQuery } from '../support/postgres.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

// A municipality with households, a café, invitations with answer links and an audit log is
// backed up, restored into a new database, and Landsby is started on the copy: every table has
// its rows, the audit log is the same entry for entry, and a household's old link still opens.
// On PGlite the database is a DATA_DIR (backed up stopped); on PostgreSQL a database of its own.
const HOUSEHOLDS = 40;
const work = mkdtempSync(join(tmpdir(), 'landsby-backup-'));
let smtp: TestSmtp;
let caseworker: TestUser;
let answerLink: string;

interface Place {
  open(): Promise<Database>;
  /** Backs this database up into `dir` (the app is stopped first on PGlite). */
  backup(dir: string): Promise<BackupManifest>;
  /** Restores `dir` into a new database; returns where it is and the differences found. */
  restore(dir: string): Promise<{ place: Place; differences: Difference[] }>;
}

// On PostgreSQL Landsby connects as the owner of its schema, not as a superuser (which row-level
// security would not bind): here a role with LOGIN and CREATEROLE, as docs/operations.md says.
const serverUrl = () => inject('postgresUrl');
const OWNER = `landsby_owner_${randomBytes(4).toString('hex')}`;
async function newPostgres(): Promise<string> {
  const name = `landsby_backup_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl(), `CREATE DATABASE ${name} OWNER ${OWNER} TEMPLATE template0`);
  return serverUrl()
    .replace(/\/\/postgres@/, `//${OWNER}:owner-secret@`)
    .replace(/\/postgres$/, `/${name}`);
}
const postgresPlace = (url: string): Place => ({
  open: () => openPostgres(url),
  backup: (dir) => backupPostgres(url, dir),
  async restore(dir) {
    const target = await newPostgres();
    return { place: postgresPlace(target), differences: await restorePostgres(target, dir) };
  },
});
const pglitePlace = (dataDir: string): Place => ({
  open: () => openPglite(dataDir),
  backup: (dir) => backupPglite(dataDir, dir),
  async restore(dir) {
    const target = mkdtempSync(join(work, 'restored-'));
    return { place: pglitePlace(target), differences: await restorePglite(target, dir) };
  },
});

const config = () =>
  loadConfig({
    DATA_DIR: join(work, 'app'),
    SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://landsby.test',
    DEMO_DATA: 'false',
  });

/** Landsby on a database: run `fn` with the app, then stop it. */
async function withLandsby<T>(
  db: Database,
  fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>,
): Promise<T> {
  const cfg = config();
  const app = await buildApp({ config: cfg, db, mailer: createMailer(cfg), logger: false });
  await app.ready();
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * The audit log as stored, entry by entry: on PostgreSQL as landsby_backup (row-level security
 * binds the owner), on PGlite as its superuser.
 */
const auditLog = (db: Database) =>
  db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.exec('SET LOCAL ROLE landsby_backup');
    await tx.query("SELECT set_config('TimeZone', 'UTC', true)");
    return tx.query(
      `SELECT id, municipality_id, at::text, actor_user_id, action, record_type, record_id, subject_id, ip,
              details::text FROM audit_log ORDER BY id`,
    );
  });

let source: Place;
let manifest: BackupManifest;
let auditBefore: unknown[];
const backupDir = join(work, 'backup');

beforeAll(async () => {
  smtp = await startSmtp();
  if (testDatabaseKind === 'postgres')
    await adminQuery(serverUrl(), `CREATE ROLE ${OWNER} LOGIN CREATEROLE PASSWORD 'owner-secret'`);
  source =
    testDatabaseKind === 'postgres' ? postgresPlace(await newPostgres()) : pglitePlace(join(work, 'data'));
  const db = await source.open();
  await migrate(db);
  await seedPostcodes(db);
  await withLandsby(db, async (app) => {
    const municipality = await createMunicipality(db, 'Asker');
    caseworker = await createUser(db, municipality, ['caseworker'], { firstName: 'Kari' });
    const agent = await loginAs(app, caseworker.email);
    const eventId = await createEvent(agent, { date: '2099-03-17', venueId: await createVenue(agent) });
    const households = await createHouseholds(
      db,
      municipality,
      Array.from({ length: HOUSEHOLDS }, (_, i) => ({
        adults: [{ firstName: `Familie${i}`, lastName: 'Nordmann', preferredChannels: ['letter'] }],
      })),
    );
    const token = randomBytes(16).toString('base64url');
    answerLink = `/svar/${token}`;
    await inTenant(db, { municipalityId: municipality, userId: null, ip: null }, (tx) =>
      tx.query(
        `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
         VALUES ($1, $2, $3, $4, 'nb')`,
        [municipality, eventId, households[0], tokenHash(token)],
      ),
    );
    expect((await app.inject({ method: 'GET', url: answerLink })).statusCode).toBe(200);
    expect((await agent.get('/api/households')).statusCode).toBe(200);
  });
  await db.close(); // Landsby stopped, as the embedded database's backup needs
  manifest = await source.backup(backupDir);
  // The log as it is (the backup only reads; on PostgreSQL it has granted landsby_backup SELECT).
  const again = await source.open();
  auditBefore = await auditLog(again);
  await again.close();
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${testDatabaseKind})`, () => {
  it("keeps the municipality's personal data, not just the tables", () => {
    expect(manifest.kind).toBe(testDatabaseKind);
    expect(manifest.rows['public.household']).toBe(HOUSEHOLDS);
    expect(manifest.rows['public.invitation']).toBe(1);
    expect(manifest.rows['public.app_user']).toBe(1);
    expect(manifest.rows['public.audit_log']).toBe(auditBefore.length);
    expect(auditBefore.length).toBeGreaterThan(HOUSEHOLDS);
  });

  it('restores into a new database with the same rows in every table and the same audit log, and Landsby runs on it', async () => {
    const { place, differences } = await source.restore(backupDir);
    expect(differences).toEqual([]);
    const db = await place.open();
    try {
      expect(await auditLog(db)).toEqual(auditBefore);
      await migrate(db); // as main.ts does at start: nothing left to apply
      await withLandsby(db, async (app) => {
        // A household's link from before the backup opens on the copy.
        const page = await app.inject({ method: 'GET', url: answerLink });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Familie0');
        // The team logs in as before and finds every household.
        const agent = await loginAs(app, caseworker.email);
        const list = await agent.get('/api/households');
        expect(list.statusCode).toBe(200);
        expect(list.json().total).toBe(HOUSEHOLDS);
      });
    } finally {
      await db.close();
    }
  }, 120_000);

  it('reports a restore that does not match its backup, table by table, instead of success', async () => {
    const tampered = join(work, 'tampered');
    cpSync(backupDir, tampered, { recursive: true });
    const path = join(tampered, 'manifest.json');
    const claimed = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
    claimed.rows['public.household'] = HOUSEHOLDS + 1;
    writeFileSync(path, JSON.stringify(claimed));
    const { differences } = await source.restore(tampered);
    expect(differences).toEqual([
      { what: 'rows in public.household', expected: HOUSEHOLDS + 1, found: HOUSEHOLDS },
    ]);
  }, 120_000);

  it('refuses, saying why, rather than write a backup that could miss rows', async () => {
    const dir = join(work, 'refused');
    if (testDatabaseKind === 'postgres') {
      // Without landsby_backup a dump as the owner would hold no personal data.
      await adminQuery(serverUrl(), `REVOKE landsby_backup FROM ${OWNER}`);
      try {
        await expect(source.backup(dir)).rejects.toThrow(
          /landsby_backup with BYPASSRLS .* GRANT landsby_backup/s,
        );
      } finally {
        await adminQuery(serverUrl(), `GRANT landsby_backup TO ${OWNER}`);
      }
    } else {
      // The embedded database while Landsby runs on it.
      const running = await source.open();
      try {
        await expect(source.backup(dir)).rejects.toThrow(/stop Landsby first/);
      } finally {
        await running.close();
      }
    }
  });

  it('refuses to write a backup over an existing one', async () => {
    await expect(source.backup(backupDir)).rejects.toThrow(/not empty/);
  });
});
