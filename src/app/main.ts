import { createMailer } from '../channels/email.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../features/demo/service.js';
import { seedPostcodes } from '../features/registry/index.js';
import nb from '../i18n/nb.json' with { type: 'json' };
import { ConfigError, loadConfig } from '../server/config.js';
import { buildApp } from './build-app.js';

function fail(message: string): never {
  console.error(`Landsby could not start: ${message}`);
  process.exit(1);
}

const started = Date.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
  (error: Error) => fail(`the database did not open (${error.message}).`),
);
const applied = await migrate(db);
await seedPostcodes(db);
const seeded = config.demoData ? await seedDemo(db) : false;
const app = await buildApp({ config, db, mailer: createMailer(config) });
await app.listen({ port: config.port, host: config.host }).catch((error: Error) => fail(error.message));

const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
// The banner is for the person who started Landsby, in the UI's first language (bokmål), roles by name.
const lines = [
  '',
  `Landsby kjører på http://localhost:${port}  (startet på ${Date.now() - started} ms)`,
  `Database: ${db.kind === 'pglite' ? `innebygd PGlite i ${config.dataDir}` : 'PostgreSQL'}${applied.length ? `, migreringer kjørt nå: ${applied.join(', ')}` : ''}`,
];
if (config.demoData) {
  lines.push(
    `Demokommune (demodata${seeded ? ', opprettet nå' : ''}). Logg inn med passordet «${DEMO_PASSWORD}» som:`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(34)} ${nb.roles[u.role]}`),
  );
}
if (!config.smtpUrl) lines.push(`E-post sendes ikke: meldingene skrives til ${config.dataDir}/outbox`);
lines.push('Stopp med Ctrl-C.', '');
console.log(lines.join('\n'));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) process.exit(1); // a second Ctrl-C: leave now
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
