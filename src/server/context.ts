import type { FastifyRequest } from 'fastify';
import type { TenantContext } from '../db/tenant.js';
import type { Auth } from '../features/auth/service.js';
import { unauthenticated } from './errors.js';
import { type Locale, localeFromHeader } from './messages.js';

export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

/** The tenant context of a logged-in request: its municipality, its user, its address. */
export function tenantOf(request: FastifyRequest): TenantContext {
  const auth = requireAuth(request);
  return { municipalityId: auth.municipalityId, userId: auth.userId, ip: request.ip };
}

export function localeOf(request: FastifyRequest): Locale {
  return request.auth?.locale ?? localeFromHeader(request.headers['accept-language']);
}
