import type { Queryable } from '../../db/connection.js';

export async function findMunicipalityName(tx: Queryable, number: string): Promise<string | undefined> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM municipality WHERE number = $1', [number]);
  return row?.name;
}

export async function insertMunicipality(
  tx: Queryable,
  m: { number: string; name: string },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO municipality (name, number) VALUES ($1, $2) RETURNING id',
    [m.name, m.number],
  );
  return (row as { id: number }).id;
}

/** The account without a password: the invitation's link sets it. */
export async function insertAdmin(
  tx: Queryable,
  admin: { municipalityId: number; email: string; firstName: string; lastName: string },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, first_name, last_name, roles)
     VALUES ($1, $2, $3, $4, ARRAY['municipality_admin']) RETURNING id`,
    [admin.municipalityId, admin.email, admin.firstName, admin.lastName],
  );
  return (row as { id: string }).id;
}

export function listMunicipalities(
  tx: Queryable,
): Promise<{ number: string; name: string; is_demo: boolean; users: number; created_at: Date }[]> {
  return tx.query(
    `SELECT m.number, m.name, m.is_demo, m.created_at,
       (SELECT count(*)::int FROM app_user u WHERE u.municipality_id = m.id) AS users
     FROM municipality m ORDER BY m.number`,
  );
}
