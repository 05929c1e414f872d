import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createMailer } from '../../src/channels/email.js';
import type { Database, Queryable } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import { addDays, todayInOslo } from '../../src/domain/calendar.js';
import { tokenHash } from '../../src/features/sending/index.js';
import { loadConfig } from '../../src/server/config.js';
import { insertEvent, insertVenue } from '../support/cafe.js';
import { createTestDatabase } from '../support/database.js';
import { createHouseholds, createMunicipality } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

/**
 * The answer link is what hundreds of families open in the same minutes after a sending: each
 * request's statements and transactions are counted through a wrapper around the Database, only
 * for what runs on behalf of that request (AsyncLocalStorage), not the sending worker beside it.
 */
interface Tally {
  statements: number;
  transactions: number;
}
const current = new AsyncLocalStorage<Tally>();

function counted(db: Database): Database {
  const count = () => {
    const tally = current.getStore();
    if (tally) tally.statements++;
  };
  const wrap = (tx: Queryable): Queryable => ({
    query: (sql, params) => {
      count();
      return tx.query(sql, params);
    },
    exec: (sql) => {
      count();
      return tx.exec(sql);
    },
  });
  return {
    kind: db.kind,
    transaction: (fn) => {
      const tally = current.getStore();
      if (tally) tally.transactions++;
      return db.transaction((tx) => fn(wrap(tx)));
    },
    executeSql: (text, values) => {
      count();
      return db.executeSql(text, values);
    },
    close: () => db.close(),
  };
}

let db: Database;
let app: FastifyInstance;
let smtp: TestSmtp;
let municipality: number;
let eventId: string;
const tokens: string[] = [];

async function measured(method: 'GET' | 'POST', token: string, payload?: string) {
  const tally: Tally = { statements: 0, transactions: 0 };
  // inject sends once its result is awaited: that happens inside run(), so the request runs in the tally's context.
  const response = await current.run(tally, async () =>
    app.inject({
      method,
      url: `/svar/${token}`,
      ...(payload ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload } : {}),
    }),
  );
  return { response, ...tally };
}

beforeAll(async () => {
  smtp = await startSmtp();
  db = counted(await createTestDatabase());
  const config = loadConfig({
    DATA_DIR: '.tmp/test-data',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-32',
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'http://landsby.test',
    DEMO_DATA: 'false',
  });
  app = await buildApp({ config, db, mailer: createMailer(config), logger: false });
  await app.ready();
  municipality = await createMunicipality(db, 'Tellevik');
  eventId = await insertEvent(db, municipality, {
    date: addDays(todayInOslo(), 30),
    registration: 'optional',
    venueId: await insertVenue(db, municipality),
  });
  const names = ['kari', 'siri', 'lars'];
  const households = await createHouseholds(
    db,
    municipality,
    names.map((name) => ({
      adults: [
        { firstName: name, lastName: 'Telle', email: `${name}@example.no`, preferredChannels: ['email'] },
      ],
    })),
  );
  for (const _ of households) tokens.push(randomBytes(16).toString('base64url'));
  await inTenant(db, { municipalityId: municipality, userId: null, ip: null }, async (tx) => {
    // Room for two persons: the second household to come waits, so the POST takes the capacity path.
    await tx.query('UPDATE event SET capacity = 2 WHERE id = $1', [eventId]);
    await tx.query(
      `INSERT INTO invitation (municipality_id, event_id, household_id, token_hash, language)
       SELECT $1, $2, h, t, 'nb' FROM unnest($3::uuid[], $4::bytea[]) AS x(h, t)`,
      [municipality, eventId, households, tokens.map(tokenHash)],
    );
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await smtp?.close();
});

describe('the answer link stays cheap under a crowd', () => {
  it('shows the answer page in one transaction of a few statements, besides the guessing check', async () => {
    const { response, statements, transactions } = await measured('GET', tokens[0] as string);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('kari');
    // The guessing check (features/security) is one transaction of its own; the page is the other.
    expect(transactions).toBe(2);
    expect(statements).toBeLessThanOrEqual(10);
  });

  it('saves an answer in one transaction of a few statements and leaves the confirmation to the sending worker', async () => {
    const coming = 'response=coming&adults=2&children=0';
    const first = await measured('POST', tokens[1] as string, coming);
    expect(first.response.statusCode).toBe(303);
    // Guessing check, the answer, and the wake-up of the sending worker (pg-boss) outside it.
    expect(first.transactions).toBe(2);
    expect(first.statements).toBeLessThanOrEqual(18);
    // A household that does not fit joins the waiting list: the longest way through.
    const waiting = await measured('POST', tokens[2] as string, coming);
    expect(waiting.response.statusCode).toBe(303);
    expect(waiting.transactions).toBe(2);
    expect(waiting.statements).toBeLessThanOrEqual(19);
    const page = await measured('GET', tokens[2] as string);
    expect(page.response.body).toContain('venteliste som nummer 1');
    expect(page.statements).toBeLessThanOrEqual(11);
    // The confirmations still go out, each once, from the worker.
    const to = (name: string) =>
      smtp.messages.filter((m) => [m.to].flat()[0]?.value[0]?.address === `${name}@example.no`).length;
    await expect.poll(() => to('siri') + to('lars'), { timeout: 20_000 }).toBe(2);
    expect([to('siri'), to('lars')]).toEqual([1, 1]);
  });
});
