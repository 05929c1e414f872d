import { resolve } from 'node:path';
import { BackupError, backupPglite, backupPostgres } from '../db/backup.js';

/**
 * `npm run backup -- <new folder>`: backs up the database Landsby is configured with
 * (DATABASE_URL, else the embedded database in DATA_DIR, which must be stopped) into a new folder,
 * and says what it holds. docs/operations.md, "Backups".
 */
const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run backup -- <new folder>');
  process.exit(2);
}
const target = resolve(folder);
const databaseUrl = process.env.DATABASE_URL;
try {
  const manifest = databaseUrl
    ? await backupPostgres(databaseUrl, target)
    : await backupPglite(resolve(process.env.DATA_DIR ?? './data'), target);
  const rows = Object.values(manifest.rows).reduce((sum, n) => sum + n, 0);
  console.log(
    `Backup written to ${target}: ${Object.keys(manifest.rows).length} tables, ${rows} rows, ` +
      `${manifest.rows['public.audit_log'] ?? 0} audit log entries, ${manifest.rows['public.household'] ?? 0} households.`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Backup failed: ${error.message}`);
  process.exit(1);
}
