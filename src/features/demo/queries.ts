import type { Queryable } from '../../db/connection.js';

export async function findMunicipalityByNumber(tx: Queryable, number: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM municipality WHERE number = $1', [number]);
  return row?.id;
}

export async function insertMunicipality(
  tx: Queryable,
  municipality: { name: string; number: string; isDemo: boolean },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO municipality (name, number, is_demo) VALUES ($1, $2, $3) RETURNING id',
    [municipality.name, municipality.number, municipality.isDemo],
  );
  return (row as { id: number }).id;
}

export async function insertAccount(
  tx: Queryable,
  account: {
    municipalityId: number;
    email: string;
    firstName: string;
    lastName: string;
    roles: string[];
    passwordHash: string | null;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO app_user (municipality_id, email, first_name, last_name, roles, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      account.municipalityId,
      account.email,
      account.firstName,
      account.lastName,
      account.roles,
      account.passwordHash,
    ],
  );
  return (row as { id: string }).id;
}
