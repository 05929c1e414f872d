import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the family homes: its
// youths, the family counsellor who follows it, and the team's follow-up log with its notes.

export interface HouseholdFamilyHome {
  youths: { firstName: string; birthDate: string; arrivalDate: string; languages: string[] }[];
  counsellor: { name: string; assignedAt: Date } | null;
  followUps: { date: string; kind: string; note: string | null; createdAt: Date }[];
}

export async function familyHomeOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdFamilyHome> {
  const params = [municipalityId, householdId];
  const youths = await tx.query<HouseholdFamilyHome['youths'][number]>(
    `SELECT first_name AS "firstName", birth_date::text AS "birthDate", arrival_date::text AS "arrivalDate",
       languages
     FROM family_home_youth WHERE municipality_id = $1 AND household_id = $2 ORDER BY arrival_date, first_name`,
    params,
  );
  const [counsellor] = await tx.query<{ name: string; assignedAt: Date }>(
    `SELECT u.first_name || ' ' || u.last_name AS name, c.assigned_at AS "assignedAt"
     FROM family_home_counsellor c JOIN app_user u ON u.id = c.user_id
     WHERE c.municipality_id = $1 AND c.household_id = $2`,
    params,
  );
  const followUps = await tx.query<HouseholdFamilyHome['followUps'][number]>(
    `SELECT date::text AS date, kind, note, created_at AS "createdAt"
     FROM family_home_follow_up WHERE municipality_id = $1 AND household_id = $2 ORDER BY date, created_at`,
    params,
  );
  return { youths, counsellor: counsellor ?? null, followUps };
}
