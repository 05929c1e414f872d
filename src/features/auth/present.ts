import type { Auth } from '../../server/context.js';
import type { SessionUser } from './contract.js';

/** The logged-in user as the web app reads them: never the session's token or its expiry. */
export function presentUser(auth: Auth): SessionUser {
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
