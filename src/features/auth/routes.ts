import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Auth, requireAuth } from '../../server/context.js';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from '../../server/cookies.js';
import { randomToken } from '../../server/crypto.js';
import type { Deps } from '../../server/deps.js';
import { Email, Locale, withErrors } from '../../server/schemas.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import {
  login,
  logout,
  requestPasswordReset,
  resolveSession,
  setLocale,
  setPasswordWithToken,
} from './service.js';

const SessionUser = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  locale: Locale,
  municipality: Type.Object({ id: Type.Integer(), name: Type.String(), isDemo: Type.Boolean() }),
});

function presentUser(auth: Auth) {
  return {
    id: auth.userId,
    firstName: auth.firstName,
    lastName: auth.lastName,
    email: auth.email,
    roles: auth.roles,
    permissions: auth.permissions,
    locale: auth.locale,
    municipality: auth.municipality,
  };
}

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
        response: withErrors({
          200: Type.Object({
            user: Type.Union([SessionUser, Type.Null()]),
            csrfToken: Type.String(),
            providers: Type.Object({ entra: Type.Boolean(), idporten: Type.Boolean() }),
          }),
        }),
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
        body: Type.Object({
          email: Type.String({ minLength: 1, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
        }),
        response: withErrors({ 200: Type.Object({ user: SessionUser }) }),
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
    { schema: { tags: ['auth'], response: withErrors({ 204: Type.Null() }) } },
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
        body: Type.Object({ email: Email }),
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
        body: Type.Object({
          token: Type.String({ minLength: 20, maxLength: 100 }),
          password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }),
        }),
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
        body: Type.Object({ locale: Locale }),
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await setLocale(deps, requireAuth(request), request.body.locale);
      return reply.status(204).send(null);
    },
  );
};
