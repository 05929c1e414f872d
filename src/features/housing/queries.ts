import type { Queryable } from '../../db/connection.js';
import type { HousingStatus } from './contract.js';

// Every statement names municipality_id; row-level security enforces it again underneath.
// Dates are read as text ('YYYY-MM-DD'), so no driver turns them into instants in its own zone.

export interface HousingUnitData {
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
  rooms: number | null;
  areaM2: number | null;
  owner: string | null;
}

export interface HousingUnitRow extends HousingUnitData {
  id: string;
  status: HousingStatus;
  statusOn: string;
  householdId: string | null;
  householdName: string | null;
  version: number;
}

const SELECT_UNIT = `SELECT u.id, u.address_line AS "addressLine", u.postcode, u.place, u.rooms,
  u.area_m2 AS "areaM2", u.owner, u.status, u.status_on::text AS "statusOn",
  u.household_id AS "householdId", h.display_name AS "householdName", u.version
  FROM housing_unit u
  LEFT JOIN household h ON h.id = u.household_id AND h.municipality_id = u.municipality_id`;

// Ready first (furnished), then the way of a unit, ended last; the same status by address.
const UNIT_ORDER = `ORDER BY array_position(ARRAY['furnished', 'searching', 'offered', 'approved',
  'occupied', 'ending', 'ended'], u.status), u.address_line NULLS FIRST, u.created_at`;

export function listHousingUnits(tx: Queryable, municipalityId: number): Promise<HousingUnitRow[]> {
  return tx.query<HousingUnitRow>(`${SELECT_UNIT} WHERE u.municipality_id = $1 ${UNIT_ORDER}`, [
    municipalityId,
  ]);
}

export async function findHousingUnit(
  tx: Queryable,
  municipalityId: number,
  unitId: string,
): Promise<HousingUnitRow | undefined> {
  const [row] = await tx.query<HousingUnitRow>(`${SELECT_UNIT} WHERE u.municipality_id = $1 AND u.id = $2`, [
    municipalityId,
    unitId,
  ]);
  return row;
}

/** The unit a family home lives in (occupied or ending), if any. */
export async function findHousingUnitOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HousingUnitRow | undefined> {
  const [row] = await tx.query<HousingUnitRow>(
    `${SELECT_UNIT} WHERE u.municipality_id = $1 AND u.household_id = $2`,
    [municipalityId, householdId],
  );
  return row;
}

export async function insertHousingUnit(
  tx: Queryable,
  municipalityId: number,
  unit: HousingUnitData & { status: HousingStatus; statusOn: string; householdId: string | null },
  userId: string | null,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO housing_unit (municipality_id, address_line, postcode, place, rooms, area_m2, owner,
       status, status_on, household_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      municipalityId,
      unit.addressLine,
      unit.postcode,
      unit.place,
      unit.rooms,
      unit.areaM2,
      unit.owner,
      unit.status,
      unit.statusOn,
      unit.householdId,
      userId,
    ],
  );
  return (row as { id: string }).id;
}

/** false when the unit's version is not `version` any more */
export async function updateHousingUnit(
  tx: Queryable,
  municipalityId: number,
  unitId: string,
  unit: HousingUnitData,
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE housing_unit SET address_line = $3, postcode = $4, place = $5, rooms = $6, area_m2 = $7,
       owner = $8, version = version + 1, updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $9 RETURNING id`,
    [
      municipalityId,
      unitId,
      unit.addressLine,
      unit.postcode,
      unit.place,
      unit.rooms,
      unit.areaM2,
      unit.owner,
      version,
    ],
  );
  return rows.length > 0;
}

/** false when the unit's version is not `version` any more */
export async function updateHousingStatus(
  tx: Queryable,
  municipalityId: number,
  unitId: string,
  change: { status: HousingStatus; on: string; householdId: string | null },
  version: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE housing_unit SET status = $3, status_on = $4, household_id = $5, version = version + 1,
       updated_at = now()
     WHERE municipality_id = $1 AND id = $2 AND version = $6 RETURNING id`,
    [municipalityId, unitId, change.status, change.on, change.householdId, version],
  );
  return rows.length > 0;
}

export async function insertHousingChange(
  tx: Queryable,
  municipalityId: number,
  change: {
    unitId: string;
    from: HousingStatus | null;
    to: HousingStatus;
    on: string;
    householdId: string | null;
    userId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO housing_unit_change (municipality_id, housing_unit_id, from_status, to_status, changed_on,
       household_id, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [municipalityId, change.unitId, change.from, change.to, change.on, change.householdId, change.userId],
  );
}

export interface HousingChangeRow {
  from: HousingStatus | null;
  to: HousingStatus;
  on: string;
  householdId: string | null;
  householdName: string | null;
  by: string | null;
  at: string;
}

/** A unit's changes, oldest first: by the day given (never before the last change), then by when written. */
export function listHousingChanges(
  tx: Queryable,
  municipalityId: number,
  unitId: string,
): Promise<HousingChangeRow[]> {
  return tx.query<HousingChangeRow>(
    `SELECT c.from_status AS "from", c.to_status AS "to", c.changed_on::text AS "on",
       c.household_id AS "householdId", h.display_name AS "householdName",
       CASE WHEN a.id IS NULL THEN NULL ELSE a.first_name || ' ' || a.last_name END AS by,
       to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
     FROM housing_unit_change c
     LEFT JOIN household h ON h.id = c.household_id AND h.municipality_id = c.municipality_id
     LEFT JOIN app_user a ON a.id = c.changed_by AND a.municipality_id = c.municipality_id
     WHERE c.municipality_id = $1 AND c.housing_unit_id = $2
     ORDER BY c.changed_on, c.changed_at, c.id`,
    [municipalityId, unitId],
  );
}

/** The municipality's family homes (not archived) and the unit each lives in. */
export function listFamilyHomes(
  tx: Queryable,
  municipalityId: number,
): Promise<{ id: string; name: string; unitId: string | null }[]> {
  return tx.query(
    `SELECT h.id, h.display_name AS name, u.id AS "unitId"
     FROM household h
     LEFT JOIN housing_unit u ON u.household_id = h.id AND u.municipality_id = h.municipality_id
     WHERE h.municipality_id = $1 AND h.kind = 'family_home' AND h.archived_at IS NULL
     ORDER BY lower(h.display_name), h.id`,
    [municipalityId],
  );
}

/** Whether `householdId` is a family home of the municipality, not archived. */
export async function isFamilyHome(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM household WHERE municipality_id = $1 AND id = $2 AND kind = 'family_home'
       AND archived_at IS NULL`,
    [municipalityId, householdId],
  );
  return rows.length > 0;
}

/** Whether the municipality has any housing unit (the demo seeds its units once). */
export async function hasHousingUnits(tx: Queryable, municipalityId: number): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM housing_unit WHERE municipality_id = $1 LIMIT 1', [
    municipalityId,
  ]);
  return rows.length > 0;
}
