import * as client from 'openid-client';
import type { Locale } from '../../../i18n/staff.js';
import type { Config, OidcClientConfig } from '../../../server/config.js';
import { pseudonym, safeEqual } from '../../../server/crypto.js';

/**
 * OpenID Connect clients: Entra ID for staff, ID-porten for citizens (see
 * shared/design/INTEGRATIONS.md §3–4). Authorization code flow with PKCE S256, state and nonce;
 * the client secret goes in the token request body (client_secret_post).
 */

const OIDC_PROVIDERS = ['entra', 'idporten'] as const;
export type OidcProvider = (typeof OIDC_PROVIDERS)[number];

export function isOidcProvider(value: string): value is OidcProvider {
  return (OIDC_PROVIDERS as readonly string[]).includes(value);
}

/** ID-porten levels we accept; `idporten-loa-low` is not enough for Landsby. */
const IDPORTEN_ACCEPTED_ACR = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
const IDPORTEN_REQUESTED_ACR = 'idporten-loa-substantial';

/** How long a started login may take before the callback is refused. */
export const OIDC_STATE_MINUTES = 10;
/** Digdir suggests caching provider metadata for about a day. */
const METADATA_TTL_MS = 24 * 3_600_000;
const HTTP_TIMEOUT_SECONDS = 10;

/** What the callback needs to finish a login; carried in a signed cookie between start and callback. */
export interface OidcLoginState {
  provider: OidcProvider;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** SHA-256 of an invitation token (Entra only): links the login to the invited user. */
  inviteHash?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * A failed login; `reason` is safe to log (no personal data, no tokens). `no_pid` means the
 * person was authenticated but cannot be matched to an account.
 */
export class OidcLoginError extends Error {
  constructor(
    readonly reason: string,
    readonly details: Record<string, string | undefined> = {},
  ) {
    super(`OIDC login failed: ${reason}`);
    this.name = 'OidcLoginError';
  }
}

/** The result of a login: the subject to look up in user_identity, never a raw identity number. */
export interface OidcIdentity {
  provider: OidcProvider;
  subject: string;
}

export interface Oidc {
  isConfigured(provider: OidcProvider): boolean;
  redirectUri(provider: OidcProvider): string;
  start(
    provider: OidcProvider,
    options: { locale: Locale; inviteHash?: string },
  ): Promise<{ url: URL; state: OidcLoginState }>;
  /** Checks the authorization response, exchanges the code and validates the id_token. */
  finish(provider: OidcProvider, callbackQuery: string, state: OidcLoginState): Promise<OidcIdentity>;
}

type ConfigPart = Pick<Config, 'entra' | 'idporten' | 'oidcAllowHttp' | 'publicUrl' | 'secretKey'>;

export function createOidc(config: ConfigPart): Oidc {
  const cache = new Map<OidcProvider, { loadedAt: number; configuration: Promise<client.Configuration> }>();

  function settings(provider: OidcProvider): OidcClientConfig {
    const found = config[provider];
    if (!found) throw new OidcLoginError('not_configured');
    return found;
  }

  /** Discovery once per provider, kept for a day; a failed discovery is retried on the next login. */
  function configuration(provider: OidcProvider): Promise<client.Configuration> {
    const cached = cache.get(provider);
    if (cached && Date.now() - cached.loadedAt < METADATA_TTL_MS) return cached.configuration;
    const { issuer, clientId, clientSecret } = settings(provider);
    const execute = [client.enableNonRepudiationChecks];
    if (config.oidcAllowHttp) execute.push(client.allowInsecureRequests);
    const loading = client
      .discovery(new URL(issuer), clientId, undefined, client.ClientSecretPost(clientSecret), {
        execute,
        timeout: HTTP_TIMEOUT_SECONDS,
      })
      .catch((error: unknown) => {
        cache.delete(provider);
        throw error;
      });
    cache.set(provider, { loadedAt: Date.now(), configuration: loading });
    return loading;
  }

  function redirectUri(provider: OidcProvider): string {
    return `${config.publicUrl}/api/auth/oidc/${provider}/callback`;
  }

  return {
    isConfigured: (provider) => Boolean(config[provider]),
    redirectUri,

    async start(provider, options) {
      const oidcConfig = await configuration(provider);
      const state: OidcLoginState = {
        provider,
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        expiresAt: Date.now() + OIDC_STATE_MINUTES * 60_000,
        ...(provider === 'entra' && options.inviteHash ? { inviteHash: options.inviteHash } : {}),
      };
      const parameters: Record<string, string> = {
        redirect_uri: redirectUri(provider),
        response_type: 'code',
        state: state.state,
        nonce: state.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (provider === 'idporten') {
        parameters.scope = 'openid profile';
        parameters.acr_values = IDPORTEN_REQUESTED_ACR;
        parameters.ui_locales = options.locale;
      } else {
        parameters.scope = 'openid profile email';
      }
      return { url: client.buildAuthorizationUrl(oidcConfig, parameters), state };
    },

    async finish(provider, callbackQuery, state) {
      if (state.provider !== provider) throw new OidcLoginError('provider_mismatch');
      const currentUrl = new URL(redirectUri(provider));
      currentUrl.search = callbackQuery;
      const params = currentUrl.searchParams;
      const error = params.get('error');
      if (error) throw new OidcLoginError('provider_error', { error: error.slice(0, 64) });
      const returnedState = params.get('state');
      if (!returnedState || !safeEqual(returnedState, state.state))
        throw new OidcLoginError('state_mismatch');
      if (!params.get('code')) throw new OidcLoginError('missing_code');
      // RFC 9207: ID-porten sends `iss` in the authorization response; openid-client compares it.
      if (provider === 'idporten' && !params.get('iss')) throw new OidcLoginError('missing_iss');

      const oidcConfig = await configuration(provider);
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(oidcConfig, currentUrl, {
          pkceCodeVerifier: state.codeVerifier,
          expectedState: state.state,
          expectedNonce: state.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (cause) {
        throw new OidcLoginError('token', describeError(cause));
      }
      if (!claims) throw new OidcLoginError('no_id_token');

      if (provider === 'idporten') {
        // The client must check the level itself (INTEGRATIONS.md §3.3).
        const acr = typeof claims.acr === 'string' ? claims.acr : '';
        if (!(IDPORTEN_ACCEPTED_ACR as readonly string[]).includes(acr)) {
          throw new OidcLoginError('acr', { acr: acr.slice(0, 64) });
        }
        const pid = claims.pid;
        // Foreign eIDs may come without pid: such a person cannot have a Landsby account.
        if (typeof pid !== 'string' || pid === '') throw new OidcLoginError('no_pid');
        // The national identity number itself is never kept, only its keyed pseudonym.
        return { provider, subject: pseudonym(config.secretKey, pid) };
      }
      const { oid, tid } = claims;
      if (typeof oid !== 'string' || typeof tid !== 'string' || !oid || !tid) {
        throw new OidcLoginError('missing_oid_tid');
      }
      return { provider, subject: `${tid}:${oid}` };
    },
  };
}

/** Only what identifies the kind of failure: no token, no claims, no error_description. */
function describeError(error: unknown): Record<string, string | undefined> {
  if (!(error instanceof Error)) return { type: typeof error };
  const withCodes = error as Error & { code?: unknown; error?: unknown };
  return {
    type: error.name,
    code: typeof withCodes.code === 'string' ? withCodes.code : undefined,
    error: typeof withCodes.error === 'string' ? withCodes.error.slice(0, 64) : undefined,
    message: error.message.slice(0, 200),
  };
}

// --- The state cookie ---------------------------------------------------------------------------
// base64url(JSON) "." HMAC-SHA256 under a key derived from SECRET_KEY for this purpose only.

function stateKey(secretKey: string): string {
  return pseudonym(secretKey, 'landsby:oidc-login-state:v1');
}

export function sealLoginState(secretKey: string, state: OidcLoginState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${pseudonym(stateKey(secretKey), payload)}`;
}

/** The state if the cookie is intact, unexpired and for this provider; otherwise null. */
export function openLoginState(
  secretKey: string,
  value: string | undefined,
  provider: OidcProvider,
  now = Date.now(),
): OidcLoginState | null {
  if (!value || value.length > 4096) return null;
  const [payload, mac, ...rest] = value.split('.');
  if (!payload || !mac || rest.length) return null;
  if (!safeEqual(mac, pseudonym(stateKey(secretKey), payload))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isLoginState(parsed)) return null;
  if (parsed.provider !== provider || parsed.expiresAt <= now) return null;
  return parsed;
}

function isLoginState(value: unknown): value is OidcLoginState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.provider === 'string' &&
    isOidcProvider(v.provider) &&
    typeof v.state === 'string' &&
    typeof v.nonce === 'string' &&
    typeof v.codeVerifier === 'string' &&
    typeof v.expiresAt === 'number' &&
    (v.inviteHash === undefined || typeof v.inviteHash === 'string')
  );
}
