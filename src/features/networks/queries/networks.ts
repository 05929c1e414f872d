import type { Queryable } from '../../../db/connection.js';
import type { EndReason } from '../../../domain/network.js';

// Every statement names municipality_id (or goes through network_member_contacts(), which checks
// the caller's municipality itself); row-level security enforces it again underneath. Dates are
// selected as text (YYYY-MM-DD) so PGlite and PostgreSQL give the same.

// --- Networks --------------------------------------------------------------------------------------

export interface NetworkRow {
  id: string;
  name: string;
  municipalityId: number;
  resourceFamilyHouseholdId: string;
  /** the resource family's name: null when it is another municipality's household */
  resourceFamilyName: string | null;
}

const SELECT_NETWORK = `SELECT n.id, n.name, n.municipality_id AS "municipalityId",
  n.resource_family_household_id AS "resourceFamilyHouseholdId",
  (SELECT h.display_name FROM household h WHERE h.id = n.resource_family_household_id) AS "resourceFamilyName"
  FROM network n`;

/** The networks the municipality takes part in (owner or joint). */
export function networksOf(tx: Queryable, municipalityId: number): Promise<NetworkRow[]> {
  return tx.query<NetworkRow>(
    `${SELECT_NETWORK} WHERE EXISTS (SELECT 1 FROM network_municipality nm
       WHERE nm.network_id = n.id AND nm.municipality_id = $1) ORDER BY n.name`,
    [municipalityId],
  );
}

export async function findNetwork(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<NetworkRow | undefined> {
  const [row] = await tx.query<NetworkRow>(
    `${SELECT_NETWORK} WHERE n.id = $2 AND EXISTS (SELECT 1 FROM network_municipality nm
       WHERE nm.network_id = n.id AND nm.municipality_id = $1)`,
    [municipalityId, networkId],
  );
  return row;
}

export async function insertNetwork(
  tx: Queryable,
  municipalityId: number,
  network: { id: string; name: string; resourceFamilyHouseholdId: string; createdBy: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO network (id, municipality_id, name, resource_family_household_id, created_by)
     VALUES ($2, $1, $3, $4, $5)`,
    [municipalityId, network.id, network.name, network.resourceFamilyHouseholdId, network.createdBy],
  );
}

export async function insertNetworkMunicipality(
  tx: Queryable,
  ownerMunicipalityId: number,
  networkId: string,
  municipalityId: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO network_municipality (network_id, municipality_id, owner_municipality_id) VALUES ($2, $3, $1)`,
    [ownerMunicipalityId, networkId, municipalityId],
  );
}

export function networkMunicipalities(
  tx: Queryable,
  networkId: string,
): Promise<{ id: number; name: string }[]> {
  // Names through municipality_names(): a joint network's other municipality is not readable here.
  return tx.query(
    `SELECT m.id, m.name FROM network n
     JOIN municipality_names() m ON m.id = n.municipality_id OR m.id IN (
       SELECT nm.municipality_id FROM network_municipality nm WHERE nm.network_id = n.id)
     WHERE n.id = $1 ORDER BY m.id = n.municipality_id DESC, m.name`,
    [networkId],
  );
}

/** A municipality by its number (kommunenummer), for the other one of a joint network. */
export async function municipalityByNumber(tx: Queryable, number: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM municipality_names() WHERE number = $1', [
    number,
  ]);
  return row?.id;
}

export async function insertCaseworkers(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  userIds: string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO network_caseworker (network_id, user_id, municipality_id)
     SELECT $2, u.id, $1 FROM app_user u WHERE u.municipality_id = $1 AND u.id = ANY($3::uuid[])`,
    [municipalityId, networkId, userIds],
  );
}

/** Staff users of the municipality among `userIds` who may supervise (caseworker, team leader). */
export async function supervisorsAmong(
  tx: Queryable,
  municipalityId: number,
  userIds: string[],
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM app_user WHERE municipality_id = $1 AND id = ANY($2::uuid[]) AND active
       AND roles && ARRAY['caseworker', 'team_leader']`,
    [municipalityId, userIds],
  );
  return row?.n ?? 0;
}

export interface CaseworkerRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
}

export function caseworkersOf(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<CaseworkerRow[]> {
  return tx.query<CaseworkerRow>(
    `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.email
     FROM network_caseworker c JOIN app_user u ON u.id = c.user_id
     WHERE c.municipality_id = $1 AND c.network_id = $2 AND u.active ORDER BY u.first_name`,
    [municipalityId, networkId],
  );
}

export function networkUsers(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<{ id: string; email: string }[]> {
  return tx.query(
    `SELECT u.id, u.email FROM network_user nu JOIN app_user u ON u.id = nu.user_id
     WHERE nu.municipality_id = $1 AND nu.network_id = $2 ORDER BY u.email`,
    [municipalityId, networkId],
  );
}

/** The network of a resource family's account, or undefined. */
export async function networkOfUser(
  tx: Queryable,
  municipalityId: number,
  userId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ networkId: string }>(
    `SELECT network_id AS "networkId" FROM network_user WHERE municipality_id = $1 AND user_id = $2`,
    [municipalityId, userId],
  );
  return row?.networkId;
}

export async function insertNetworkUser(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  userId: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO network_user (user_id, network_id, municipality_id) VALUES ($2, $3, $1)
     ON CONFLICT (user_id) DO UPDATE SET network_id = EXCLUDED.network_id`,
    [municipalityId, userId, networkId],
  );
}

// --- Members -----------------------------------------------------------------------------------------

export interface MemberRow {
  id: string;
  networkId: string;
  municipalityId: number;
  householdId: string;
  joinedOn: string | null;
  leftOn: string | null;
  endReason: EndReason | null;
  overrideReason: string | null;
}

const SELECT_MEMBER = `SELECT m.id, m.network_id AS "networkId", m.municipality_id AS "municipalityId",
  m.household_id AS "householdId", m.joined_on::text AS "joinedOn", m.left_on::text AS "leftOn",
  m.end_reason AS "endReason", m.override_reason AS "overrideReason" FROM network_member m`;

/** The municipality's own memberships in the network (every one, ended included). */
export function ownMembers(tx: Queryable, municipalityId: number, networkId: string): Promise<MemberRow[]> {
  return tx.query<MemberRow>(
    `${SELECT_MEMBER} WHERE m.municipality_id = $1 AND m.network_id = $2 ORDER BY m.created_at`,
    [municipalityId, networkId],
  );
}

export async function findMember(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  memberId: string,
): Promise<MemberRow | undefined> {
  const [row] = await tx.query<MemberRow>(
    `${SELECT_MEMBER} WHERE m.municipality_id = $1 AND m.network_id = $2 AND m.id = $3`,
    [municipalityId, networkId, memberId],
  );
  return row;
}

/** Locks the network's open memberships of this municipality, so two joins count the same members. */
export async function lockMembers(tx: Queryable, municipalityId: number, networkId: string): Promise<void> {
  await tx.query(
    'SELECT id FROM network_member WHERE municipality_id = $1 AND network_id = $2 AND left_on IS NULL FOR UPDATE',
    [municipalityId, networkId],
  );
}

/**
 * Inserts a proposed membership; undefined when the household already has an open one (the
 * unique index: a double click proposes it once).
 */
export async function insertMember(
  tx: Queryable,
  municipalityId: number,
  member: { id: string; networkId: string; householdId: string; createdBy: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO network_member (id, network_id, municipality_id, household_id, created_by)
     VALUES ($2, $3, $1, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [municipalityId, member.id, member.networkId, member.householdId, member.createdBy],
  );
  return rows.length > 0;
}

export async function setJoined(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  joinedOn: string,
  overrideReason: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE network_member SET joined_on = $3, override_reason = $4
     WHERE municipality_id = $1 AND id = $2 AND joined_on IS NULL AND left_on IS NULL`,
    [municipalityId, memberId, joinedOn, overrideReason],
  );
}

export async function setLeft(
  tx: Queryable,
  municipalityId: number,
  memberId: string,
  leftOn: string,
  reason: EndReason,
): Promise<void> {
  await tx.query(
    `UPDATE network_member SET left_on = GREATEST($3::date, COALESCE(joined_on, $3::date)), end_reason = $4
     WHERE municipality_id = $1 AND id = $2 AND left_on IS NULL`,
    [municipalityId, memberId, leftOn, reason],
  );
}

/** What a member sees of every membership of the network (joint: both municipalities'). */
export interface MemberContactRow {
  memberId: string;
  householdId: string;
  municipalityId: number;
  joinedOn: string | null;
  leftOn: string | null;
  displayName: string;
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  adults: { firstName: string; lastName: string; mobile: string | null; email: string | null }[];
  children: { firstName: string | null; birthDate: string }[];
}

export function memberContacts(tx: Queryable, networkId: string): Promise<MemberContactRow[]> {
  return tx.query<MemberContactRow>(
    `SELECT member_id AS "memberId", household_id AS "householdId", municipality_id AS "municipalityId",
       joined_on::text AS "joinedOn", left_on::text AS "leftOn", display_name AS "displayName",
       address_line AS "addressLine", postcode, place, adults, children
     FROM network_member_contacts($1) ORDER BY display_name`,
    [networkId],
  );
}

export async function isResourceFamilyUser(
  tx: Queryable,
  municipalityId: number,
  userId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM app_user WHERE municipality_id = $1 AND id = $2 AND 'resource_family' = ANY(roles)`,
    [municipalityId, userId],
  );
  return rows.length > 0;
}

/** Active accounts with the resource-family role not linked to this network, for the caseworker to pick. */
export function resourceFamilyCandidates(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
): Promise<{ id: string; firstName: string; lastName: string; email: string }[]> {
  return tx.query(
    `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName", u.email FROM app_user u
     WHERE u.municipality_id = $1 AND u.active AND 'resource_family' = ANY(u.roles)
       AND NOT EXISTS (SELECT 1 FROM network_user nu WHERE nu.user_id = u.id AND nu.network_id = $2)
     ORDER BY u.first_name, u.last_name`,
    [municipalityId, networkId],
  );
}

/**
 * Links the resource-family accounts whose e-mail is an adult's of the resource family's household
 * (an account already linked to another network keeps it). Returns their ids.
 */
export async function linkFamilyAccounts(
  tx: Queryable,
  municipalityId: number,
  networkId: string,
  householdId: string,
): Promise<string[]> {
  const rows = await tx.query<{ userId: string }>(
    `INSERT INTO network_user (user_id, network_id, municipality_id)
     SELECT DISTINCT u.id, $2::uuid, $1::int FROM app_user u JOIN adult a ON lower(a.email) = u.email
     WHERE u.municipality_id = $1 AND a.municipality_id = $1 AND a.household_id = $3
       AND 'resource_family' = ANY(u.roles)
     ON CONFLICT (user_id) DO NOTHING RETURNING user_id AS "userId"`,
    [municipalityId, networkId, householdId],
  );
  return rows.map((r) => r.userId);
}
