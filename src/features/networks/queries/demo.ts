import type { Queryable } from '../../../db/connection.js';

// The demo municipality's network (service/seed-demo.ts): picked from its invented households.

export async function anyNetwork(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM network WHERE municipality_id = $1 LIMIT 1', [municipalityId]);
  return rows.length > 0;
}

/** The first active household of the kind, by name, and then the next `count` foster homes. */
export function demoHouseholds(
  tx: Queryable,
  municipalityId: number,
  kind: 'resource_family' | 'foster',
  count: number,
): Promise<{ id: string }[]> {
  return tx.query(
    `SELECT id FROM household WHERE municipality_id = $1 AND kind = $2 AND archived_at IS NULL
     ORDER BY lower(display_name), id LIMIT $3`,
    [municipalityId, kind, count],
  );
}

export function usersByEmail(
  tx: Queryable,
  municipalityId: number,
  emails: string[],
): Promise<{ id: string; email: string }[]> {
  return tx.query('SELECT id, email FROM app_user WHERE municipality_id = $1 AND email = ANY($2::text[])', [
    municipalityId,
    emails,
  ]);
}

/** The demo's signatures: every adult of the membership, as if signed through ID-porten. */
export async function signAllAdults(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  householdId: string,
  text: { version: string; shown: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO confidentiality_signature (municipality_id, member_id, adult_id, text_version, text_shown, language, via)
     SELECT $1, $2, a.id, $4, $5, 'nb', 'idporten' FROM adult a WHERE a.municipality_id = $1 AND a.household_id = $3`,
    [municipalityId, memberId, householdId, text.version, text.shown],
  );
}

/** The demo's consents: every child of the household aged 15 or more. */
export async function consentAllTeenagers(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  householdId: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO child_consent (municipality_id, member_id, child_id)
     SELECT $1, $2, c.id FROM child c
     WHERE c.municipality_id = $1 AND c.household_id = $3 AND c.birth_date <= current_date - interval '15 years'`,
    [municipalityId, memberId, householdId],
  );
}
