import type { Queryable } from '../../db/connection.js';
import type { SchoolHolidayRules } from '../../domain/holidays.js';

// Every statement names municipality_id; row-level security enforces it again underneath.

export async function findSchoolHolidayRules(
  tx: Queryable,
  municipalityId: number,
): Promise<SchoolHolidayRules | null> {
  const [row] = await tx.query<{ rules: SchoolHolidayRules }>(
    'SELECT rules FROM school_holiday_rules WHERE municipality_id = $1',
    [municipalityId],
  );
  return row?.rules ?? null;
}

export async function saveSchoolHolidayRules(
  tx: Queryable,
  municipalityId: number,
  rules: SchoolHolidayRules,
): Promise<void> {
  await tx.query(
    `INSERT INTO school_holiday_rules (municipality_id, rules) VALUES ($1, $2::jsonb)
     ON CONFLICT (municipality_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`,
    [municipalityId, JSON.stringify(rules)],
  );
}
