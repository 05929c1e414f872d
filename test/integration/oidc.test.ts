import type { LightMyRequestResponse } from 'fastify';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../src/db/tenant.js';
import {
  findValidAccountToken,
  insertAccountToken,
  insertIdentity,
} from '../../src/features/auth/queries.js';
import { updateUser } from '../../src/features/users/queries.js';
import { pseudonym, randomToken, sha256 } from '../../src/server/crypto.js';
import { Agent, createTestEnv, type TestEnv } from '../support/app.js';
import { createMunicipality, createUser, type TestUser } from '../support/factories.js';
import {
  type EntraLogin,
  type IdportenLogin,
  ProviderBrowser,
  type StandIn,
  startEntraStandIn,
  startIdportenStandIn,
} from '../support/oidc-provider.js';

const PUBLIC_URL = 'http://landsby.test';
const callbackOf = (provider: string) => `${PUBLIC_URL}/api/auth/oidc/${provider}/callback`;

let env: TestEnv;
let idporten: StandIn<IdportenLogin>;
let entra: StandIn<EntraLogin> & { tenantId: string };
let municipality: number;

beforeAll(async () => {
  idporten = await startIdportenStandIn({ redirectUri: callbackOf('idporten') });
  entra = await startEntraStandIn({ redirectUri: callbackOf('entra') });
  env = await createTestEnv({
    PUBLIC_URL,
    OIDC_ALLOW_HTTP: 'true',
    IDPORTEN_ISSUER: idporten.issuer,
    IDPORTEN_CLIENT_ID: idporten.clientId,
    IDPORTEN_CLIENT_SECRET: idporten.clientSecret,
    ENTRA_ISSUER: entra.issuer,
    ENTRA_CLIENT_ID: entra.clientId,
    ENTRA_CLIENT_SECRET: entra.clientSecret,
  });
  municipality = await createMunicipality(env.db, 'Bærum');
});
afterAll(async () => {
  await env?.close();
  await idporten?.close();
  await entra?.close();
});

// --- helpers ---------------------------------------------------------------------------------------

/** A fødselsnummer-shaped test number, different in every test. */
let pidCounter = 0;
const newPid = () => `0101${String(Date.now()).slice(-5)}${String(pidCounter++).padStart(2, '0')}`;

async function citizenWithPid(pid: string): Promise<TestUser> {
  const user = await createUser(env.db, municipality, ['foster_parent'], { password: null });
  await asSystem(env.db, (tx) =>
    insertIdentity(tx, {
      municipalityId: municipality,
      userId: user.id,
      provider: 'idporten',
      subject: pseudonym(env.config.secretKey, pid),
    }),
  );
  return user;
}

interface Journey {
  start: LightMyRequestResponse;
  /** The callback path and query the provider sent the browser to. */
  callback: string;
  /** The state cookie as it was after start (for replay by an attacker who copied it). */
  stateCookie: string;
}

/** Start at the app, then the browser's round trip at the provider; stops before the callback. */
async function toCallback(
  agent: Agent,
  provider: 'idporten' | 'entra',
  query = '',
  headers: Record<string, string> = {},
): Promise<Journey> {
  const start = await agent.request({
    method: 'GET',
    url: `/api/auth/oidc/${provider}/start${query}`,
    headers,
  });
  expect(start.statusCode, start.body).toBe(302);
  const back = await new ProviderBrowser().follow(String(start.headers.location));
  expect(`${back.origin}${back.pathname}`).toBe(callbackOf(provider));
  return {
    start,
    callback: `${back.pathname}${back.search}`,
    stateCookie: agent.cookie('landsby.oidc') ?? '',
  };
}

async function loginVia(agent: Agent, provider: 'idporten' | 'entra', query = '') {
  const journey = await toCallback(agent, provider, query);
  const response = await agent.get(journey.callback);
  return { ...journey, response };
}

async function sessionUser(agent: Agent) {
  return (await agent.get('/api/session')).json().user as { id: string } | null;
}

function expectRedirect(response: LightMyRequestResponse, location: string) {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe(location);
}

async function tableRows(table: 'user_identity' | 'audit_log' | 'user_session') {
  return env.db.transaction((tx) => tx.query<Record<string, unknown>>(`SELECT * FROM ${table}`));
}

/** Logs in at a stand-in directly with openid-client (no app): the id_token's claims. */
async function idTokenFrom(standIn: StandIn<unknown>, redirectUri: string, extra: Record<string, string>) {
  const config = await client.discovery(
    new URL(standIn.issuer),
    standIn.clientId,
    undefined,
    client.ClientSecretPost(standIn.clientSecret),
    { execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks] },
  );
  const [state, nonce, verifier] = [
    client.randomState(),
    client.randomNonce(),
    client.randomPKCECodeVerifier(),
  ];
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  const back = await new ProviderBrowser().follow(url.href);
  const tokens = await client.authorizationCodeGrant(config, back, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  return { claims: tokens.claims() ?? ({} as client.IDToken), metadata: config.serverMetadata() };
}

describe('the stand-in providers', () => {
  it('ID-porten: id_token with iss, aud, sub, pid, acr, amr, auth_time, locale, nonce, sid', async () => {
    idporten.loginAs({ pid: '01017012345', amr: ['Minid-PIN'] });
    const { claims, metadata } = await idTokenFrom(idporten, callbackOf('idporten'), {
      scope: 'openid profile',
      acr_values: 'idporten-loa-substantial',
      ui_locales: 'nn',
    });
    expect(metadata.issuer).toBe(idporten.issuer);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(claims).toMatchObject({
      iss: idporten.issuer,
      aud: idporten.clientId,
      pid: '01017012345',
      acr: 'idporten-loa-substantial',
      amr: ['Minid-PIN'],
      locale: 'nn',
      sub: expect.any(String),
      auth_time: expect.any(Number),
      nonce: expect.any(String),
      sid: expect.any(String),
    });
    expect(claims.sub).not.toContain('01017012345');
  });

  it('Entra: metadata under /{tenant}/v2.0, id_token with oid, tid, sub, preferred_username, email', async () => {
    entra.loginAs({
      oid: 'e0a4c1de-0000-4000-8000-000000000001',
      preferredUsername: 'kari@kommune.no',
      email: 'kari@kommune.no',
    });
    expect(entra.issuer).toMatch(new RegExp(`/${entra.tenantId}/v2\\.0$`));
    const { claims } = await idTokenFrom(entra, callbackOf('entra'), { scope: 'openid profile email' });
    expect(claims).toMatchObject({
      iss: entra.issuer,
      aud: entra.clientId,
      oid: 'e0a4c1de-0000-4000-8000-000000000001',
      tid: entra.tenantId,
      preferred_username: 'kari@kommune.no',
      email: 'kari@kommune.no',
    });
    expect(claims.sub).not.toBe(claims.oid);
  });
});

// --- ID-porten --------------------------------------------------------------------------------------

describe('ID-porten', () => {
  it('logs in a citizen whose pid is linked, and keeps no raw pid', async () => {
    const pid = newPid();
    const user = await citizenWithPid(pid);
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    const csrfBefore = (await agent.get('/api/session')).json().csrfToken;

    const { response } = await loginVia(agent, 'idporten');

    expectRedirect(response, '/');
    expect((await sessionUser(agent))?.id).toBe(user.id);
    expect(agent.cookie('landsby.oidc')).toBeUndefined();
    expect(agent.cookie('landsby.csrf')).not.toBe(csrfBefore);

    for (const table of ['user_identity', 'audit_log', 'user_session'] as const) {
      expect(JSON.stringify(await tableRows(table))).not.toContain(pid);
    }
    const identities = (await tableRows('user_identity')).filter((r) => r.user_id === user.id);
    expect(identities).toEqual([
      expect.objectContaining({ provider: 'idporten', subject: pseudonym(env.config.secretKey, pid) }),
    ]);
    const sessions = (await tableRows('user_session')).filter((r) => r.user_id === user.id);
    expect(sessions).toEqual([expect.objectContaining({ auth_method: 'idporten' })]);
  });

  it('asks as ID-porten requires: code flow, PKCE S256, state, nonce, LoA substantial, ui_locales', async () => {
    const agent = new Agent(env.app);
    const { start } = await toCallback(agent, 'idporten');
    const sent = new URL(String(start.headers.location)).searchParams;
    expect(Object.fromEntries(sent)).toMatchObject({
      response_type: 'code',
      client_id: idporten.clientId,
      redirect_uri: callbackOf('idporten'),
      scope: 'openid profile',
      code_challenge_method: 'S256',
      acr_values: 'idporten-loa-substantial',
      ui_locales: 'nb',
    });
    expect(sent.get('state')).toMatch(/^[\w-]{22,}$/);
    expect(sent.get('nonce')).toMatch(/^[\w-]{22,}$/);
    expect(sent.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The provider saw the same request.
    expect(idporten.lastAuthorizationRequest()?.get('state')).toBe(sent.get('state'));

    const cookie = start.cookies.find((c) => c.name === 'landsby.oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
  });

  it("passes the user's language to ID-porten", async () => {
    const nn = await toCallback(new Agent(env.app), 'idporten', '', { 'accept-language': 'nn-NO,nn;q=0.9' });
    expect(new URL(String(nn.start.headers.location)).searchParams.get('ui_locales')).toBe('nn');
    const en = await toCallback(new Agent(env.app), 'idporten', '?locale=en');
    expect(new URL(String(en.start.headers.location)).searchParams.get('ui_locales')).toBe('en');
  });

  it('sends an unknown pid to the login page with auth.oidc_no_account and no session', async () => {
    idporten.loginAs({ pid: newPid() });
    const agent = new Agent(env.app);
    const { response } = await loginVia(agent, 'idporten');
    expectRedirect(response, '/logg-inn?feil=auth.oidc_no_account');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('treats a login without pid (foreign eID) as no account', async () => {
    idporten.loginAs({});
    const agent = new Agent(env.app);
    const { response } = await loginVia(agent, 'idporten');
    expectRedirect(response, '/logg-inn?feil=auth.oidc_no_account');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('refuses a tampered state', async () => {
    const pid = newPid();
    await citizenWithPid(pid);
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    const { callback } = await toCallback(agent, 'idporten');
    const url = new URL(callback, PUBLIC_URL);
    url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    const response = await agent.get(`${url.pathname}${url.search}`);
    expectRedirect(response, '/logg-inn?feil=auth.oidc_failed');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('refuses a forged or missing state cookie', async () => {
    const pid = newPid();
    await citizenWithPid(pid);
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    const { callback, stateCookie } = await toCallback(agent, 'idporten');
    const [payload = '', mac = ''] = stateCookie.split('.');
    const forgedMac = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const cookie of [`landsby.oidc=${payload}.${forgedMac}`, '', 'landsby.oidc=garbage']) {
      const response = await env.app.inject({ method: 'GET', url: callback, headers: { cookie } });
      expectRedirect(response, '/logg-inn?feil=auth.oidc_failed');
      expect(response.cookies.find((c) => c.name === 'landsby.sid')).toBeUndefined();
    }
  });

  it('refuses to replay a callback, with or without the old state cookie', async () => {
    const pid = newPid();
    await citizenWithPid(pid);
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    const { response, callback, stateCookie } = await loginVia(agent, 'idporten');
    expectRedirect(response, '/');

    // The same browser again: the state cookie was used up.
    expectRedirect(await agent.get(callback), '/logg-inn?feil=auth.oidc_failed');
    // Someone who copied the URL and the cookie: the provider refuses the used code.
    const replay = await env.app.inject({
      method: 'GET',
      url: callback,
      headers: { cookie: `landsby.oidc=${stateCookie}` },
    });
    expectRedirect(replay, '/logg-inn?feil=auth.oidc_failed');
    expect(replay.cookies.find((c) => c.name === 'landsby.sid')).toBeUndefined();
  });

  it('refuses a level below substantial (acr idporten-loa-low)', async () => {
    const pid = newPid();
    await citizenWithPid(pid);
    idporten.loginAs({ pid, acr: 'idporten-loa-low' });
    const agent = new Agent(env.app);
    const { response } = await loginVia(agent, 'idporten');
    expectRedirect(response, '/logg-inn?feil=auth.oidc_failed');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('accepts idporten-loa-high', async () => {
    const pid = newPid();
    const user = await citizenWithPid(pid);
    idporten.loginAs({ pid, acr: 'idporten-loa-high', amr: ['BankID'] });
    const agent = new Agent(env.app);
    expectRedirect((await loginVia(agent, 'idporten')).response, '/');
    expect((await sessionUser(agent))?.id).toBe(user.id);
  });

  it('requires iss in the authorization response', async () => {
    const pid = newPid();
    await citizenWithPid(pid);
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    const { callback } = await toCallback(agent, 'idporten');
    const url = new URL(callback, PUBLIC_URL);
    expect(url.searchParams.get('iss')).toBe(idporten.issuer);
    url.searchParams.delete('iss');
    expectRedirect(await agent.get(`${url.pathname}${url.search}`), '/logg-inn?feil=auth.oidc_failed');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('turns an error from the provider into auth.oidc_failed', async () => {
    const agent = new Agent(env.app);
    const start = await agent.get('/api/auth/oidc/idporten/start');
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const query = new URLSearchParams({ error: 'access_denied', state, iss: idporten.issuer });
    const response = await agent.get(`/api/auth/oidc/idporten/callback?${query}`);
    expectRedirect(response, '/logg-inn?feil=auth.oidc_failed');
  });

  it('sends an inactive account to the login page with auth.inactive', async () => {
    const pid = newPid();
    const user = await citizenWithPid(pid);
    await asSystem(env.db, (tx) =>
      updateUser(tx, municipality, user.id, { roles: ['foster_parent'], active: false }),
    );
    idporten.loginAs({ pid });
    const agent = new Agent(env.app);
    expectRedirect((await loginVia(agent, 'idporten')).response, '/logg-inn?feil=auth.inactive');
    expect(await sessionUser(agent)).toBeNull();
  });

  it('the stand-in refuses what ID-porten refuses', async () => {
    const agent = new Agent(env.app);
    const start = await agent.get('/api/auth/oidc/idporten/start');
    const good = new URL(String(start.headers.location));
    const broken: [string, (p: URLSearchParams) => void][] = [
      [
        'no PKCE',
        (p) => {
          p.delete('code_challenge');
          p.delete('code_challenge_method');
        },
      ],
      ['plain PKCE', (p) => p.set('code_challenge_method', 'plain')],
      ['no state', (p) => p.delete('state')],
      ['no nonce', (p) => p.delete('nonce')],
      ['bad acr_values', (p) => p.set('acr_values', 'Level3')],
      ['bad ui_locales', (p) => p.set('ui_locales', 'de')],
    ];
    for (const [label, breakIt] of broken) {
      const url = new URL(good);
      breakIt(url.searchParams);
      const back = await new ProviderBrowser().follow(url.href);
      expect(back.searchParams.get('error'), label).toMatch(/invalid_request|unsupported/);
    }
    const url = new URL(good);
    url.searchParams.set('response_type', 'id_token');
    const back = await new ProviderBrowser().follow(url.href);
    expect(back.searchParams.get('error') ?? new URLSearchParams(back.hash.slice(1)).get('error')).toBe(
      'unsupported_response_type',
    );
  });
});

// --- Entra ID ---------------------------------------------------------------------------------------

describe('Entra ID', () => {
  it('asks for openid profile email with PKCE', async () => {
    const { start } = await toCallback(new Agent(env.app), 'entra');
    const sent = new URL(String(start.headers.location));
    expect(sent.href.startsWith(`${entra.issuer}/`)).toBe(true);
    expect(Object.fromEntries(sent.searchParams)).toMatchObject({
      response_type: 'code',
      scope: 'openid profile email',
      code_challenge_method: 'S256',
    });
    expect(sent.searchParams.has('acr_values')).toBe(false);
  });

  it('links an invited user by tid:oid with the invitation, then logs in without it', async () => {
    const invited = await createUser(env.db, municipality, ['caseworker'], { password: null });
    const token = randomToken();
    await asSystem(env.db, (tx) =>
      insertAccountToken(tx, {
        tokenHash: sha256(token),
        userId: invited.id,
        municipalityId: municipality,
        purpose: 'invite',
        expiresAt: new Date(Date.now() + 86_400_000),
      }),
    );
    const oid = crypto.randomUUID();
    entra.loginAs({ oid, preferredUsername: invited.email, email: invited.email });

    const first = new Agent(env.app);
    const { response } = await loginVia(first, 'entra', `?invite=${encodeURIComponent(token)}`);
    expectRedirect(response, '/');
    expect((await sessionUser(first))?.id).toBe(invited.id);

    const identities = (await tableRows('user_identity')).filter((r) => r.user_id === invited.id);
    expect(identities).toEqual([
      expect.objectContaining({ provider: 'entra', subject: `${entra.tenantId}:${oid}` }),
    ]);
    expect(JSON.stringify(identities)).not.toContain(invited.email);
    // The invitation is used up.
    expect(await asSystem(env.db, (tx) => findValidAccountToken(tx, sha256(token)))).toBeUndefined();

    const later = new Agent(env.app);
    expectRedirect((await loginVia(later, 'entra')).response, '/');
    expect((await sessionUser(later))?.id).toBe(invited.id);

    const logins = (await tableRows('audit_log')).filter(
      (r) => r.action === 'login' && r.actor_user_id === invited.id,
    );
    expect(logins).toHaveLength(2);
    expect(logins[0]?.details).toEqual({ method: 'entra' });
    const links = (await tableRows('audit_log')).filter(
      (r) => r.action === 'identity_linked' && r.subject_id === invited.id,
    );
    expect(links).toEqual([expect.objectContaining({ details: { provider: 'entra', via: 'invite' } })]);
  });

  it('does not link with a used or unknown invitation, nor without one', async () => {
    entra.loginAs({ oid: crypto.randomUUID(), preferredUsername: 'ny@kommune.no' });
    for (const query of ['', `?invite=${randomToken()}`]) {
      const agent = new Agent(env.app);
      expectRedirect((await loginVia(agent, 'entra', query)).response, '/logg-inn?feil=auth.oidc_no_account');
      expect(await sessionUser(agent)).toBeNull();
    }
  });

  it('ignores an invitation token on ID-porten', async () => {
    const agent = new Agent(env.app);
    const { start } = await toCallback(agent, 'idporten', `?invite=${randomToken()}`);
    const cookie = start.cookies.find((c) => c.name === 'landsby.oidc')?.value ?? '';
    const payload = JSON.parse(Buffer.from(cookie.split('.')[0] ?? '', 'base64url').toString());
    expect(payload.inviteHash).toBeUndefined();
  });
});

// --- Both -------------------------------------------------------------------------------------------

describe('OIDC routes', () => {
  it('audits logins with their method', async () => {
    const pid = newPid();
    const user = await citizenWithPid(pid);
    idporten.loginAs({ pid });
    await loginVia(new Agent(env.app), 'idporten');
    const logins = (await tableRows('audit_log')).filter(
      (r) => r.action === 'login' && r.actor_user_id === user.id,
    );
    expect(logins).toEqual([
      expect.objectContaining({ details: { method: 'idporten' }, record_id: user.id }),
    ]);
  });

  it('answers bad input with 404 or a redirect, never a 500', async () => {
    const agent = new Agent(env.app);
    for (const url of ['/api/auth/oidc/x/start', '/api/auth/oidc/x/callback?code=a&state=b']) {
      const response = await agent.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    for (const query of ['', '?state=abc', '?code=abc', '?code=abc&state=def&iss=x', '?error=x']) {
      expectRedirect(
        await agent.get(`/api/auth/oidc/idporten/callback${query}`),
        '/logg-inn?feil=auth.oidc_failed',
      );
    }
    expect((await agent.get('/api/auth/oidc/entra/start?locale=xx')).statusCode).toBe(400);
  });

  it('answers 404 for a provider that is not configured', async () => {
    const bare = await createTestEnv();
    try {
      for (const provider of ['entra', 'idporten']) {
        const response = await bare.app.inject({ method: 'GET', url: `/api/auth/oidc/${provider}/start` });
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('not_found');
      }
    } finally {
      await bare.close();
    }
  });

  it('redirects to the login page when the provider cannot be reached', async () => {
    const down = await createTestEnv({
      OIDC_ALLOW_HTTP: 'true',
      IDPORTEN_ISSUER: 'http://127.0.0.1:9',
      IDPORTEN_CLIENT_ID: 'x',
      IDPORTEN_CLIENT_SECRET: 'y',
    });
    try {
      const response = await down.app.inject({ method: 'GET', url: '/api/auth/oidc/idporten/start' });
      expectRedirect(response, '/logg-inn?feil=auth.oidc_failed');
    } finally {
      await down.close();
    }
  });

  it('documents both routes in the OpenAPI description', async () => {
    const paths = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
    expect(paths['/api/auth/oidc/{provider}/start'].get.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'invite', in: 'query' })]),
    );
    expect(paths['/api/auth/oidc/{provider}/callback'].get).toBeDefined();
  });
});
