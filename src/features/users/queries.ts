import type { Queryable } from '../../db/connection.js';

export interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  roles: string[];
  active: boolean;
  locale: string;
  last_login_at: Date | null;
  invitation_pending: boolean;
}

// RLS limits every statement to the request's municipality; the WHERE clauses say it again so a
// reader sees the scope, and so the service layer is safe on its own.
const SELECT_USER = `SELECT u.id, u.first_name, u.last_name, u.email, u.roles, u.active, u.locale, u.last_login_at,
  (u.last_login_at IS NULL AND EXISTS (
     SELECT 1 FROM account_token t
     WHERE t.user_id = u.id AND t.purpose = 'invite' AND t.used_at IS NULL)) AS invitation_pending
  FROM app_user u`;

export function listUsers(tx: Queryable, municipalityId: number): Promise<UserRow[]> {
  return tx.query<UserRow>(`${SELECT_USER} WHERE u.municipality_id = $1 ORDER BY u.last_name, u.first_name`, [
    municipalityId,
  ]);
}

export async function findUser(
  tx: Queryable,
  municipalityId: number,
  userId: string,
): Promise<UserRow | undefined> {
  const [row] = await tx.query<UserRow>(`${SELECT_USER} WHERE u.municipality_id = $1 AND u.id = $2`, [
    municipalityId,
    userId,
  ]);
  return row;
}

export async function insertUser(
  tx: Queryable,
  user: { municipalityId: number; email: string; firstName: string; lastName: string; roles: string[] },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, first_name, last_name, roles)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [user.municipalityId, user.email, user.firstName, user.lastName, user.roles],
  );
  return (row as { id: string }).id;
}

export async function updateUser(
  tx: Queryable,
  municipalityId: number,
  userId: string,
  changes: { roles: string[]; active: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE app_user SET roles = $3, active = $4, updated_at = now()
     WHERE municipality_id = $1 AND id = $2`,
    [municipalityId, userId, changes.roles, changes.active],
  );
}
