import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from matching: its place on the
// short list of resource-family candidates, with the team's suitability note.

export interface HouseholdCandidacy {
  status: string;
  statusOn: string;
  suitabilityNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function candidacyOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdCandidacy | null> {
  const [row] = await tx.query<HouseholdCandidacy>(
    `SELECT status, status_on::text AS "statusOn", suitability_note AS "suitabilityNote",
       created_at AS "createdAt", updated_at AS "updatedAt"
     FROM resource_family_candidate WHERE municipality_id = $1 AND household_id = $2`,
    [municipalityId, householdId],
  );
  return row ?? null;
}
