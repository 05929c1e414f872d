/** The shapes of the API responses the web app reads: written once, in the features' contracts. */

export type { AuditEntry, AuditPage } from '../../features/audit/contract.js';
export type { Session, SessionUser } from '../../features/auth/contract.js';
export type { AdminUser, InvitationResult } from '../../features/users/contract.js';

export type Locale = 'nb' | 'nn' | 'en';
