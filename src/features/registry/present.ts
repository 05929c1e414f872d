import type { HouseholdView } from './contract.js';
import type { HouseholdRow } from './queries.js';

/** The household as the API shows it. */
export function presentHousehold(row: HouseholdRow): HouseholdView {
  return {
    id: row.id,
    kind: row.kind,
    relation: row.relation,
    externalRef: row.externalRef,
    address: row.address,
    travelMinutes: row.travelMinutes,
    travelSource: row.travelSource,
    adults: row.adults,
    children: row.children,
    placements: row.placements,
    archivedAt: row.archivedAt ? new Date(row.archivedAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}
