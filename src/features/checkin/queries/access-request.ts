import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the check-in: each event
// (café, gathering, En god start session) it was checked in or out at, and with how many.

export interface HouseholdAttendance {
  event: string;
  date: string;
  present: boolean;
  adults: number | null;
  children: number | null;
  walkIn: boolean;
  tappedAt: Date;
}

export function attendanceOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdAttendance[]> {
  return tx.query<HouseholdAttendance>(
    `SELECT e.title AS event, e.date::text AS date, t.present, t.adults, t.children, t.walk_in AS "walkIn",
       t.tapped_at AS "tappedAt"
     FROM attendance t JOIN event e ON e.id = t.event_id
     WHERE t.municipality_id = $1 AND t.household_id = $2
     ORDER BY e.date, e.start_time, e.id`,
    [municipalityId, householdId],
  );
}
