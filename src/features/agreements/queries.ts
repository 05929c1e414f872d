import type { Queryable } from '../../db/connection.js';

// Every statement names municipality_id; row-level security enforces it again underneath. Dates
// are selected as text (YYYY-MM-DD) and instants as ISO text so PGlite and PostgreSQL give the same.

// --- KS rates --------------------------------------------------------------------------------------

export function ksRates(tx: Queryable, municipalityId: number) {
  return tx.query<{ year: number; amountOre: number }>(
    `SELECT year, amount_ore::int AS "amountOre" FROM ks_rate WHERE municipality_id = $1 ORDER BY year`,
    [municipalityId],
  );
}

export async function ksRateOf(
  tx: Queryable,
  municipalityId: number,
  year: number,
): Promise<number | undefined> {
  const [row] = await tx.query<{ amountOre: number }>(
    'SELECT amount_ore::int AS "amountOre" FROM ks_rate WHERE municipality_id = $1 AND year = $2',
    [municipalityId, year],
  );
  return row?.amountOre;
}

/** The whole table as given: years left out are removed. */
export async function replaceKsRates(
  tx: Queryable,
  municipalityId: number,
  rates: { year: number; amountOre: number }[],
  userId: string | null,
): Promise<void> {
  await tx.query('DELETE FROM ks_rate WHERE municipality_id = $1 AND NOT (year = ANY ($2::int[]))', [
    municipalityId,
    rates.map((r) => r.year),
  ]);
  for (const rate of rates) {
    await tx.query(
      `INSERT INTO ks_rate (municipality_id, year, amount_ore, changed_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, year) DO UPDATE SET amount_ore = EXCLUDED.amount_ore,
         changed_by = EXCLUDED.changed_by, changed_at = now()
       WHERE ks_rate.amount_ore <> EXCLUDED.amount_ore`,
      [municipalityId, rate.year, rate.amountOre, userId],
    );
  }
}

// --- The network and its resource family -----------------------------------------------------------

export interface OwnNetwork {
  id: string;
  name: string;
  householdId: string;
  familyName: string;
  municipalityName: string;
}

/** A network the municipality owns (the agreement is the owner's), with its resource family. */
export async function ownNetwork(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<OwnNetwork | undefined> {
  const [row] = await tx.query<OwnNetwork>(
    `SELECT n.id, n.name, h.id AS "householdId", h.display_name AS "familyName", m.name AS "municipalityName"
     FROM network n JOIN household h ON h.id = n.resource_family_household_id
       JOIN municipality m ON m.id = n.municipality_id
     WHERE n.municipality_id = $1 AND n.id = $2`,
    [municipalityId, networkId],
  );
  return row;
}

export function familyAdults(tx: Queryable, municipalityId: number, householdId: string) {
  return tx.query<{ id: string; firstName: string; lastName: string; email: string | null }>(
    `SELECT id, first_name AS "firstName", last_name AS "lastName", email FROM adult
     WHERE municipality_id = $1 AND household_id = $2 ORDER BY position`,
    [municipalityId, householdId],
  );
}

// --- Agreements ------------------------------------------------------------------------------------

export interface AgreementRow {
  id: string;
  networkId: string;
  householdId: string;
  startOn: string;
  endOn: string;
  ksUnits: number;
  ksRateOre: number;
  expenses: string;
  otherArrangements: string;
  sentAt: string | null;
}

const SELECT_AGREEMENT = `SELECT id, network_id AS "networkId", household_id AS "householdId",
  start_on::text AS "startOn", end_on::text AS "endOn", ks_units::float8 AS "ksUnits",
  ks_rate_ore::int AS "ksRateOre", expenses,
  other_arrangements AS "otherArrangements",
  to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "sentAt"
  FROM agreement`;

/** The network's latest agreement. */
export async function currentAgreement(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  forUpdate = false,
): Promise<AgreementRow | undefined> {
  const [row] = await tx.query<AgreementRow>(
    `${SELECT_AGREEMENT} WHERE municipality_id = $1 AND network_id = $2
     ORDER BY created_at DESC, id LIMIT 1${forUpdate ? ' FOR UPDATE' : ''}`,
    [municipalityId, networkId],
  );
  return row;
}

export async function findAgreement(tx: Queryable, municipalityId: number, id: string) {
  const [row] = await tx.query<AgreementRow>(`${SELECT_AGREEMENT} WHERE municipality_id = $1 AND id = $2`, [
    municipalityId,
    id,
  ]);
  return row;
}

export interface AgreementTerms {
  startOn: string;
  endOn: string;
  ksUnits: number;
  ksRateOre: number;
  expenses: string;
  otherArrangements: string;
}

export async function insertAgreement(
  tx: Queryable,
  municipalityId: number,
  row: AgreementTerms & { id: string; networkId: string; householdId: string; createdBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO agreement (id, municipality_id, network_id, household_id, start_on, end_on, ks_units,
       expenses, other_arrangements, created_by, ks_rate_ore)
     VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      municipalityId,
      row.id,
      row.networkId,
      row.householdId,
      row.startOn,
      row.endOn,
      row.ksUnits,
      row.expenses,
      row.otherArrangements,
      row.createdBy,
      row.ksRateOre,
    ],
  );
}

export async function updateAgreement(
  tx: Queryable,
  municipalityId: number,
  id: string,
  terms: AgreementTerms,
): Promise<void> {
  await tx.query(
    `UPDATE agreement SET start_on = $3, end_on = $4, ks_units = $5, expenses = $6, other_arrangements = $7,
       ks_rate_ore = $8, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND sent_at IS NULL`,
    [
      municipalityId,
      id,
      terms.startOn,
      terms.endOn,
      terms.ksUnits,
      terms.expenses,
      terms.otherArrangements,
      terms.ksRateOre,
    ],
  );
}

export async function markSent(tx: Queryable, municipalityId: number, id: string): Promise<void> {
  await tx.query(
    'UPDATE agreement SET sent_at = COALESCE(sent_at, now()) WHERE municipality_id = $1 AND id = $2',
    [municipalityId, id],
  );
}

// --- Signers ---------------------------------------------------------------------------------------

export interface SignerRow {
  adultId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  linkMadeAt: string | null;
  signedAt: string | null;
}

/** The resource family's adults, each with their link and signature if any. */
export function signersOf(
  tx: Queryable,
  municipalityId: number,
  agreement: { id: string; householdId: string },
) {
  return tx.query<SignerRow>(
    `SELECT a.id AS "adultId", a.first_name AS "firstName", a.last_name AS "lastName", a.email,
       to_char(s.link_made_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "linkMadeAt",
       to_char(s.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "signedAt"
     FROM adult a LEFT JOIN agreement_signer s ON s.agreement_id = $2 AND s.adult_id = a.id
     WHERE a.municipality_id = $1 AND a.household_id = $3 ORDER BY a.position`,
    [municipalityId, agreement.id, agreement.householdId],
  );
}

/** A new personal link for the adult (a link sent before stops working); a signature stays. */
export async function upsertSignerLink(
  tx: Queryable,
  municipalityId: number,
  signer: { agreementId: string; adultId: string; tokenHash: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO agreement_signer (municipality_id, agreement_id, adult_id, token_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agreement_id, adult_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, link_made_at = now()
     WHERE agreement_signer.signed_at IS NULL`,
    [municipalityId, signer.agreementId, signer.adultId, signer.tokenHash],
  );
}

/** As landsby_system: the signer's id and municipality, nothing else. */
export async function signerByHash(tx: Queryable, tokenHash: string) {
  const [row] = await tx.query<{ id: string; municipalityId: number }>(
    'SELECT id, municipality_id AS "municipalityId" FROM agreement_signer WHERE token_hash = $1',
    [tokenHash],
  );
  return row;
}

export interface SignerLinkRow {
  id: string;
  agreementId: string;
  adultId: string;
  firstName: string;
  preferredLanguage: string;
  signedAt: Date | null;
}

export async function findSigner(tx: Queryable, municipalityId: number, id: string) {
  const [row] = await tx.query<SignerLinkRow>(
    `SELECT s.id, s.agreement_id AS "agreementId", s.adult_id AS "adultId", a.first_name AS "firstName",
       a.preferred_language AS "preferredLanguage", s.signed_at AS "signedAt"
     FROM agreement_signer s JOIN adult a ON a.id = s.adult_id
     WHERE s.municipality_id = $1 AND s.id = $2`,
    [municipalityId, id],
  );
  return row;
}

/** Signs once: a second submit finds the signature there and changes nothing (false). */
export async function sign(
  tx: Queryable,
  municipalityId: number,
  id: string,
  terms: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE agreement_signer SET signed_at = now(), terms_signed = $3
     WHERE municipality_id = $1 AND id = $2 AND signed_at IS NULL RETURNING id`,
    [municipalityId, id, terms],
  );
  return rows.length > 0;
}

// --- The reminder ----------------------------------------------------------------------------------

/** As landsby_system: sent agreements ending within the window, not yet reminded, in every municipality. */
export function endingAgreements(tx: Queryable, today: string, until: string) {
  return tx.query<{ id: string; municipalityId: number }>(
    `SELECT id, municipality_id AS "municipalityId" FROM agreement
     WHERE sent_at IS NOT NULL AND reminded_at IS NULL AND end_on >= $1 AND end_on <= $2`,
    [today, until],
  );
}

/** Marks the reminder sent; false when another run did it first. */
export async function claimReminder(tx: Queryable, municipalityId: number, id: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE agreement SET reminded_at = now() WHERE municipality_id = $1 AND id = $2 AND reminded_at IS NULL
     RETURNING id`,
    [municipalityId, id],
  );
  return rows.length > 0;
}

/** The network's caseworkers who can be e-mailed. */
export function caseworkerAddresses(tx: Queryable, municipalityId: number, networkId: string) {
  return tx.query<{ email: string; firstName: string; locale: string }>(
    `SELECT u.email, u.first_name AS "firstName", u.locale FROM network_caseworker c JOIN app_user u ON u.id = c.user_id
     WHERE c.municipality_id = $1 AND c.network_id = $2 AND u.active ORDER BY u.first_name, u.email`,
    [municipalityId, networkId],
  );
}
