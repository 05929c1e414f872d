import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the agreements: each
// agreement with the household, its terms, and each adult's signing (never the link's token hash).

export interface HouseholdAgreement {
  network: string;
  startOn: string;
  endOn: string;
  ksUnits: number;
  ksRateOre: number;
  expenses: string;
  otherArrangements: string;
  sentAt: Date | null;
  createdAt: Date;
  signers: { adult: string; linkMadeAt: string; signedAt: string | null; termsSigned: string | null }[];
}

export function agreementsOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdAgreement[]> {
  return tx.query<HouseholdAgreement>(
    `SELECT n.name AS network, g.start_on::text AS "startOn", g.end_on::text AS "endOn",
       g.ks_units::float8 AS "ksUnits", g.ks_rate_ore AS "ksRateOre", g.expenses,
       g.other_arrangements AS "otherArrangements", g.sent_at AS "sentAt", g.created_at AS "createdAt",
       COALESCE((SELECT json_agg(json_build_object('adult', a.first_name || ' ' || a.last_name,
           'linkMadeAt', s.link_made_at, 'signedAt', s.signed_at, 'termsSigned', s.terms_signed)
           ORDER BY a.position)
         FROM agreement_signer s JOIN adult a ON a.id = s.adult_id
         WHERE s.municipality_id = $1 AND s.agreement_id = g.id), '[]') AS signers
     FROM agreement g JOIN network n ON n.id = g.network_id
     WHERE g.municipality_id = $1 AND g.household_id = $2
     ORDER BY g.start_on, g.created_at`,
    [municipalityId, householdId],
  );
}
