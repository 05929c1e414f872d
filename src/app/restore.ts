import { resolve } from 'node:path';
import { BackupError, restorePglite, restorePostgres } from '../db/backup.js';

/**
 * `npm run restore -- <backup folder>`: restores into a new, empty database (DATABASE_URL, else a
 * new DATA_DIR), counts every table and digests the audit log, and reports success only when all
 * of it matches the backup's manifest; otherwise it lists the differences and exits with 1.
 */
const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run restore -- <backup folder>');
  process.exit(2);
}
const source = resolve(folder);
const databaseUrl = process.env.DATABASE_URL;
try {
  const differences = databaseUrl
    ? await restorePostgres(databaseUrl, source)
    : await restorePglite(resolve(process.env.DATA_DIR ?? './data'), source);
  if (differences.length) {
    console.error('RESTORE FAILED: the restored database differs from the backup. Do not use it.');
    for (const d of differences) console.error(`  ${d.what}: backup ${d.expected}, restored ${d.found}`);
    process.exit(1);
  }
  console.log(
    'Restored and verified: every table has the rows of the backup, and the audit log is identical.',
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore failed: ${error.message}`);
  process.exit(1);
}
