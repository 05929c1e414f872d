import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the family home's
// meetings: when, where, what kind, and who from the team took part.

export interface HouseholdMeeting {
  date: string;
  startTime: string;
  kind: string;
  place: string;
  staff: string[];
}

export function meetingsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdMeeting[]> {
  return tx.query<HouseholdMeeting>(
    `SELECT m.date::text AS date, to_char(m.start_time, 'HH24:MI') AS "startTime", m.kind, m.place,
       ARRAY(SELECT u.first_name || ' ' || u.last_name FROM family_home_meeting_participant p
         JOIN app_user u ON u.id = p.user_id WHERE p.meeting_id = m.id ORDER BY 1) AS staff
     FROM family_home_meeting m
     WHERE m.municipality_id = $1 AND m.household_id = $2
     ORDER BY m.date, m.start_time`,
    [municipalityId, householdId],
  );
}
