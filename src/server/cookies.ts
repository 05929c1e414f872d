import type { FastifyReply } from 'fastify';
import type { Config } from './config.js';

/**
 * Two cookies. The session cookie is HttpOnly and SameSite=Lax. The CSRF cookie is readable by
 * the page, which echoes it in the X-CSRF-Token header on every state-changing request
 * (double submit): another site can neither read it nor set that header.
 * In production both are Secure and carry the __Host- prefix (no Domain, Path=/).
 */
export function cookieNames(config: Pick<Config, 'production'>) {
  const prefix = config.production ? '__Host-' : '';
  return { session: `${prefix}landsby.sid`, csrf: `${prefix}landsby.csrf` };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config).session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.production,
    // A browser session cookie; the server ends it after SESSION_IDLE_MINUTES without use.
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.production,
  });
}

export function setCsrfCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config).csrf, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: config.production,
  });
}
