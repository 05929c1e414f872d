#!/usr/bin/env node
// Confirmations after a burst of answers: 500 households of one café answer through their links
// (16 at a time, each from its own address, over HTTP), and the bench times until every
// confirmation e-mail has reached a loopback SMTP server. Right after the last answer the team
// of another municipality presses «Send nå» for its café of 50 households; the bench times that
// send too, and counts the first café's confirmations still waiting when it was done (a send that
// waits behind the burst finds none). On embedded PGlite and PostgreSQL, in one run.
// Run: node --import tsx bench/confirmations.mjs     Prints figures; asserts nothing.
// ANSWERS=… changes the burst; GIVE_UP_SECONDS=… (default 300) ends a run that does not finish.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app/build-app.ts';
import { createMailer } from '../src/channels/email.ts';
import { migrate } from '../src/db/migrate.ts';
import { inTenant } from '../src/db/tenant.ts';
import { addDays, todayInOslo } from '../src/domain/calendar.ts';
import { seedPostcodes } from '../src/features/registry/index.ts';
import { tokenHash } from '../src/features/sending/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { loginAs } from '../test/support/app.ts';
import { createVenue, insertEvent } from '../test/support/cafe.ts';
import { createHouseholds, createMunicipality, createUser } from '../test/support/factories.ts';
import { startSmtp } from '../test/support/smtp.ts';
import { onBothDatabases, summary } from './support.mjs';

const ANSWERS = Number(process.env.ANSWERS ?? 500);
const OTHER_HOUSEHOLDS = 50;
const PARALLEL = 16;
const GIVE_UP_MS = Number(process.env.GIVE_UP_SECONDS ?? 300) * 1000;

const households = (prefix, n) =>
  Array.from({ length: n }, (_, i) => ({
    adults: [
      {
        firstName: 'Kari',
        lastName: 'Nordmann',
        email: `${prefix}${i}@eksempel.no`,
        preferredChannels: ['email'],
      },
    ],
  }));

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Checks `conditions` every 100 ms until each has held once or GIVE_UP_MS has passed since
 * `since`; returns the time each first held (undefined if it never did).
 */
async function watch(conditions, since) {
  const seen = {};
  while (performance.now() - since < GIVE_UP_MS) {
    for (const [name, check] of Object.entries(conditions)) {
      if (!seen[name] && check()) seen[name] = performance.now();
    }
    if (Object.keys(seen).length === Object.keys(conditions).length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

async function run(label, db) {
  await migrate(db);
  await seedPostcodes(db);
  const smtp = await startSmtp();
  const dataDir = mkdtempSync(join(tmpdir(), 'landsby-bench-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SECRET_KEY: 'bench-secret-key-that-is-long-enough',
    SMTP_URL: smtp.url,
    DEMO_DATA: 'false',
    TRUST_PROXY: 'true',
  });
  const app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const date = addDays(todayInOslo(), 30);

  // The burst's café: invitations as the sending leaves them, with links the bench knows.
  const burst = await createMunicipality(db, 'Svarvik');
  const burstTeam = await loginAs(app, (await createUser(db, burst, ['caseworker'])).email);
  const burstEvent = await insertEvent(db, burst, {
    date,
    registration: 'optional',
    venueId: await createVenue(burstTeam),
  });
  const invited = await createHouseholds(db, burst, households('svar', ANSWERS));
  const tokens = invited.map(() => randomBytes(16).toString('base64url'));
  await inTenant(db, { municipalityId: burst, userId: null, ip: null }, (tx) =>
    tx.query(
      `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       SELECT $1, $2, h, t, 'nb' FROM unnest($3::uuid[], $4::bytea[]) AS x(h, t)`,
      [burst, burstEvent, invited, tokens.map(tokenHash)],
    ),
  );

  // The other café: a team about to send its invitations.
  const other = await createMunicipality(db, 'Sendvik');
  await createHouseholds(db, other, households('send', OTHER_HOUSEHOLDS));
  const team = await loginAs(app, (await createUser(db, other, ['caseworker'])).email);
  const otherEvent = await insertEvent(db, other, {
    date,
    registration: 'optional',
    venueId: await createVenue(team),
  });

  const mailsTo = (prefix) =>
    smtp.messages.filter((m) => [m.to].flat()[0]?.value[0]?.address?.startsWith(prefix)).length;
  const begun = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < ANSWERS) {
        const i = next++;
        const response = await fetch(`${url}/svar/${tokens[i]}`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': `10.0.${i >> 8}.${i & 255}`,
          },
          body: 'response=coming&adults=1&children=0',
        });
        if (response.status !== 303)
          throw new Error(`answer ${i}: ${response.status} ${await response.text()}`);
      }
    }),
  );
  const answered = performance.now();
  const confirmedAtAnswers = mailsTo('svar');

  const send = await team.post(`/api/events/${otherEvent}/sending/now`);
  if (send.statusCode !== 200) throw new Error(`send now: ${send.statusCode} ${send.body}`);
  let waitingWhenSent = null;
  const { sentAt, confirmedAt } = await watch(
    {
      sentAt: () => {
        if (mailsTo('send') < OTHER_HOUSEHOLDS) return false;
        waitingWhenSent = ANSWERS - mailsTo('svar');
        return true;
      },
      confirmedAt: () => mailsTo('svar') >= ANSWERS,
    },
    begun,
  );

  const confirmations = confirmedAt
    ? `all ${ANSWERS} sent ${seconds(confirmedAt - begun)} after the first answer, ${seconds(Math.max(0, confirmedAt - answered))} after the last`
    : `${mailsTo('svar')} of ${ANSWERS} sent ${seconds(GIVE_UP_MS)} after the first answer`;
  const otherSend = sentAt
    ? `done ${seconds(sentAt - answered)} after «Send nå», ${waitingWhenSent} confirmations still waiting then`
    : `${mailsTo('send')} of ${OTHER_HOUSEHOLDS} sent ${seconds(GIVE_UP_MS)} after the first answer`;
  console.log(`\n${label}`);
  console.log(
    `  ${ANSWERS} answers posted in ${seconds(answered - begun)} (${confirmedAtAnswers} confirmations sent by then)`,
  );
  console.log(`  confirmations: ${confirmations}`);
  console.log(`  another café's «Send nå» (${OTHER_HOUSEHOLDS} e-mails): ${otherSend}`);
  summary(`confirmations after ${ANSWERS} answers`, label, confirmations, 'all sent < 60 s');
  summary("another café's «Send nå» during the burst", label, otherSend, 'starts at once');

  await app.close();
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await onBothDatabases(run);
