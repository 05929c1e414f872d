import type { TenantContext } from '../../../db/tenant.js';
import type { Permission } from '../../../domain/roles.js';
import { forbidden } from '../../../server/errors.js';
import type { Scope } from '../queries.js';

/** Who is looking at the family homes: the team (every home) or a family counsellor (their own). */
export interface Viewer {
  ctx: TenantContext;
  scope: Scope;
}

/**
 * The team reads the registry and so every home; a family counsellor only the homes they follow.
 * Anyone else is refused. The database says the same for a counsellor (migrations/0024).
 */
export function viewerOf(ctx: TenantContext, permissions: readonly Permission[]): Viewer {
  if (permissions.includes('registry:read')) return { ctx, scope: { kind: 'team' } };
  if (permissions.includes('family_homes:follow') && ctx.userId) {
    return { ctx, scope: { kind: 'counsellor', userId: ctx.userId } };
  }
  throw forbidden();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A second id in a path is plain text (see contract.ts): one that is no UUID names nothing. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
