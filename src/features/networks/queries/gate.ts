import type { Queryable } from '../../../db/connection.js';

// Every statement names municipality_id (or goes through network_member_contacts(), which checks
// the caller's municipality itself); row-level security enforces it again underneath. Dates are
// selected as text (YYYY-MM-DD) so PGlite and PostgreSQL give the same.

// --- The gate: the household's people, consents, signatures ---------------------------------------

export interface GatePeople {
  adults: { id: string; firstName: string; lastName: string; email: string | null; mobile: string | null }[];
  children: { id: string; firstName: string | null; birthDate: string }[];
  consents: { childId: string; recordedAt: Date }[];
  signatures: { adultId: string; signedAt: Date; textVersion: string; via: string }[];
}

export async function gatePeople(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  householdId: string,
): Promise<GatePeople> {
  const [row] = await tx.query<GatePeople>(
    `SELECT
       COALESCE((SELECT json_agg(json_build_object('id', a.id, 'firstName', a.first_name, 'lastName', a.last_name,
           'email', a.email, 'mobile', a.mobile) ORDER BY a.position)
         FROM adult a WHERE a.municipality_id = $1 AND a.household_id = $3), '[]') AS adults,
       COALESCE((SELECT json_agg(json_build_object('id', c.id, 'firstName', c.first_name,
           'birthDate', c.birth_date::text) ORDER BY c.birth_date)
         FROM child c WHERE c.municipality_id = $1 AND c.household_id = $3), '[]') AS children,
       COALESCE((SELECT json_agg(json_build_object('childId', k.child_id, 'recordedAt', k.recorded_at))
         FROM child_consent k WHERE k.municipality_id = $1 AND k.member_id = $2 AND k.withdrawn_at IS NULL), '[]')
         AS consents,
       COALESCE((SELECT json_agg(json_build_object('adultId', s.adult_id, 'signedAt', s.signed_at,
           'textVersion', s.text_version, 'via', s.via))
         FROM confidentiality_signature s WHERE s.municipality_id = $1 AND s.member_id = $2
           AND s.revoked_at IS NULL), '[]') AS signatures`,
    [municipalityId, memberId, householdId],
  );
  return row as GatePeople;
}

export async function insertConsent(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  childId: string,
  recordedBy: string | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO child_consent (municipality_id, member_id, child_id, recorded_by)
     SELECT $1, $2, c.id, $4 FROM child c WHERE c.municipality_id = $1 AND c.id = $3
     ON CONFLICT DO NOTHING`,
    [municipalityId, memberId, childId, recordedBy],
  );
}

/** Withdraws the child's consent; true when there was one. */
export async function withdrawConsent(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  childId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE child_consent SET withdrawn_at = now()
     WHERE municipality_id = $1 AND member_id = $2 AND child_id = $3 AND withdrawn_at IS NULL RETURNING id`,
    [municipalityId, memberId, childId],
  );
  return rows.length > 0;
}

export async function revokeSignature(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  adultId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE confidentiality_signature SET revoked_at = now()
     WHERE municipality_id = $1 AND member_id = $2 AND adult_id = $3 AND revoked_at IS NULL RETURNING id`,
    [municipalityId, memberId, adultId],
  );
  return rows.length > 0;
}

// --- Signing links --------------------------------------------------------------------------------

/** A new link for the adult; the ones before it stop working. */
export async function insertSigningLink(
  tx: Queryable,
  municipalityId: number,
  link: { memberId: string; adultId: string; tokenHash: string },
): Promise<void> {
  await tx.query(
    `UPDATE signing_link SET replaced_at = now()
     WHERE municipality_id = $1 AND member_id = $2 AND adult_id = $3 AND replaced_at IS NULL`,
    [municipalityId, link.memberId, link.adultId],
  );
  await tx.query(
    'INSERT INTO signing_link (municipality_id, member_id, adult_id, token_hash) VALUES ($1, $2, $3, $4)',
    [municipalityId, link.memberId, link.adultId, link.tokenHash],
  );
}

/** As landsby_system: the link's id and municipality, nothing else. */
export async function signingLinkByHash(
  tx: Queryable,
  tokenHash: string,
): Promise<{ id: string; municipalityId: number } | undefined> {
  const [row] = await tx.query<{ id: string; municipalityId: number }>(
    'SELECT id, municipality_id AS "municipalityId" FROM signing_link WHERE token_hash = $1',
    [tokenHash],
  );
  return row;
}

export interface SigningLinkRow {
  id: string;
  memberId: string;
  networkId: string;
  networkName: string;
  adultId: string;
  firstName: string;
  lastName: string;
  preferredLanguage: string;
  replaced: boolean;
  memberOpen: boolean;
  signedAt: Date | null;
}

export async function findSigningLink(
  tx: Queryable,
  municipalityId: number,
  linkId: string,
): Promise<SigningLinkRow | undefined> {
  const [row] = await tx.query<SigningLinkRow>(
    `SELECT l.id, l.member_id AS "memberId", m.network_id AS "networkId", n.name AS "networkName",
       l.adult_id AS "adultId", a.first_name AS "firstName", a.last_name AS "lastName",
       a.preferred_language AS "preferredLanguage", l.replaced_at IS NOT NULL AS replaced,
       m.left_on IS NULL AS "memberOpen",
       (SELECT s.signed_at FROM confidentiality_signature s
        WHERE s.member_id = l.member_id AND s.adult_id = l.adult_id AND s.revoked_at IS NULL) AS "signedAt"
     FROM signing_link l
     JOIN network_member m ON m.id = l.member_id
     JOIN network n ON n.id = m.network_id
     JOIN adult a ON a.id = l.adult_id
     WHERE l.municipality_id = $1 AND l.id = $2`,
    [municipalityId, linkId],
  );
  return row;
}

/** Signs once: a second submit finds the signature there and changes nothing (false). */
export async function insertSignature(
  tx: Queryable,
  municipalityId: number,
  signature: {
    memberId: string;
    adultId: string;
    textVersion: string;
    textShown: string;
    language: string;
    signingLinkId: string;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO confidentiality_signature
       (municipality_id, member_id, adult_id, text_version, text_shown, language, via, signing_link_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'link', $7) ON CONFLICT DO NOTHING RETURNING id`,
    [
      municipalityId,
      signature.memberId,
      signature.adultId,
      signature.textVersion,
      signature.textShown,
      signature.language,
      signature.signingLinkId,
    ],
  );
  return rows.length > 0;
}
