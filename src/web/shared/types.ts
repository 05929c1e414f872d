/** The shapes of the API responses the web app reads: written once, in the features' contracts. */

import type { SessionUser } from '../../features/auth/contract.js';

export type { AuditEntry, AuditPage } from '../../features/audit/contract.js';
export type { Session, SessionUser } from '../../features/auth/contract.js';
export type { AdminUser, InvitationResult } from '../../features/users/contract.js';

/** The staff's languages, as the server knows them. */
export type Locale = SessionUser['locale'];
