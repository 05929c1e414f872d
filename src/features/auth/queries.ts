import type { Queryable } from '../../db/connection.js';

// These run as landsby_system (src/db/tenant.ts asSystem): before a tenant is known.

export interface LoginAccount {
  id: string;
  municipality_id: number;
  password_hash: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

async function findAccount(
  tx: Queryable,
  column: 'email' | 'id',
  value: string,
): Promise<LoginAccount | undefined> {
  const [row] = await tx.query<LoginAccount>(
    `SELECT id, municipality_id, password_hash, active, failed_logins, locked_until
     FROM app_user WHERE ${column} = $1`,
    [value],
  );
  return row;
}

export const findAccountByEmail = (tx: Queryable, email: string) => findAccount(tx, 'email', email);
export const findAccountById = (tx: Queryable, userId: string) => findAccount(tx, 'id', userId);

export async function recordLoginFailure(
  tx: Queryable,
  userId: string,
  failedLogins: number,
  lockedUntil: Date | null,
): Promise<void> {
  await tx.query('UPDATE app_user SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
    userId,
    failedLogins,
    lockedUntil,
  ]);
}

export async function recordLoginSuccess(tx: Queryable, userId: string): Promise<void> {
  await tx.query(
    'UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1',
    [userId],
  );
}

/** Whether the account has logged in from this network before (a keyed hash, see login_network). */
export async function isKnownNetwork(tx: Queryable, userId: string, addressHash: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM login_network WHERE user_id = $1 AND address_hash = $2', [
    userId,
    addressHash,
  ]);
  return rows.length > 0;
}

export async function rememberNetwork(
  tx: Queryable,
  account: { id: string; municipality_id: number },
  addressHash: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO login_network (user_id, municipality_id, address_hash) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, address_hash) DO UPDATE SET last_login_at = now()`,
    [account.id, account.municipality_id, addressHash],
  );
}

export async function setPasswordHash(tx: Queryable, userId: string, passwordHash: string): Promise<void> {
  await tx.query(
    `UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = now()
     WHERE id = $1`,
    [userId, passwordHash],
  );
}

export interface SessionRow {
  token_hash: string;
  user_id: string;
  municipality_id: number;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  first_name: string;
  last_name: string;
  email: string;
  roles: string[];
  locale: string;
  active: boolean;
  municipality_name: string;
  is_demo: boolean;
  in_programme: boolean;
}

export async function insertSession(
  tx: Queryable,
  session: { tokenHash: string; userId: string; municipalityId: number; authMethod: string; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO user_session (token_hash, user_id, municipality_id, auth_method, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [session.tokenHash, session.userId, session.municipalityId, session.authMethod, session.expiresAt],
  );
}

export async function findSession(tx: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await tx.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, s.municipality_id, s.created_at, s.last_seen_at, s.expires_at,
            u.first_name, u.last_name, u.email, u.roles, u.locale, u.active,
            m.name AS municipality_name, m.is_demo,
            EXISTS (SELECT 1 FROM programme_municipality pm WHERE pm.municipality_id = m.id) AS in_programme
     FROM user_session s
     JOIN app_user u ON u.id = s.user_id
     JOIN municipality m ON m.id = s.municipality_id
     WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

export async function touchSession(tx: Queryable, tokenHash: string, expiresAt: Date): Promise<void> {
  await tx.query('UPDATE user_session SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1', [
    tokenHash,
    expiresAt,
  ]);
}

export async function deleteSession(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfUser(tx: Queryable, userId: string): Promise<void> {
  await tx.query('DELETE FROM user_session WHERE user_id = $1', [userId]);
}

export async function insertAccountToken(
  tx: Queryable,
  token: {
    tokenHash: string;
    userId: string;
    municipalityId: number;
    purpose: 'invite' | 'reset';
    expiresAt: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO account_token (token_hash, user_id, municipality_id, purpose, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [token.tokenHash, token.userId, token.municipalityId, token.purpose, token.expiresAt],
  );
}

export interface AccountTokenRow {
  token_hash: string;
  user_id: string;
  municipality_id: number;
  purpose: 'invite' | 'reset';
}

/** Locks the row so two clicks on the same link cannot both use it. */
export async function takeAccountToken(
  tx: Queryable,
  tokenHash: string,
): Promise<AccountTokenRow | undefined> {
  const [row] = await tx.query<AccountTokenRow>(
    `UPDATE account_token SET used_at = now()
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
     RETURNING token_hash, user_id, municipality_id, purpose`,
    [tokenHash],
  );
  return row;
}

export async function findValidAccountToken(
  tx: Queryable,
  tokenHash: string,
): Promise<AccountTokenRow | undefined> {
  const [row] = await tx.query<AccountTokenRow>(
    `SELECT token_hash, user_id, municipality_id, purpose FROM account_token
     WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
    [tokenHash],
  );
  return row;
}

export async function findUserByIdentity(
  tx: Queryable,
  provider: string,
  subject: string,
): Promise<LoginAccount | undefined> {
  const [row] = await tx.query<LoginAccount>(
    `SELECT u.id, u.municipality_id, u.password_hash, u.active, u.failed_logins, u.locked_until
     FROM user_identity i JOIN app_user u ON u.id = i.user_id
     WHERE i.provider = $1 AND i.subject = $2`,
    [provider, subject],
  );
  return row;
}

export async function insertIdentity(
  tx: Queryable,
  identity: { municipalityId: number; userId: string; provider: string; subject: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO user_identity (municipality_id, user_id, provider, subject) VALUES ($1, $2, $3, $4)
     ON CONFLICT (provider, subject) DO NOTHING`,
    [identity.municipalityId, identity.userId, identity.provider, identity.subject],
  );
}

export async function findAccountContact(
  tx: Queryable,
  userId: string,
): Promise<{ first_name: string; email: string; locale: string } | undefined> {
  const [row] = await tx.query<{ first_name: string; email: string; locale: string }>(
    'SELECT first_name, email, locale FROM app_user WHERE id = $1',
    [userId],
  );
  return row;
}

export async function updateLocale(tx: Queryable, userId: string, locale: string): Promise<void> {
  await tx.query('UPDATE app_user SET locale = $2 WHERE id = $1', [userId, locale]);
}
