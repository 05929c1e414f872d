import type { AdminUser } from './contract.js';
import type { UserRow } from './queries.js';

/** The one place that decides which fields of a user leave the server. */
export function presentUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    roles: row.roles,
    active: row.active,
    invitationPending: row.invitation_pending,
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}
