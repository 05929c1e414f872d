import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from the networks: each
// membership with the children's consents and the adults' signatures of the confidentiality
// agreement (the very text signed), and the resource family's contact log entries about it.

export interface HouseholdMembership {
  network: string;
  joinedOn: string | null;
  leftOn: string | null;
  endReason: string | null;
  proposedAt: Date;
  consents: { child: string; recordedAt: string; withdrawnAt: string | null }[];
  signatures: {
    adult: string;
    textVersion: string;
    textShown: string;
    language: string;
    via: string;
    signedAt: string;
    revokedAt: string | null;
  }[];
}

export interface HouseholdContact {
  network: string;
  date: string;
  kind: string;
  category: string;
  note: string | null;
}

export async function networksOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<{ memberships: HouseholdMembership[]; contacts: HouseholdContact[] }> {
  const params = [municipalityId, householdId];
  const memberships = await tx.query<HouseholdMembership>(
    `SELECT n.name AS network, nm.joined_on::text AS "joinedOn", nm.left_on::text AS "leftOn",
       nm.end_reason AS "endReason", nm.created_at AS "proposedAt",
       COALESCE((SELECT json_agg(json_build_object('child', c.first_name, 'recordedAt', cc.recorded_at,
           'withdrawnAt', cc.withdrawn_at) ORDER BY cc.recorded_at)
         FROM child_consent cc JOIN child c ON c.id = cc.child_id
         WHERE cc.municipality_id = $1 AND cc.member_id = nm.id), '[]') AS consents,
       COALESCE((SELECT json_agg(json_build_object('adult', a.first_name || ' ' || a.last_name,
           'textVersion', s.text_version, 'textShown', s.text_shown, 'language', s.language, 'via', s.via,
           'signedAt', s.signed_at, 'revokedAt', s.revoked_at) ORDER BY s.signed_at)
         FROM confidentiality_signature s JOIN adult a ON a.id = s.adult_id
         WHERE s.municipality_id = $1 AND s.member_id = nm.id), '[]') AS signatures
     FROM network_member nm JOIN network n ON n.id = nm.network_id
     WHERE nm.municipality_id = $1 AND nm.household_id = $2
     ORDER BY nm.created_at`,
    params,
  );
  const contacts = await tx.query<HouseholdContact>(
    `SELECT n.name AS network, l.date::text AS date, l.kind, c.label AS category, l.note
     FROM contact_log l JOIN network n ON n.id = l.network_id JOIN contact_category c ON c.id = l.category_id
     WHERE l.municipality_id = $1 AND l.household_id = $2
     ORDER BY l.date, l.created_at`,
    params,
  );
  return { memberships, contacts };
}
