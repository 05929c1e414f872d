import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asSystem } from '../../db/tenant.js';
import type { Config } from '../../server/config.js';
import { localeOf } from '../../server/context.js';
import { setCsrfCookie, setSessionCookie } from '../../server/cookies.js';
import { randomToken, sha256 } from '../../server/crypto.js';
import type { Deps } from '../../server/deps.js';
import { notFound } from '../../server/errors.js';
import { ErrorBody, Locale } from '../../server/schemas.js';
import { insertAudit } from '../audit/index.js';
import {
  createOidc,
  isOidcProvider,
  OIDC_STATE_MINUTES,
  type OidcIdentity,
  OidcLoginError,
  type OidcProvider,
  openLoginState,
  sealLoginState,
} from './oidc.js';
import * as q from './queries.js';
import { openSession } from './service.js';

const Params = Type.Object({
  provider: Type.String({ maxLength: 32, description: '`entra` (staff) or `idporten` (citizens)' }),
});

const Redirect = Type.Null({ description: 'Redirect (Location header)' });
const responses = { 302: Redirect, '4xx': ErrorBody };

function stateCookieName(config: Pick<Config, 'production'>): string {
  return `${config.production ? '__Host-' : ''}landsby.oidc`;
}

function stateCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.production };
}

type Failure = 'auth.oidc_failed' | 'auth.oidc_no_account' | 'auth.inactive';

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
        querystring: Type.Object({
          invite: Type.Optional(
            Type.String({
              maxLength: 200,
              description: 'Entra only: the token from an invitation link, to link the login to that user',
            }),
          ),
          locale: Type.Optional(Locale),
        }),
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
        querystring: Type.Object({
          code: Type.Optional(Type.String({ maxLength: 8192 })),
          state: Type.Optional(Type.String({ maxLength: 1024 })),
          iss: Type.Optional(Type.String({ maxLength: 1024 })),
          error: Type.Optional(Type.String({ maxLength: 1024 })),
          error_description: Type.Optional(Type.String({ maxLength: 4096 })),
        }),
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

      const outcome = await asSystem(
        deps.db,
        async (tx): Promise<{ token: string } | { failure: Failure }> => {
          let account = await q.findUserByIdentity(tx, provider, identity.subject);
          if (!account && provider === 'entra' && saved.inviteHash) {
            // First Entra login of an invited user: the invitation says who this is.
            const invitation = await q.findValidAccountToken(tx, saved.inviteHash);
            const invited =
              invitation?.purpose === 'invite' && (await q.findAccountById(tx, invitation.user_id));
            if (!invitation || !invited) return { failure: 'auth.oidc_no_account' };
            if (!invited.active) return { failure: 'auth.inactive' };
            if (!(await q.takeAccountToken(tx, invitation.token_hash)))
              return { failure: 'auth.oidc_no_account' };
            await q.insertIdentity(tx, {
              municipalityId: invited.municipality_id,
              userId: invited.id,
              provider,
              subject: identity.subject,
            });
            await insertAudit(tx, {
              municipalityId: invited.municipality_id,
              actorUserId: invited.id,
              action: 'identity_linked',
              recordType: 'user',
              recordId: invited.id,
              subjectId: invited.id,
              ip: request.ip,
              details: { provider, via: 'invite' },
            });
            account = invited;
          }
          if (!account) return { failure: 'auth.oidc_no_account' };
          if (!account.active) return { failure: 'auth.inactive' };
          return { token: await openSession(deps, tx, account, provider, request.ip) };
        },
      );

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

function fail(reply: FastifyReply, code: Failure) {
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
