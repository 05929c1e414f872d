import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the half-year summaries:
// those of the networks whose resource family it is, with the caseworkers' comments on them.

export interface HouseholdSummary {
  network: string;
  halfYearStart: string;
  description: string;
  updatedAt: Date;
  submittedAt: Date | null;
  comments: { at: string; body: string }[];
}

export function summariesOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdSummary[]> {
  return tx.query<HouseholdSummary>(
    `SELECT n.name AS network, s.half_year_start::text AS "halfYearStart", s.description,
       s.updated_at AS "updatedAt", s.submitted_at AS "submittedAt",
       COALESCE((SELECT json_agg(json_build_object('at', c.created_at, 'body', c.body) ORDER BY c.created_at, c.id)
         FROM network_summary_comment c WHERE c.municipality_id = $1 AND c.summary_id = s.id), '[]') AS comments
     FROM network_summary s JOIN network n ON n.id = s.network_id
     WHERE s.municipality_id = $1 AND n.resource_family_household_id = $2
     ORDER BY s.half_year_start, n.name`,
    [municipalityId, householdId],
  );
}
