import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMailer } from '../channels/email.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import {
  addProgrammeCoordinator,
  addProgrammeMunicipality,
  createProgrammeOfMunicipalities,
  listProgrammesForOperator,
  ProgrammeAdminError,
  removeProgrammeCoordinator,
  removeProgrammeMunicipality,
} from '../features/programmes/index.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { reportInvitation } from './invitation-report.js';

/**
 * `npm run programme -- create "<name>" --municipalities 1103,1106`, `add-municipality`,
 * `add-coordinator`, `remove-municipality`, `remove-coordinator` and `list`: the platform operator's way to set up an inter-municipal
 * programme, on the database Landsby is configured with (as npm run municipality).
 * docs/operations.md, "Programmes". Exit codes: 0 done (or already so), 1 refused (nothing
 * written), 2 wrong usage, 3 coordinator added but the invitation e-mail was not sent.
 */
const USAGE = `Usage:
  npm run programme -- create "<name>" --municipalities <number>,<number>,...
  npm run programme -- add-municipality <programme> <number>
  npm run programme -- add-coordinator <programme> <e-mail> "<first name>" "<last name>"
  npm run programme -- remove-municipality <programme> <number>
  npm run programme -- remove-coordinator <programme> <e-mail>
  npm run programme -- list
<programme> is the programme's name (in quotes) or its id.`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { municipalities: { type: 'string' } } });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const [command, ...rest] = args.positionals;
const arity: Record<string, number> = {
  create: 1,
  'add-municipality': 2,
  'add-coordinator': 4,
  'remove-municipality': 2,
  'remove-coordinator': 2,
  list: 0,
};
if (command === undefined || arity[command] === undefined) fail(USAGE, 2);
if (rest.length !== arity[command]) fail(`${command} takes ${arity[command]} argument(s).\n${USAGE}`, 2);
if (command === 'create' && !args.values.municipalities) fail(`create needs --municipalities.\n${USAGE}`, 2);

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
const [first = '', second = '', third = '', fourth = ''] = rest;
let exitCode = 0;
try {
  await migrate(db);
  if (command === 'list') {
    const programmes = await listProgrammesForOperator({ db });
    if (!programmes.length) console.log('No programmes.');
    for (const p of programmes) {
      console.log(`${p.name}  (${p.id})`);
      for (const m of p.members) console.log(`  ${m.number}  ${m.name.padEnd(30)} phase ${m.phase}`);
      console.log(`  coordinators: ${p.coordinators.length ? p.coordinators.join(', ') : 'none'}`);
    }
  } else if (command === 'create') {
    const numbers = (args.values.municipalities as string).split(',').filter((n) => n.trim());
    const created = await createProgrammeOfMunicipalities({ db }, { name: first, numbers });
    console.log(
      `Programme «${created.name}» created (${created.id}) with ${created.members
        .map((m) => `${m.number} ${m.name}`)
        .join(', ')}, each in phase 1.`,
    );
  } else if (command === 'add-municipality') {
    const result = await addProgrammeMunicipality({ db }, { programme: first, number: second });
    console.log(
      result.added
        ? `${result.municipality} is now a member of «${result.programme}» (phase 1).`
        : `${result.municipality} already is a member of «${result.programme}»: nothing was changed.`,
    );
  } else if (command === 'remove-municipality') {
    const result = await removeProgrammeMunicipality({ db }, { programme: first, number: second });
    console.log(
      result.removed
        ? `${result.municipality} is no longer a member of «${result.programme}».`
        : `${result.municipality} is not a member of «${result.programme}»: nothing was changed.`,
    );
  } else if (command === 'remove-coordinator') {
    const result = await removeProgrammeCoordinator({ db }, { programme: first, email: second });
    const email = second.trim().toLowerCase();
    console.log(
      !result.removed
        ? `${email} is not a coordinator of «${result.programme}»: nothing was changed.`
        : `${email} is no longer a coordinator of «${result.programme}»${
            result.roleDropped ? ' (the account keeps no programme_coordinator role)' : ''
          }.`,
    );
  } else {
    const result = await addProgrammeCoordinator(
      { db, config, mailer: createMailer(config) },
      { programme: first, email: second, firstName: third, lastName: fourth },
    );
    const email = second.trim().toLowerCase();
    if (!result.added) {
      console.log(`${email} already is a coordinator of «${result.programme}»: nothing was changed.`);
    } else if (!result.userCreated) {
      console.log(`${email} (an existing account) is now a coordinator of «${result.programme}».`);
    } else {
      console.log(`${email} is now a coordinator of «${result.programme}» (a new account).`);
      exitCode = reportInvitation(config, email, result.invitationSent, 'coordinator');
    }
  }
} catch (error) {
  if (!(error instanceof ProgrammeAdminError)) throw error;
  console.error(`Refused: ${error.message}`);
  exitCode = 1;
} finally {
  await db.close();
}
process.exit(exitCode);
