import type { Queryable } from '../../../db/connection.js';

/** Sets the venue of the municipality's sessions of the cohort still to come; returns their event ids. */
export async function setSessionsVenue(
  tx: Queryable,
  municipalityId: number,
  cohortId: string,
  venueId: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE event e SET venue_id = $3, version = e.version + 1, updated_at = now()
     FROM cohort_session s
     WHERE s.event_id = e.id AND s.municipality_id = $1 AND s.cohort_id = $2 AND e.municipality_id = $1
       AND e.status = 'planned' AND e.starts_at > now() AND e.venue_id IS DISTINCT FROM $3
     RETURNING e.id`,
    [municipalityId, cohortId, venueId],
  );
  return rows.map((r) => r.id);
}
