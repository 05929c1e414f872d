import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../server/config.js';
import { localeOf } from '../../../server/context.js';
import { setCsrfCookie, setSessionCookie } from '../../../server/cookies.js';
import { randomToken, sha256 } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { ErrorBody } from '../../../server/schemas.js';
import {
  OidcCallbackQuery,
  type OidcFailure,
  OidcRedirect,
  OidcStartQuery,
  OidcParams as Params,
} from '../contract.js';
import {
  createOidc,
  isOidcProvider,
  OIDC_STATE_MINUTES,
  type OidcIdentity,
  OidcLoginError,
  type OidcProvider,
  openLoginState,
  sealLoginState,
} from '../service/oidc-client.js';
import { finishOidcLogin } from '../service.js';

const responses = { 302: OidcRedirect, '4xx': ErrorBody };

function stateCookieName(config: Pick<Config, 'production'>): string {
  return `${config.production ? '__Host-' : ''}landsby.oidc`;
}

function stateCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.production };
}

/**
 * OpenID Connect login (Entra ID for staff, ID-porten for citizens). The browser goes
 * start → provider → callback; what the callback must check (state, nonce, PKCE verifier and an
 * invitation, if any) travels in a short-lived, HMAC-signed, HttpOnly cookie.
 */
export const oidcRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const { config } = deps;
  const oidc = createOidc(config);
  const cookieName = stateCookieName(config);

  function providerOf(name: string): OidcProvider {
    if (!isOidcProvider(name) || !oidc.isConfigured(name)) throw notFound();
    return name;
  }

  app.get(
    '/api/auth/oidc/:provider/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Starts a login at Entra ID or ID-porten: redirects the browser to the provider',
        params: Params,
        querystring: OidcStartQuery,
        response: responses,
      },
    },
    async (request, reply) => {
      const provider = providerOf(request.params.provider);
      const { invite, locale } = request.query;
      let started: Awaited<ReturnType<typeof oidc.start>>;
      try {
        started = await oidc.start(provider, {
          locale: locale ?? localeOf(request),
          inviteHash: invite ? sha256(invite) : undefined,
        });
      } catch (error) {
        // The provider's metadata could not be fetched: show the login page with a message.
        logFailure(request, provider, error);
        return fail(reply, 'auth.oidc_failed');
      }
      reply.setCookie(cookieName, sealLoginState(config.secretKey, started.state), {
        ...stateCookieOptions(config),
        maxAge: OIDC_STATE_MINUTES * 60,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(started.url.href, 302);
    },
  );

  app.get(
    '/api/auth/oidc/:provider/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Where the provider sends the browser back; logs in and redirects to / or /logg-inn?feil=…',
        params: Params,
        querystring: OidcCallbackQuery,
        response: responses,
      },
    },
    async (request, reply) => {
      const provider = providerOf(request.params.provider);
      // First the cookie, and it is used once: a replayed or forged callback finds nothing.
      const saved = openLoginState(config.secretKey, request.cookies[cookieName], provider);
      reply.clearCookie(cookieName, stateCookieOptions(config));
      reply.header('cache-control', 'no-store');
      if (!saved) {
        logFailure(request, provider, new OidcLoginError('state_cookie'));
        return fail(reply, 'auth.oidc_failed');
      }

      let identity: OidcIdentity;
      try {
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        identity = await oidc.finish(provider, query, saved);
      } catch (error) {
        logFailure(request, provider, error);
        const noAccount = error instanceof OidcLoginError && error.reason === 'no_pid';
        return fail(reply, noAccount ? 'auth.oidc_no_account' : 'auth.oidc_failed');
      }

      const outcome = await finishOidcLogin(deps, provider, identity, saved.inviteHash, request.ip);

      if ('failure' in outcome) {
        request.log.info({ provider, outcome: outcome.failure }, 'oidc login refused');
        return fail(reply, outcome.failure);
      }
      setSessionCookie(reply, config, outcome.token);
      // Who is logged in changed: a CSRF token seen before is worthless now.
      setCsrfCookie(reply, config, randomToken());
      return reply.redirect('/', 302);
    },
  );
};

function fail(reply: FastifyReply, code: OidcFailure) {
  return reply.redirect(`/logg-inn?feil=${encodeURIComponent(code)}`, 302);
}

/** The kind of failure only: never the pid, a token, an e-mail address or a claim set. */
function logFailure(request: FastifyRequest, provider: OidcProvider, error: unknown): void {
  if (error instanceof OidcLoginError) {
    request.log.warn({ provider, reason: error.reason, ...error.details }, 'oidc login failed');
    return;
  }
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  request.log.warn(
    { provider, reason: 'unexpected', type: name, code: typeof code === 'string' ? code : undefined },
    'oidc login failed',
  );
}
