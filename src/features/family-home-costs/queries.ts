import type { Queryable } from '../../db/connection.js';
import type { CostSettings, CostSettingsInput } from './contract.js';

const SELECT_SETTINGS = `SELECT year, family_home_nok AS "familyHomeNok", counsellor_share_nok AS "counsellorShareNok",
  youths_per_home::float8 AS "youthsPerHome", group_home_place_nok AS "groupHomePlaceNok",
  institution_place_nok AS "institutionPlaceNok", example
  FROM family_home_cost`;

/** The settings valid in `year`: the year's own, or else the latest earlier year's. */
export async function findSettings(
  tx: Queryable,
  municipalityId: number,
  year: number,
): Promise<CostSettings | undefined> {
  const [row] = await tx.query<CostSettings>(
    `${SELECT_SETTINGS} WHERE municipality_id = $1 AND year <= $2 ORDER BY year DESC LIMIT 1`,
    [municipalityId, year],
  );
  return row;
}

export async function listSettingYears(tx: Queryable, municipalityId: number): Promise<number[]> {
  const rows = await tx.query<{ year: number }>(
    'SELECT year FROM family_home_cost WHERE municipality_id = $1 ORDER BY year DESC',
    [municipalityId],
  );
  return rows.map((r) => r.year);
}

export async function upsertSettings(
  tx: Queryable,
  municipalityId: number,
  s: CostSettingsInput & { example: boolean },
  userId: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO family_home_cost (municipality_id, year, family_home_nok, counsellor_share_nok, youths_per_home,
       group_home_place_nok, institution_place_nok, example, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (municipality_id, year) DO UPDATE SET family_home_nok = EXCLUDED.family_home_nok,
       counsellor_share_nok = EXCLUDED.counsellor_share_nok, youths_per_home = EXCLUDED.youths_per_home,
       group_home_place_nok = EXCLUDED.group_home_place_nok, institution_place_nok = EXCLUDED.institution_place_nok,
       example = EXCLUDED.example, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [
      municipalityId,
      s.year,
      s.familyHomeNok,
      s.counsellorShareNok,
      s.youthsPerHome,
      s.groupHomePlaceNok,
      s.institutionPlaceNok,
      s.example,
      userId,
    ],
  );
}
