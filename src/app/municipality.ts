import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMailer } from '../channels/email.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import {
  listMunicipalities,
  OnboardingError,
  onboardMunicipality,
} from '../features/municipalities/index.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { reportInvitation } from './invitation-report.js';

/**
 * `npm run municipality -- create --number 3203 --name "Asker" --admin-email ola@asker.kommune.no`
 * and `npm run municipality -- list`: the platform operator's way to onboard a municipality, on
 * the database Landsby is configured with (DATABASE_URL, else the embedded database in DATA_DIR,
 * which must be stopped). docs/operations.md, "Municipalities". Exit codes: 0 done, 1 refused
 * (nothing written), 2 wrong usage, 3 created but the invitation e-mail was not sent.
 */
const USAGE = `Usage:
  npm run municipality -- create --number <four digits> --name <name> --admin-email <e-mail> [--admin-name "<first> <last>"]
  npm run municipality -- list`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      number: { type: 'string' },
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const [command] = args.positionals;
const { number, name, 'admin-email': adminEmail, 'admin-name': adminName } = args.values;
if (command !== 'create' && command !== 'list') fail(USAGE, 2);
if (command === 'create' && (!number || !name || !adminEmail))
  fail(`create needs --number, --name and --admin-email.\n${USAGE}`, 2);

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`Configuration: ${error.message}`, 1);
  throw error;
}
// PGlite is one process: a second one opening a running Landsby's folder would damage it.
if (!config.databaseUrl && existsSync(join(config.dataDir, 'postmaster.pid')))
  fail(
    `${config.dataDir} is in use (postmaster.pid): stop Landsby first, or run this where DATABASE_URL ` +
      'points at its PostgreSQL. If Landsby is not running, it stopped uncleanly: start it and stop it once.',
    1,
  );

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => fail(`The database did not open (${error.message}).`, 1),
);
let exitCode = 0;
try {
  await migrate(db);
  if (command === 'list') {
    for (const m of await listMunicipalities({ db }))
      console.log(
        `${m.number}  ${m.name.padEnd(30)} ${String(m.users).padStart(4)} users  since ${m.createdAt.toISOString().slice(0, 10)}${m.isDemo ? '  (demo)' : ''}`,
      );
  } else {
    const result = await onboardMunicipality(
      { db, config, mailer: createMailer(config) },
      { number: number as string, name: name as string, adminEmail: adminEmail as string, adminName },
    );
    console.log(`Municipality ${number} ${name?.trim()} created; ${adminEmail} is its municipality admin.`);
    exitCode = reportInvitation(config, adminEmail as string, result.invitationSent, 'admin');
  }
} catch (error) {
  if (!(error instanceof OnboardingError)) throw error;
  console.error(`Refused: ${error.message}`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
