import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the supervision: the talks
// an adult of the household took part in, and every talk with the network whose resource family it
// is, with the staff-only note and who took part. Every statement names municipality_id.

export interface HouseholdTalk {
  heldOn: string;
  note: string | null;
  adults: string[];
  staff: string[];
}

export function supervisionTalksOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdTalk[]> {
  return tx.query<HouseholdTalk>(
    `SELECT t.held_on::text AS "heldOn", t.note,
       ARRAY(SELECT a.first_name || ' ' || a.last_name FROM supervision_participant p JOIN adult a ON a.id = p.adult_id
         WHERE p.talk_id = t.id AND a.household_id = $2 ORDER BY a.position) AS adults,
       ARRAY(SELECT u.first_name || ' ' || u.last_name FROM supervision_participant p JOIN app_user u ON u.id = p.user_id
         WHERE p.talk_id = t.id ORDER BY 1) AS staff
     FROM supervision_talk t
     WHERE t.municipality_id = $1
       AND (t.network_id IN (SELECT n.id FROM network n WHERE n.municipality_id = $1
             AND n.resource_family_household_id = $2)
         OR EXISTS (SELECT 1 FROM supervision_participant p JOIN adult a ON a.id = p.adult_id
             WHERE p.talk_id = t.id AND a.household_id = $2))
     ORDER BY t.held_on, t.id`,
    [municipalityId, householdId],
  );
}
