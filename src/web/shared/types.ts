/** The shapes of the API responses the web app reads (see the API contract). */

export type Locale = 'nb' | 'nn' | 'en';

export interface SessionUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: string[];
  permissions: string[];
  locale: Locale;
  municipality: { id: string; name: string; isDemo: boolean };
}

export interface Session {
  user: SessionUser | null;
  csrfToken: string;
  providers: { entra: boolean; idporten: boolean };
}

export interface AdminUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  roles: string[];
  active: boolean;
  invitationPending: boolean;
  lastLoginAt: string | null;
}

/** The answer to inviting a user, or sending the invitation again: false when the e-mail could not be sent. */
export interface InvitationResult {
  invitationSent: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  subjectId: string | null;
  subjectName: string | null;
  ip: string | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}
