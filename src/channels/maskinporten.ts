import { createPrivateKey, type KeyObject, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import type { MaskinportenConfig } from '../server/config.js';

/**
 * A Maskinporten token client: the JWT grant (RFC 7523) as Digdir documents it
 * (docs.digdir.no/docs/Maskinporten/maskinporten_protocol_jwtgrant and …_protocol_token;
 * INTEGRATIONS.md §5.2). SvarUt takes the token as Bearer with scope ks:fiks (§2.1).
 *
 * - The grant: header alg RS256 with either `kid` (a key registered on the client) or `x5c` (the
 *   business certificate chain); claims aud = Maskinporten's issuer (https://maskinporten.no/,
 *   https://test.maskinporten.no/), iss = the client id, scope, iat, exp (exp − iat ≤ 120 s) and a
 *   fresh jti. No other claim: Maskinporten refuses unknown claims ("Invalid assertion").
 * - The request: POST {issuer}token, form-encoded grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
 *   and assertion=<grant>; the answer {access_token, token_type, expires_in, scope}, an error
 *   {error, error_description} (OAuth 2.0, RFC 6749 §5.2).
 * - The token is kept until shortly before it expires; callers asking at the same time share one
 *   request. Errors name what went wrong in Maskinporten's words, never the key, grant or token.
 */

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Maskinporten did not give a token. `retryable`: network, 5xx, 429 (asking again later may help). */
export class MaskinportenError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'MaskinportenError';
  }
}

export interface MaskinportenKey {
  privateKey: KeyObject;
  /** The certificate chain, base64 DER, leaf first (x5c). */
  x5c: string[];
}

/** Reads the PEM file: one private key and any certificates. The error never quotes the file. */
export function loadMaskinportenKey(keyFile: string): MaskinportenKey {
  let pem: string;
  try {
    pem = readFileSync(keyFile, 'utf8');
  } catch (error) {
    throw new Error(
      `MASKINPORTEN_KEY_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const keyBlock = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(pem);
  if (!keyBlock) throw new Error('MASKINPORTEN_KEY_FILE holds no PEM private key (BEGIN PRIVATE KEY).');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyBlock[0]);
  } catch {
    throw new Error('MASKINPORTEN_KEY_FILE: the private key cannot be read (encrypted, or not PEM).');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error('MASKINPORTEN_KEY_FILE must hold an RSA key (Maskinporten takes RS256, RS384, RS512).');
  }
  const x5c = [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map((m) => {
    try {
      return new X509Certificate(m[0]).raw.toString('base64');
    } catch {
      throw new Error('MASKINPORTEN_KEY_FILE: a certificate in it cannot be read.');
    }
  });
  return { privateKey, x5c };
}

export interface MaskinportenOptions {
  fetch?: typeof fetch;
  /** Default ks:fiks (SvarUt). Whitespace-separated for several. */
  scope?: string;
  /** The token is renewed this long before it expires (default 60 s). */
  refreshMarginSeconds?: number;
  /** The grant's lifetime, at most 120 s (default 60 s). */
  grantSeconds?: number;
  timeoutMs?: number;
  /** The clock, for tests (ms since 1970). */
  now?: () => number;
  /** The key; default: read from config.keyFile. */
  key?: MaskinportenKey;
}

export interface MaskinportenClient {
  /** A valid access token: the kept one, or a new one from Maskinporten. */
  getToken(): Promise<string>;
  /** Forget the kept token (e.g. after the API refused it). */
  reset(): void;
}

/** OAuth's {error, error_description} (or anything else) → words without secrets. */
function describeError(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    if (typeof body.error === 'string') {
      const description = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      return `Maskinporten refused the token request (HTTP ${status}, ${body.error}${description.slice(0, 300)})`;
    }
  } catch {
    // not JSON
  }
  return `Maskinporten answered HTTP ${status}`;
}

export function createMaskinportenClient(
  config: MaskinportenConfig,
  options: MaskinportenOptions = {},
): MaskinportenClient {
  const key = options.key ?? loadMaskinportenKey(config.keyFile);
  if (!config.kid && key.x5c.length === 0) {
    throw new Error(
      'Maskinporten needs MASKINPORTEN_KID (a registered key) or the business certificate in MASKINPORTEN_KEY_FILE.',
    );
  }
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const scope = options.scope ?? 'ks:fiks';
  const margin = (options.refreshMarginSeconds ?? 60) * 1000;
  const grantSeconds = Math.min(options.grantSeconds ?? 60, 120);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const issuer = `${config.url.replace(/\/+$/, '')}/`;
  const tokenEndpoint = `${issuer}token`;

  let kept: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function grant(): Promise<string> {
    const iat = Math.floor(now() / 1000);
    return new SignJWT({ scope })
      .setProtectedHeader(config.kid ? { alg: 'RS256', kid: config.kid } : { alg: 'RS256', x5c: key.x5c })
      .setAudience(issuer)
      .setIssuer(config.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(iat + grantSeconds)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({ grant_type: JWT_BEARER, assertion: await grant() });
    let response: Response;
    let text: string;
    try {
      response = await doFetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: body.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const cause = (error as Error).cause as { code?: string } | undefined;
      throw new MaskinportenError(
        `Maskinporten could not be reached (${cause?.code ?? (error as Error).name})`,
        true,
      );
    }
    if (response.status !== 200) {
      throw new MaskinportenError(
        describeError(response.status, text),
        response.status >= 500 || response.status === 429,
      );
    }
    let answer: { access_token?: unknown; expires_in?: unknown };
    try {
      answer = JSON.parse(text);
    } catch {
      throw new MaskinportenError('Maskinporten answered 200 without JSON', true);
    }
    if (typeof answer.access_token !== 'string' || !answer.access_token) {
      throw new MaskinportenError('Maskinporten answered 200 without an access_token', false);
    }
    const expiresIn = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : 0;
    // A token shorter-lived than the margin is used once and asked for again next time.
    kept = { token: answer.access_token, expiresAt: now() + expiresIn * 1000 - margin };
    return answer.access_token;
  }

  return {
    getToken() {
      if (kept && now() < kept.expiresAt) return Promise.resolve(kept.token);
      if (!pending) {
        pending = fetchToken().finally(() => {
          pending = undefined;
        });
      }
      return pending;
    },
    reset() {
      kept = undefined;
    },
  };
}
