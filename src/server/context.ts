import type { FastifyRequest } from 'fastify';
import type { TenantContext } from '../db/tenant.js';
import type { Permission } from '../domain/roles.js';
import type { Locale } from '../i18n/staff.js';
import { unauthenticated } from './errors.js';
import { localeFromHeader } from './messages.js';

/** The logged-in user as every request sees it. */
export interface Auth {
  sessionTokenHash: string;
  userId: string;
  municipalityId: number;
  firstName: string;
  lastName: string;
  email: string;
  roles: string[];
  permissions: Permission[];
  locale: Locale;
  /** inProgramme: the municipality is a member of an inter-municipal programme (the menu shows «Program»). */
  municipality: { id: number; name: string; isDemo: boolean; inProgramme: boolean };
}

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
