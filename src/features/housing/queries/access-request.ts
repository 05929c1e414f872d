import type { Queryable } from '../../../db/connection.js';

// What a household's access request (features/registry-data) holds from housing: the unit the
// family home lives in, and each change of a unit's status recorded while the household was in it.

export interface HouseholdHousing {
  unit: { address: string | null; postcode: string | null; place: string | null; status: string } | null;
  changes: { changedOn: string; fromStatus: string | null; toStatus: string; address: string | null }[];
}

export async function housingOfHousehold(
  tx: Queryable,
  municipalityId: number,
  householdId: string,
): Promise<HouseholdHousing> {
  const params = [municipalityId, householdId];
  const [unit] = await tx.query<NonNullable<HouseholdHousing['unit']>>(
    `SELECT address_line AS address, postcode, place, status
     FROM housing_unit WHERE municipality_id = $1 AND household_id = $2`,
    params,
  );
  const changes = await tx.query<HouseholdHousing['changes'][number]>(
    `SELECT c.changed_on::text AS "changedOn", c.from_status AS "fromStatus", c.to_status AS "toStatus",
       u.address_line AS address
     FROM housing_unit_change c JOIN housing_unit u ON u.id = c.housing_unit_id
     WHERE c.municipality_id = $1 AND c.household_id = $2
     ORDER BY c.changed_on, c.changed_at`,
    params,
  );
  return { unit: unit ?? null, changes };
}
