import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ROLES } from '../../src/domain/roles.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';

// Sends what a confused client, a broken proxy or an attacker might send to every operation in
// the OpenAPI document, logged in and not, and expects a 4xx with a stable code: never a 500.
let env: TestEnv;
let agent: Agent;
let operations: { method: string; path: string }[];
/** The staff user's e-mail: the sweep above may log its agent out, so later tests log in again. */
let staffEmail: string;

beforeAll(async () => {
  env = await createTestEnv({
    IDPORTEN_ISSUER: 'http://127.0.0.1:9/idporten',
    IDPORTEN_CLIENT_ID: 'landsby',
    IDPORTEN_CLIENT_SECRET: 'secret',
    ENTRA_ISSUER: 'http://127.0.0.1:9/entra/v2.0',
    ENTRA_CLIENT_ID: 'landsby',
    ENTRA_CLIENT_SECRET: 'secret',
    OIDC_ALLOW_HTTP: 'true',
  });
  const municipality = await createMunicipality(env.db, 'Feilstad');
  const user = await createUser(env.db, municipality, [...ROLES]);
  staffEmail = user.email;
  agent = await loginAs(env.app, user.email);
  const document = (await agent.get('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => env.close());

const BAD_PARAMS = ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '%00', "1' OR '1'='1", '-1'];
const BAD_BODIES: { payload: string; contentType: string }[] = [
  { payload: '{', contentType: 'application/json' },
  { payload: '[]', contentType: 'application/json' },
  { payload: '"text"', contentType: 'application/json' },
  { payload: 'null', contentType: 'application/json' },
  {
    payload: '{"email": 42, "password": {}, "roles": "all", "token": [], "locale": "xx", "active": "yes"}',
    contentType: 'application/json',
  },
  { payload: JSON.stringify({ email: 'a'.repeat(400_000) }), contentType: 'application/json' },
  { payload: 'email=a&password=b', contentType: 'application/x-www-form-urlencoded' },
  { payload: '<xml/>', contentType: 'text/xml' },
];
const BAD_QUERIES = [
  '?limit=abc&offset=-1',
  '?from=31.12.2025&to=yesterday',
  '?actor=nobody',
  `?subject=${'x'.repeat(3000)}`,
  '?limit=1e9',
];

function expectHandled(
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) {
  expect(response.statusCode, `${what} → ${response.statusCode} ${response.body.slice(0, 300)}`).toBeLessThan(
    500,
  );
  expect(response.body, what).not.toMatch(/at .+\.(ts|js):\d+/); // no stack trace
  if (response.statusCode >= 400 && String(response.headers['content-type']).includes('json')) {
    expect(typeof JSON.parse(response.body).code, what).toBe('string');
  }
}

describe('bad input on every documented operation', () => {
  it('finds the operations in /api/openapi.json', () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it('answers malformed parameters, bodies and queries with 4xx and a code', async () => {
    for (const [index, { method, path }] of operations.entries()) {
      // An address of its own per operation: the per-address limit (600 a minute) is for people,
      // and the tests after this one must not start out limited by this run.
      const remoteAddress = `10.77.${index >> 8}.${index & 255}`;
      for (const value of BAD_PARAMS) {
        const url = path.replace(/\{[^}]+\}/g, value);
        for (const who of [agent, new Agent(env.app)]) {
          expectHandled(
            await who.request({ method: method as 'GET', url, remoteAddress }),
            `${method} ${url.slice(0, 80)}`,
          );
        }
      }
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const { payload, contentType } of method === 'GET' ? [] : BAD_BODIES) {
        const response = await agent.request({
          method: method as 'POST',
          url,
          payload,
          headers: { 'content-type': contentType },
          remoteAddress,
        });
        expectHandled(response, `${method} ${url} with ${payload.slice(0, 40)}`);
      }
      for (const query of BAD_QUERIES) {
        expectHandled(
          await agent.request({ method: method as 'GET', url: `${url}${query}`, remoteAddress }),
          `${method} ${url}${query.slice(0, 40)}`,
        );
      }
    }
  });

  it('refuses a state-changing request without the CSRF header, before it does anything', async () => {
    // A provider's callback (a delivery report) carries a secret in its address and no cookie:
    // it is the one kind of route without CSRF, and it says so in its config.
    const exempt = new Set(
      env.app.routeTable
        .filter((r) => r.config.csrfExempt)
        .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect(exempt.size).toBeGreaterThan(0);
    for (const { method, path } of operations.filter(
      (o) => o.method !== 'GET' && !exempt.has(`${o.method} ${o.path}`),
    )) {
      const response = await agent.request({ method: method as 'POST', url: path, payload: {}, csrf: false });
      expect(response.statusCode, `${method} ${path}`).toBe(403);
      expect(response.json().code).toBe('auth.csrf');
    }
  });

  it('names the problem in Norwegian by default and in English when asked', async () => {
    const nb = await new Agent(env.app).request({ method: 'GET', url: '/api/admin/users' });
    expect(nb.statusCode).toBe(401);
    expect(nb.json()).toMatchObject({ code: 'auth.required' });
    expect(nb.json().message).toMatch(/logg/i);
    const en = await new Agent(env.app).request({
      method: 'GET',
      url: '/api/admin/users',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.json().message).toMatch(/log/i);
    expect(en.json().message).not.toBe(nb.json().message);
  });

  it('answers an unknown API path with 404 not_found', async () => {
    const response = await agent.get('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});

describe('hostile values that pass for text and numbers', () => {
  beforeAll(async () => {
    agent = await loginAs(env.app, staffEmail);
  });
  const VENUE = { name: 'Bygdehuset', kitchen: true, parking: false, stepFree: true };

  it('refuses NUL in any text with 400 validation.invalid, even in the login e-mail', async () => {
    for (const [who, url, payload] of [
      [new Agent(env.app), '/api/auth/login', { email: 'kari\u0000@test.no', password: 'x' }],
      [agent, '/api/venues', { ...VENUE, name: 'Frivillig\u0000sentralen' }],
    ] as const) {
      const response = await who.post(url, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation.invalid' });
      expect(response.json().message).toMatch(/ikke gyldige/);
    }
    const query = await agent.get('/api/households?q=Kari%00');
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ code: 'validation.invalid', details: [{ field: 'q' }] });
  });

  it('answers a body nested 100,000 arrays deep without a 500', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await agent.request({
      method: 'POST',
      url: '/api/venues',
      payload: `{"name":"Bygdehuset","kitchen":true,"parking":false,"stepFree":true,"extra":${deep}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(500);
  });

  it('refuses a version past 2^31−1, 1e309 in a query and a year the database has not', async () => {
    const venue = (await agent.post('/api/venues', VENUE)).json();
    const tooBig = await agent.put(`/api/venues/${venue.id}`, { ...VENUE, version: 2147483648 });
    expect(tooBig.statusCode, tooBig.body).toBe(400);
    expect(tooBig.json()).toMatchObject({ code: 'validation.invalid', details: [{ field: 'version' }] });
    for (const url of [
      '/api/admin/audit?limit=1e309',
      '/api/households?maxTravel=-1e309',
      '/api/cafe/season-plan?season=autumn&year=1e309',
      '/api/admin/audit?from=0000-01-01',
      `/api/insight?from=${'9'.repeat(129)}-01-01`,
    ]) {
      const response = await agent.get(url);
      expect(response.statusCode, `${url} ${response.body}`).toBe(400);
      expect(response.json().code).toBe('validation.invalid');
    }
  });
});

/**
 * An .xlsx-shaped zip whose sheet inflates to `unpacked` bytes of spaces (about a thousandth of
 * that packed): made here, as the attacker would, never kept in the repository.
 */
async function zipBomb(unpacked: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  zip.addReadStream(
    Readable.from(
      (function* () {
        for (let left = unpacked; left > 0; left -= chunk.length)
          yield chunk.subarray(0, Math.min(left, chunk.length));
      })(),
    ),
    'xl/worksheets/sheet1.xml',
  );
  zip.end();
  const parts: Buffer[] = [];
  for await (const part of zip.outputStream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The same zip with the sheet's size in the central directory made small: a zip that lies. */
function lyingAboutSize(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  for (let at = copy.indexOf('PK\u0001\u0002'); at >= 0; at = copy.indexOf('PK\u0001\u0002', at + 4)) {
    const name = copy.subarray(at + 46, at + 46 + copy.readUInt16LE(at + 28)).toString();
    if (name.endsWith('sheet1.xml')) copy.writeUInt32LE(1000, at + 24);
  }
  return copy;
}

describe('a zip bomb as an import file', () => {
  beforeAll(async () => {
    agent = await loginAs(env.app, staffEmail);
  });
  const UNPACKED = 400 * 1024 * 1024;

  it.each([
    ['declares 400 MB unpacked', (bomb: Buffer) => bomb, 'unpacks_too_large'],
    ['declares 1 kB but inflates to 400 MB', lyingAboutSize, 'xlsx'],
  ])(
    'refuses a .xlsx that %s before unpacking it into memory',
    async (_what, shape, reason) => {
      const file = shape(await zipBomb(UNPACKED));
      expect(file.length).toBeLessThan(2 * 1024 * 1024);
      // The highest the process's memory goes while the upload is handled, sampled as it runs.
      const before = process.memoryUsage().rss;
      let peak = before;
      const sample = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const response = await agent.request({
        method: 'POST',
        url: '/api/imports?fileName=register.xlsx',
        payload: file,
        headers: { 'content-type': 'application/octet-stream' },
      });
      clearInterval(sample);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: 'import.unreadable', details: { reason } });
      expect(response.json().message).toMatch(/lese filen/);
      // Unpacked into memory, the 400 MB would show; refused first, only the upload and a stream's buffers do.
      expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    },
    60_000,
  );
});
