import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from En god start: the cohorts
// it is in, and for each of the cohort's sessions whether it was checked in and with how many.

export interface HouseholdCohort {
  cohort: string;
  startsOn: string;
  joinedOn: string;
  sessions: {
    theme: number;
    date: string;
    present: boolean | null;
    adults: number | null;
    children: number | null;
  }[];
}

export function cohortsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdCohort[]> {
  return tx.query<HouseholdCohort>(
    `SELECT c.name AS cohort, c.starts_on::text AS "startsOn", m.joined_on::text AS "joinedOn",
       COALESCE((SELECT json_agg(json_build_object('theme', s.theme, 'date', e.date::text, 'present', t.present,
           'adults', t.adults, 'children', t.children) ORDER BY s.theme)
         FROM cohort_session s JOIN event e ON e.id = s.event_id
         LEFT JOIN attendance t ON t.event_id = s.event_id AND t.household_id = m.household_id
         WHERE s.municipality_id = $1 AND s.cohort_id = c.id), '[]') AS sessions
     FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id
     WHERE m.municipality_id = $1 AND m.household_id = $2
     ORDER BY c.starts_on, c.name`,
    [municipalityId, householdId],
  );
}
