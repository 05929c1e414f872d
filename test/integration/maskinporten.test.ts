import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChannels } from '../../src/channels/index.js';
import {
  createMaskinportenClient,
  JWT_BEARER,
  loadMaskinportenKey,
  MaskinportenError,
} from '../../src/channels/maskinporten.js';
import { ConfigError, loadConfig, type MaskinportenConfig } from '../../src/server/config.js';
import { type SvarUtStandIn, startSvarUtStandIn } from '../support/svarut-stand-in.js';

/**
 * The Maskinporten token client against a stand-in on loopback that checks the JWT grant as
 * Digdir documents it (docs.digdir.no Maskinporten: maskinporten_protocol_jwtgrant and
 * maskinporten_protocol_token): form-encoded grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
 * and assertion; header alg RS256/384/512 with kid (a registered key) or x5c; claims aud = the
 * issuer, iss = client id, scope, iat within 10 s of its clock, exp − iat ≤ 120, a jti that is
 * never reused, and no claim beyond the documented ones. It answers {access_token, token_type,
 * expires_in, scope}. ASSUMED (not in the sources): the HTTP status 400 and the error wording of
 * {error, error_description}, which follow OAuth 2.0 (RFC 6749 §5.2).
 */

const CLIENT_ID = `client-${randomUUID()}`;
const KID = `kid-${randomUUID()}`;
const KNOWN_CLAIMS = new Set(['aud', 'iss', 'iat', 'exp', 'jti', 'scope', 'resource']);

interface Grant {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  assertion: string;
}

interface MaskinportenStandIn {
  url: string;
  grants: Grant[];
  /** Answers for the next requests, in order: an HTTP status and JSON body. */
  answers: { status: number; body: object }[];
  tokens: string[];
  /** The token to issue next (default: a fresh one); expires_in of the next tokens. */
  nextToken?: string;
  expiresIn: number;
  /** Milliseconds to wait before answering. */
  delay: number;
  clock: () => number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function startMaskinporten(publicKey: KeyObject, clock: () => number): Promise<MaskinportenStandIn> {
  const seenJti = new Set<string>();
  let server: Server | undefined;
  const standIn: MaskinportenStandIn = {
    url: '',
    grants: [],
    answers: [],
    tokens: [],
    expiresIn: 120,
    delay: 0,
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        server?.closeAllConnections();
        server?.close(() => resolve());
      }),
  };
  const invalid = (description: string) => ({
    status: 400,
    body: { error: 'invalid_grant', error_description: description },
  });

  async function handle(req: IncomingMessage): Promise<{ status: number; body: object }> {
    if (req.method !== 'POST' || req.url !== '/token') return { status: 404, body: { error: 'not_found' } };
    if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Wrong content type' } };
    }
    const form = new URLSearchParams(await readBody(req));
    if (form.get('grant_type') !== JWT_BEARER) {
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type' } };
    }
    const assertion = form.get('assertion');
    if (!assertion)
      return { status: 400, body: { error: 'invalid_request', error_description: 'No assertion' } };
    const header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    if (!['RS256', 'RS384', 'RS512'].includes(String(header.alg))) return invalid('Invalid assertion. alg');
    if (!header.kid && !header.x5c) return invalid('Invalid assertion. Neither kid nor x5c');
    if (header.kid !== undefined && header.kid !== KID) return invalid('Invalid assertion. Unknown kid');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(assertion, publicKey, {
        algorithms: ['RS256', 'RS384', 'RS512'],
        audience: `${standIn.url}/`,
        issuer: CLIENT_ID,
        currentDate: new Date(standIn.clock()),
        requiredClaims: ['iat', 'exp', 'scope'],
      }));
    } catch {
      return invalid('Invalid assertion. Client authentication failed.');
    }
    const iat = Number(claims.iat);
    const exp = Number(claims.exp);
    if (Math.abs(iat - standIn.clock() / 1000) > 10) return invalid('Invalid assertion. iat');
    if (exp - iat > 120) return invalid('Invalid assertion. exp - iat > 120');
    if (Object.keys(claims).some((claim) => !KNOWN_CLAIMS.has(claim))) return invalid('Invalid assertion.');
    if (typeof claims.jti === 'string') {
      if (seenJti.has(claims.jti)) return invalid('Invalid assertion. jti reused');
      seenJti.add(claims.jti);
    }
    if (claims.scope !== 'ks:fiks') return { status: 400, body: { error: 'invalid_scope' } };
    standIn.grants.push({ header, claims, assertion });
    const answer = standIn.answers.shift();
    if (answer) return answer;
    const token = standIn.nextToken ?? `mp-token-${randomUUID()}`;
    standIn.tokens.push(token);
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: standIn.expiresIn, scope: 'ks:fiks' },
    };
  }

  server = createServer((req, res) => {
    handle(req)
      .then(async ({ status, body }) => {
        if (standIn.delay) await new Promise((r) => setTimeout(r, standIn.delay));
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: String(error) }));
      });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
let dir: string;
let keyFile: string;
let now: number;
let maskinporten: MaskinportenStandIn;

const config = (change: Partial<MaskinportenConfig> = {}): MaskinportenConfig => ({
  url: maskinporten.url,
  clientId: CLIENT_ID,
  kid: KID,
  keyFile,
  ...change,
});
const client = (change: Partial<MaskinportenConfig> = {}) =>
  createMaskinportenClient(config(change), { now: () => now, timeoutMs: 5_000 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landsby-maskinporten-'));
  keyFile = join(dir, 'maskinporten.pem');
  writeFileSync(keyFile, pem, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  now = Date.now();
  maskinporten = await startMaskinporten(keys.publicKey, () => now);
});
afterEach(async () => {
  await maskinporten.close();
});

describe('Maskinporten token client', () => {
  it('gets a token with a JWT grant as Maskinporten documents it', async () => {
    const token = await client().getToken();
    expect(token).toBe(maskinporten.tokens[0]);
    expect(maskinporten.grants).toHaveLength(1);
    const [grant] = maskinporten.grants;
    expect(grant?.header).toEqual({ alg: 'RS256', kid: KID });
    expect(grant?.claims).toMatchObject({
      aud: `${maskinporten.url}/`,
      iss: CLIENT_ID,
      scope: 'ks:fiks',
      iat: Math.floor(now / 1000),
    });
    expect(Number(grant?.claims.exp) - Number(grant?.claims.iat)).toBeLessThanOrEqual(120);
    expect(grant?.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(grant?.claims ?? {}).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope']);
  });

  it('keeps the token until shortly before it expires, then gets a new one with a new jti', async () => {
    maskinporten.expiresIn = 600;
    const mp = client();
    const first = await mp.getToken();
    now += 500_000; // 100 s left: still good
    expect(await mp.getToken()).toBe(first);
    expect(maskinporten.grants).toHaveLength(1);
    now += 50_000; // 50 s left: within the minute's margin
    const second = await mp.getToken();
    expect(second).not.toBe(first);
    expect(maskinporten.grants).toHaveLength(2);
    expect(maskinporten.grants[1]?.claims.jti).not.toBe(maskinporten.grants[0]?.claims.jti);
    mp.reset();
    expect(await mp.getToken()).not.toBe(second);
  });

  it('asks once for callers that ask at the same time', async () => {
    maskinporten.delay = 200;
    const mp = client();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => mp.getToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(maskinporten.grants).toHaveLength(1);
  });

  it("reports Maskinporten's refusal in its words, without key, grant or token, and asks again next time", async () => {
    maskinporten.answers.push({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid assertion. Client authentication failed.' },
    });
    const mp = client();
    const error = await mp.getToken().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MaskinportenError);
    expect((error as MaskinportenError).retryable).toBe(false);
    expect((error as Error).message).toBe(
      'Maskinporten refused the token request (HTTP 400, invalid_grant: Invalid assertion. Client authentication failed.)',
    );
    const grant = maskinporten.grants[0]?.assertion ?? 'no grant';
    for (const secret of [grant, grant.split('.')[2] ?? '', 'PRIVATE KEY', pem.split('\n')[1] ?? '']) {
      expect((error as Error).message).not.toContain(secret);
      expect((error as Error).stack ?? '').not.toContain(secret);
    }
    // A failure is not kept: the next call asks again, with a new grant.
    expect(await mp.getToken()).toBe(maskinporten.tokens[0]);
    expect(maskinporten.grants).toHaveLength(2);
  });

  it('is refused for a grant signed with another key or for another client', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const wrongKey = createMaskinportenClient(config(), {
      key: { privateKey: other.privateKey, x5c: [] },
      now: () => now,
    });
    await expect(wrongKey.getToken()).rejects.toThrow(/invalid_grant: Invalid assertion/);
    await expect(client({ clientId: 'someone-else' }).getToken()).rejects.toThrow(/invalid_grant/);
    await expect(client({ kid: 'unknown-kid' }).getToken()).rejects.toThrow(/invalid_grant/);
    expect(maskinporten.tokens).toHaveLength(0);
  });

  it('says when Maskinporten is down or cannot be reached, and that it may be tried again', async () => {
    maskinporten.answers.push({ status: 503, body: { error: 'temporarily_unavailable' } });
    await expect(client().getToken()).rejects.toMatchObject({
      retryable: true,
      message: 'Maskinporten refused the token request (HTTP 503, temporarily_unavailable)',
    });
    const url = maskinporten.url;
    await maskinporten.close();
    const error = await client({ url })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaskinportenError);
    expect(error).toMatchObject({ retryable: true });
    expect((error as Error).message).toMatch(/^Maskinporten could not be reached \(ECONNREFUSED\)$/);
  });

  it('needs a kid or a certificate, and reads the key file without quoting it', () => {
    expect(() => client({ kid: undefined })).toThrow(/MASKINPORTEN_KID .* or the business certificate/);
    expect(loadMaskinportenKey(keyFile).x5c).toEqual([]);
    const broken = join(dir, 'broken.pem');
    writeFileSync(broken, `${pem.slice(0, 200)}\n`);
    expect(() => loadMaskinportenKey(broken)).toThrow('MASKINPORTEN_KEY_FILE holds no PEM private key');
    expect(() => loadMaskinportenKey(join(dir, 'missing.pem'))).toThrow(
      'MASKINPORTEN_KEY_FILE cannot be read (ENOENT).',
    );
    const ec = join(dir, 'ec.pem');
    writeFileSync(
      ec,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(() => loadMaskinportenKey(ec)).toThrow('must hold an RSA key');
  });
});

describe('configuration and SvarUt with Maskinporten', () => {
  const base = { DATA_DIR: '.tmp/config-test', SECRET_KEY: 's'.repeat(32) };
  let svarut: SvarUtStandIn;
  beforeEach(async () => {
    svarut = await startSvarUtStandIn();
  });
  afterEach(async () => {
    await svarut.close();
  });
  const svarutEnv = () => ({
    SVARUT_URL: svarut.url,
    SVARUT_KONTO_ID: svarut.kontoId,
    SVARUT_INTEGRASJON_ID: svarut.integrasjonId,
    SVARUT_INTEGRASJON_PASSORD: svarut.integrasjonPassord,
  });

  it('checks the MASKINPORTEN_ variables and makes SVARUT_TOKEN optional with them', () => {
    expect(() => loadConfig({ ...base, ...svarutEnv() })).toThrow('SVARUT_TOKEN is required');
    const env = {
      ...base,
      ...svarutEnv(),
      MASKINPORTEN_URL: 'https://test.maskinporten.no/',
      MASKINPORTEN_CLIENT_ID: CLIENT_ID,
      MASKINPORTEN_KID: KID,
      MASKINPORTEN_KEY_FILE: keyFile,
    };
    expect(loadConfig(env).maskinporten).toEqual({
      url: 'https://test.maskinporten.no',
      clientId: CLIENT_ID,
      kid: KID,
      keyFile,
    });
    expect(loadConfig(env).svarut?.token).toBe('');
    expect(loadConfig({ ...base }).maskinporten).toBeUndefined();
    for (const [change, message] of [
      [{ MASKINPORTEN_CLIENT_ID: '' }, 'MASKINPORTEN_CLIENT_ID is required'],
      [{ MASKINPORTEN_KEY_FILE: '' }, 'MASKINPORTEN_KEY_FILE is required'],
      [{ MASKINPORTEN_KEY_FILE: join(dir, 'missing.pem') }, 'MASKINPORTEN_KEY_FILE names a file that'],
      [{ MASKINPORTEN_URL: 'ftp://maskinporten.no' }, 'MASKINPORTEN_URL must start with'],
      [{ MASKINPORTEN_SCOPE: 'ks:fiks' }, 'Unknown variable MASKINPORTEN_SCOPE'],
    ] as const) {
      expect(() => loadConfig({ ...env, ...change })).toThrow(ConfigError);
      expect(() => loadConfig({ ...env, ...change })).toThrow(message);
    }
  });

  it("sends digital mail with Maskinporten's token instead of SVARUT_TOKEN", async () => {
    maskinporten.nextToken = svarut.token;
    const config = loadConfig({
      ...base,
      ...svarutEnv(),
      SVARUT_TOKEN: 'an-old-token-that-svarut-refuses',
      MASKINPORTEN_URL: maskinporten.url,
      MASKINPORTEN_CLIENT_ID: CLIENT_ID,
      MASKINPORTEN_KID: KID,
      MASKINPORTEN_KEY_FILE: keyFile,
    });
    const channel = createChannels(config).digital_mail;
    const result = await channel.send({
      id: randomUUID(),
      channel: 'digital_mail',
      to: {
        name: 'Kari Nordmann',
        address: { name: 'Kari Nordmann', line: 'Storgata 1', postcode: '0155', place: 'OSLO' },
      },
      subject: 'Invitasjon',
      text: 'Velkommen!',
      pdf: new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1')),
    });
    expect(result).toMatchObject({ status: 'sent' });
    expect(svarut.received[0]?.headers.authorization).toBe(`Bearer ${svarut.token}`);
    expect(await channel.queryStatus([result.providerId as string])).toHaveLength(1);
    // One token for both requests.
    expect(maskinporten.grants).toHaveLength(1);
  });
});
