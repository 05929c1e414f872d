import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the welcome calls: when,
// who called, the outcome and the note, and the café the call was about.

export interface HouseholdWelcomeCall {
  calledAt: Date;
  caller: string | null;
  outcome: string;
  note: string | null;
  event: string | null;
}

export function welcomeCallsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdWelcomeCall[]> {
  return tx.query<HouseholdWelcomeCall>(
    `SELECT w.called_at AS "calledAt", u.first_name || ' ' || u.last_name AS caller, w.outcome, w.note,
       e.title AS event
     FROM welcome_call w LEFT JOIN app_user u ON u.id = w.called_by LEFT JOIN event e ON e.id = w.event_id
     WHERE w.municipality_id = $1 AND w.household_id = $2
     ORDER BY w.called_at`,
    [municipalityId, householdId],
  );
}
