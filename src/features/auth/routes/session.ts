import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Auth, requireAuth } from '../../../server/context.js';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from '../../../server/cookies.js';
import { randomToken } from '../../../server/crypto.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import {
  LocaleBody,
  LoginBody,
  LoginResult,
  PasswordResetBody,
  Session,
  SetPasswordBody,
} from '../contract.js';
import { presentUser } from '../present.js';
import {
  login,
  logout,
  requestPasswordReset,
  resolveSession,
  setLocale,
  setPasswordWithToken,
} from '../service.js';

function loginRateKey(request: FastifyRequest): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return `${request.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
}

/** A new CSRF token whenever who is logged in changes, so a token seen before login is worthless after. */
function rotateCsrf(reply: FastifyReply, deps: Deps): void {
  setCsrfCookie(reply, deps.config, randomToken());
}

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/session',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, the CSRF token to send back, and which login methods exist',
        response: withErrors({ 200: Session }),
      },
    },
    async (request) => ({
      user: request.auth ? presentUser(request.auth) : null,
      csrfToken: request.csrfToken,
      providers: { entra: Boolean(deps.config.entra), idporten: Boolean(deps.config.idporten) },
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // Per address and account: a whole town hall behind one NAT address logs in at 08:00.
        rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: loginRateKey },
      },
      schema: {
        tags: ['auth'],
        summary: 'Logs in with e-mail and password',
        body: LoginBody,
        response: withErrors({ 200: LoginResult }),
      },
    },
    async (request, reply) => {
      const token = await login(deps, { ...request.body, ip: request.ip });
      const auth = await resolveSession(deps, token);
      setSessionCookie(reply, deps.config, token);
      rotateCsrf(reply, deps);
      return { user: presentUser(auth as Auth) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Logs out: ends the session',
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await logout(deps, requireAuth(request), request.ip);
      clearSessionCookie(reply, deps.config);
      rotateCsrf(reply, deps);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true, rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'E-mails a reset link if the address has an active account; answers the same either way',
        body: PasswordResetBody,
        response: withErrors({ 202: Type.Null() }),
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email, request.ip);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sets a password with the token from an invitation or reset e-mail',
        body: SetPasswordBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await setPasswordWithToken(deps, { ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: "Sets the user's language (nb, nn or en)",
        body: LocaleBody,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await setLocale(deps, requireAuth(request), request.body.locale);
      return reply.status(204).send(null);
    },
  );
};
