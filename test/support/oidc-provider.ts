import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error oidc-provider@8 ships no type declarations; the little used here is typed below.
import OidcProviderModule, { errors as oidcErrors } from 'oidc-provider';
// @ts-expect-error as above; the library's own in-memory storage.
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';

/**
 * A real OpenID provider (oidc-provider@8) on loopback, shaped like ID-porten or like Entra ID as
 * shared/design/INTEGRATIONS.md §3, §4 and §6 describe them. Nobody types a password: the login
 * interaction finishes at once as the user set with `loginAs`. Tests act as the browser, following
 * the provider's redirects over real HTTP with `ProviderBrowser`.
 */

// --- The part of oidc-provider's API this file uses ---------------------------------------------

interface OidcContext {
  oidc: { params: Record<string, unknown> };
}
interface InteractionDetails {
  uid: string;
  params: Record<string, string | undefined>;
  prompt: { name: string };
}
interface OidcGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface OidcProviderInstance {
  issuer: string;
  Grant: new (properties: { accountId: string; clientId: string }) => OidcGrant;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
}
const Provider = OidcProviderModule as new (issuer: string, config: object) => OidcProviderInstance;
const { InvalidRequest } = oidcErrors as { InvalidRequest: new (description: string) => Error };

// --- Public types -------------------------------------------------------------------------------

export const IDPORTEN_ACR_VALUES = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'];
export const IDPORTEN_UI_LOCALES = ['nb', 'nn', 'en', 'se'];

/** Who logs in at the stand-in ID-porten. */
export interface IdportenLogin {
  /** fødselsnummer or d-nummer; leave out for a foreign eID without one. */
  pid?: string;
  /** Default: the first requested `acr_values`. Set `idporten-loa-low` to test the client's check. */
  acr?: string;
  /** Default ['TestID']. */
  amr?: string[];
}

/** Who logs in at the stand-in Entra ID. */
export interface EntraLogin {
  oid: string;
  preferredUsername: string;
  name?: string;
  /** Optional, as in Entra (the claim is not guaranteed). */
  email?: string;
}

export interface StandIn<Login> {
  /** The issuer identifier, e.g. http://127.0.0.1:1234 or http://127.0.0.1:1234/{tenant}/v2.0. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Sets who the next login interaction finishes as. */
  loginAs(login: Login): void;
  /** The query of the last authorization request that reached the provider. */
  lastAuthorizationRequest(): URLSearchParams | undefined;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** The client's redirect URI, e.g. http://landsby.test/api/auth/oidc/idporten/callback. */
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
}

/** A confidential client of the authorization-code flow, as both providers register Landsby. */
const codeClient = (clientId: string, clientSecret: string, redirectUri: string) => ({
  client_id: clientId,
  client_secret: clientSecret,
  redirect_uris: [redirectUri],
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_post',
});

// --- ID-porten -----------------------------------------------------------------------------------

export async function startIdportenStandIn(options: StandInOptions): Promise<StandIn<IdportenLogin>> {
  const clientId = options.clientId ?? `landsby-test-${randomBytes(4).toString('hex')}`;
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  let current: IdportenLogin = { pid: '01017012345' };
  // accountId (a stable per-person `sub`) → what the id_token says about that person.
  const people = new Map<string, { pid?: string; locale?: string }>();

  const required = (name: string) => (_ctx: OidcContext, value: unknown) => {
    if (typeof value !== 'string' || value === '') throw new InvalidRequest(`${name} is required`);
  };

  return start<IdportenLogin>({
    clientId,
    clientSecret,
    mountPath: '',
    setLogin: (login) => {
      current = login;
    },
    configuration: () => ({
      clients: [
        {
          ...codeClient(clientId, clientSecret, options.redirectUri),
          require_auth_time: true,
          // ID-porten includes `sid` when the client registers for session-bound logout.
          backchannel_logout_uri: new URL('/api/auth/oidc/idporten/logout', options.redirectUri).href,
          backchannel_logout_session_required: true,
        },
      ],
      responseTypes: ['code'],
      pkce: { methods: ['S256'], required: () => true },
      acrValues: IDPORTEN_ACR_VALUES,
      scopes: ['openid', 'profile'],
      // Claims under `openid` go into the id_token (conformIdTokenClaims: false), as ID-porten's do.
      claims: { acr: null, auth_time: null, sid: null, openid: ['sub', 'pid', 'locale', 'amr'], profile: [] },
      conformIdTokenClaims: false,
      extraParams: {
        state: required('state'),
        nonce: required('nonce'),
        acr_values(_ctx: OidcContext, value: unknown) {
          required('acr_values')(_ctx, value);
          for (const acr of String(value).split(' ')) {
            if (!IDPORTEN_ACR_VALUES.includes(acr)) throw new InvalidRequest('acr_values not supported');
          }
        },
        ui_locales(_ctx: OidcContext, value: unknown) {
          if (value === undefined) return;
          if (typeof value !== 'string' || !IDPORTEN_UI_LOCALES.includes(value)) {
            throw new InvalidRequest('ui_locales must be one of nb, nn, en, se');
          }
        },
      },
      features: {
        devInteractions: { enabled: false },
        backchannelLogout: { enabled: true },
        rpInitiatedLogout: { enabled: true },
      },
      routes: {
        authorization: '/authorize',
        token: '/token',
        jwks: '/jwks.json',
        userinfo: '/userinfo',
        end_session: '/endsession',
      },
      findAccount: (_ctx: unknown, accountId: string) => {
        const person = people.get(accountId);
        if (!person) return undefined;
        return {
          accountId,
          claims: () => ({
            sub: accountId,
            ...(person.pid ? { pid: person.pid } : {}),
            locale: person.locale ?? 'nb',
          }),
        };
      },
    }),
    login: (details) => {
      const login = current;
      const accountId = `idp-${createHash('sha256')
        .update(login.pid ?? 'no-pid')
        .digest('hex')
        .slice(0, 24)}`;
      people.set(accountId, { pid: login.pid, locale: details.params.ui_locales });
      const requestedAcr = details.params.acr_values?.split(' ')[0];
      return {
        accountId,
        acr: login.acr ?? requestedAcr ?? 'idporten-loa-substantial',
        amr: login.amr ?? ['TestID'],
      };
    },
  });
}

// --- Entra ID ------------------------------------------------------------------------------------

export async function startEntraStandIn(
  options: StandInOptions & { tenantId?: string },
): Promise<StandIn<EntraLogin> & { tenantId: string }> {
  const tenantId = options.tenantId ?? '9122040d-6c67-4c5b-b112-36a304b66dad';
  const clientId = options.clientId ?? '6cb04018-a3f5-46a7-b995-940c78f5aef3';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  let current: EntraLogin = {
    oid: '00000000-0000-0000-66f3-3332eca7ea81',
    preferredUsername: 'ola@kommune.no',
  };
  const people = new Map<string, EntraLogin>();

  const standIn = await start<EntraLogin>({
    clientId,
    clientSecret,
    mountPath: `/${tenantId}/v2.0`,
    setLogin: (login) => {
      current = login;
    },
    configuration: () => ({
      clients: [codeClient(clientId, clientSecret, options.redirectUri)],
      responseTypes: ['code'],
      pkce: { methods: ['S256'], required: () => false },
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      claims: {
        openid: ['sub', 'tid'],
        profile: ['oid', 'preferred_username', 'name'],
        email: ['email'],
      },
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      routes: {
        authorization: '/oauth2/v2.0/authorize',
        token: '/oauth2/v2.0/token',
        jwks: '/discovery/v2.0/keys',
        userinfo: '/oidc/userinfo',
        end_session: '/oauth2/v2.0/logout',
      },
      findAccount: (_ctx: unknown, accountId: string) => {
        const person = people.get(accountId);
        if (!person) return undefined;
        return {
          accountId,
          claims: () => ({
            sub: accountId,
            tid: tenantId,
            oid: person.oid,
            preferred_username: person.preferredUsername,
            name: person.name ?? person.preferredUsername,
            ...(person.email ? { email: person.email } : {}),
          }),
        };
      },
    }),
    login: () => {
      const login = current;
      // Entra's `sub` is pairwise (per app); derived here from oid so it differs from it.
      const accountId = createHash('sha256').update(`${clientId}:${login.oid}`).digest('base64url');
      people.set(accountId, login);
      return { accountId, amr: ['pwd'] };
    },
  });
  return { ...standIn, tenantId };
}

// --- Shared machinery ----------------------------------------------------------------------------

/** The built-in in-memory storage under another name, so oidc-provider does not warn on every start. */
class QuietMemoryAdapter extends MemoryAdapter {}

interface StartOptions<Login> {
  clientId: string;
  clientSecret: string;
  /** Path of the issuer under the server's origin ('' or e.g. /{tenant}/v2.0). */
  mountPath: string;
  setLogin(login: Login): void;
  /** oidc-provider configuration beyond what every stand-in shares. */
  configuration(): Record<string, unknown>;
  /** The result of the login interaction for the current user. */
  login(details: InteractionDetails): { accountId: string; acr?: string; amr?: string[] };
}

async function start<Login>(options: StartOptions<Login>): Promise<StandIn<Login>> {
  let provider: OidcProviderInstance | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let lastAuthorization: URLSearchParams | undefined;

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.message : 'stand-in error');
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    if (!provider || !handle) throw new Error('provider not ready');
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (url.pathname.startsWith('/interaction/')) {
      // The login page: finishes at once with the configured user and consents to what was asked.
      const details = await provider.interactionDetails(req, res);
      const login = options.login(details);
      const clientId = details.params.client_id ?? options.clientId;
      const grant = new provider.Grant({ accountId: login.accountId, clientId });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { ...login, remember: false }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (options.mountPath) {
      if (!url.pathname.startsWith(`${options.mountPath}/`)) {
        res.statusCode = 404;
        res.end('not found');
        return;
      }
      // Mounted under the issuer's path, as an express app would be: oidc-provider reads originalUrl.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(options.mountPath.length) || '/';
    }
    if (/\/(authorize|oauth2\/v2\.0\/authorize)$/.test(url.pathname)) lastAuthorization = url.searchParams;
    handle(req, res);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}${options.mountPath}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(6).toString('hex'), use: 'sig' };

  provider = new Provider(issuer, {
    ...options.configuration(),
    adapter: QuietMemoryAdapter,
    jwks: { keys: [{ ...jwk, alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AuthorizationCode: 60,
      AccessToken: 120,
      IdToken: 3600,
    },
    renderError: (ctx: { type: string; body: unknown }, out: Record<string, string>) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  });
  handle = provider.callback();

  return {
    issuer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    loginAs: options.setLogin,
    lastAuthorizationRequest: () => lastAuthorization,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The browser's side at the provider: follows redirects one by one with fetch, keeping the
 * provider's cookies, until a redirect leaves the provider (back to the app). Cookie paths are
 * ignored: every cookie goes back to the provider, which reads only its own.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, string>();

  /** Returns the URL the provider finally redirects to outside itself (the client's callback). */
  async follow(start: string, maxSteps = 10): Promise<URL> {
    let url = new URL(start);
    const origin = url.origin;
    for (let step = 0; step < maxSteps; step++) {
      const response = await fetch(url, {
        redirect: 'manual',
        headers: this.cookies.size
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {},
      });
      this.keep(response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
      }
      await response.body?.cancel();
      url = new URL(location, url);
      if (url.origin !== origin) return url;
    }
    throw new Error('too many redirects at the provider');
  }

  private keep(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      if (at < 1) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expires = attributes.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const expired = expires !== undefined && new Date(expires.slice(8)).getTime() < Date.now();
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
