import type { Queryable } from '../../../db/connection.js';

// The platform operator's script (npm run programme), as landsby_system: who is a member, who
// coordinates, and the accounts of new coordinators. Setting up rows: ../queries.ts.

export function municipalitiesByNumber(tx: Queryable, numbers: readonly string[]) {
  return tx.query<{ id: number; number: string; name: string }>(
    'SELECT id, number, name FROM municipality WHERE number = ANY ($1::text[]) ORDER BY number',
    [numbers],
  );
}

/** A programme named by its id or its exact name. */
export function findProgrammes(tx: Queryable, ref: string) {
  return tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM programme WHERE id::text = $1 OR name = $1 ORDER BY id',
    [ref],
  );
}

export async function isMember(tx: Queryable, programmeId: string, municipalityId: number): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM programme_municipality WHERE programme_id = $1 AND municipality_id = $2',
    [programmeId, municipalityId],
  );
  return rows.length > 0;
}

export async function isCoordinator(tx: Queryable, programmeId: string, userId: string): Promise<boolean> {
  const rows = await tx.query(
    'SELECT 1 FROM programme_coordinator WHERE programme_id = $1 AND user_id = $2',
    [programmeId, userId],
  );
  return rows.length > 0;
}

/** The member a new coordinator's account belongs to for login and the audit log: the lowest number. */
export async function firstMember(tx: Queryable, programmeId: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>(
    `SELECT m.id FROM programme_municipality pm JOIN municipality m ON m.id = pm.municipality_id
     WHERE pm.programme_id = $1 ORDER BY m.number LIMIT 1`,
    [programmeId],
  );
  return row?.id;
}

export async function findUser(tx: Queryable, email: string) {
  const [row] = await tx.query<{
    id: string;
    municipality_id: number;
    roles: string[];
    active: boolean;
  }>('SELECT id, municipality_id, roles, active FROM app_user WHERE email = $1', [email]);
  return row;
}

/** The account without a password: the invitation's link sets it. */
export async function insertCoordinatorUser(
  tx: Queryable,
  user: { municipalityId: number; email: string; firstName: string; lastName: string },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, first_name, last_name, roles)
     VALUES ($1, $2, $3, $4, ARRAY['programme_coordinator']) RETURNING id`,
    [user.municipalityId, user.email, user.firstName, user.lastName],
  );
  return (row as { id: string }).id;
}

export async function addCoordinatorRole(tx: Queryable, userId: string): Promise<void> {
  await tx.query(
    `UPDATE app_user SET roles = array_append(roles, 'programme_coordinator'), updated_at = now()
     WHERE id = $1 AND NOT 'programme_coordinator' = ANY (roles)`,
    [userId],
  );
}

export function listAllProgrammes(tx: Queryable) {
  return tx.query<{
    id: string;
    name: string;
    members: { number: string; name: string; phase: number }[];
    coordinators: string[];
  }>(
    `SELECT p.id, p.name,
       COALESCE((SELECT json_agg(json_build_object('number', m.number, 'name', m.name, 'phase', pm.phase)
                                 ORDER BY m.number)
                 FROM programme_municipality pm JOIN municipality m ON m.id = pm.municipality_id
                 WHERE pm.programme_id = p.id), '[]') AS members,
       COALESCE((SELECT array_agg(u.email ORDER BY u.email)
                 FROM programme_coordinator c JOIN app_user u ON u.id = c.user_id
                 WHERE c.programme_id = p.id), '{}') AS coordinators
     FROM programme p ORDER BY p.name, p.id`,
  );
}

/** Takes a municipality out of the programme; its ticked checklist items go with it (0021). */
export async function deleteMember(
  tx: Queryable,
  programmeId: string,
  municipalityId: number,
): Promise<void> {
  await tx.query('DELETE FROM programme_municipality WHERE programme_id = $1 AND municipality_id = $2', [
    programmeId,
    municipalityId,
  ]);
}

export async function deleteCoordinator(tx: Queryable, programmeId: string, userId: string): Promise<void> {
  await tx.query('DELETE FROM programme_coordinator WHERE programme_id = $1 AND user_id = $2', [
    programmeId,
    userId,
  ]);
}

/** The role goes when the user coordinates no programme any more. */
export async function dropCoordinatorRoleIfIdle(tx: Queryable, userId: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE app_user SET roles = array_remove(roles, 'programme_coordinator'), updated_at = now()
     WHERE id = $1 AND 'programme_coordinator' = ANY (roles)
       AND NOT EXISTS (SELECT 1 FROM programme_coordinator c WHERE c.user_id = $1)
     RETURNING id`,
    [userId],
  );
  return rows.length > 0;
}
