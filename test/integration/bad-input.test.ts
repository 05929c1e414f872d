import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles.js';
import { Agent, createTestEnv, loginAs, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser } from '../support/factories.js';

// Sends what a confused client, a broken proxy or an attacker might send to every operation in
// the OpenAPI document, logged in and not, and expects a 4xx with a stable code: never a 500.
let env: TestEnv;
let agent: Agent;
let operations: { method: string; path: string }[];

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
    for (const { method, path } of operations) {
      for (const value of BAD_PARAMS) {
        const url = path.replace(/\{[^}]+\}/g, value);
        for (const who of [agent, new Agent(env.app)]) {
          expectHandled(await who.request({ method: method as 'GET', url }), `${method} ${url.slice(0, 80)}`);
        }
      }
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const { payload, contentType } of method === 'GET' ? [] : BAD_BODIES) {
        const response = await agent.request({
          method: method as 'POST',
          url,
          payload,
          headers: { 'content-type': contentType },
        });
        expectHandled(response, `${method} ${url} with ${payload.slice(0, 40)}`);
      }
      for (const query of BAD_QUERIES) {
        expectHandled(
          await agent.request({ method: method as 'GET', url: `${url}${query}` }),
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
