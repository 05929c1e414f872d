import type { VenueView } from './contract.js';
import type { VenueRow } from './queries.js';

export function presentVenue(row: VenueRow): VenueView {
  return {
    id: row.id,
    name: row.name,
    address: { line: row.addressLine, postcode: row.postcode, place: row.place },
    capacity: row.capacity,
    kitchen: row.kitchen,
    parking: row.parking,
    stepFree: row.stepFree,
    notes: row.notes,
    archived: row.archived,
    version: row.version,
    eventsHeld: Number(row.eventsHeld),
    lastUsed: row.lastUsed,
    averageAttendance: row.averageAttendance === null ? null : Number(row.averageAttendance),
  };
}
