import { type HousingUnitView, NEXT_STATUSES } from './contract.js';
import type { HousingChangeRow, HousingUnitRow } from './queries.js';

const familyHome = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentHousingUnit(row: HousingUnitRow): HousingUnitView {
  return {
    id: row.id,
    address: { line: row.addressLine, postcode: row.postcode, place: row.place },
    rooms: row.rooms,
    areaM2: row.areaM2,
    owner: row.owner,
    status: row.status,
    statusOn: row.statusOn,
    familyHome: familyHome(row.householdId, row.householdName),
    nextStatuses: [...NEXT_STATUSES[row.status]],
    version: row.version,
  };
}

export function presentHousingChange(row: HousingChangeRow) {
  return {
    from: row.from,
    to: row.to,
    on: row.on,
    familyHome: familyHome(row.householdId, row.householdName),
    by: row.by,
    at: row.at,
  };
}
