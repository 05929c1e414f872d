import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import { lookupPlaces } from '../../registry/index.js';
import { HOUSING_STATUSES, type HousingStatus } from '../contract.js';
import * as q from '../queries.js';

/** Invented units: one for each of the demo's family homes (occupied), one ready, one still searched for. */
const OCCUPIED = [
  { addressLine: 'Løvenskiolds gate 4', postcode: '1384', rooms: 5, areaM2: 128, owner: 'Kommunen' },
  { addressLine: 'Bleikerveien 17', postcode: '1387', rooms: 6, areaM2: 142, owner: 'Privat utleier' },
  { addressLine: 'Holmenveien 9', postcode: '1383', rooms: 5, areaM2: 119, owner: 'Boligstiftelsen' },
];
const READY = { addressLine: 'Vettrebrenna 2', postcode: '1392', rooms: 5, areaM2: 125, owner: 'Kommunen' };

/**
 * Writes the demo's housing units once (while the municipality has none): each family home of the
 * demo in an occupied unit with its way there in the history, one unit furnished and ready, one
 * the coordinator is still searching for. Dates are counted back from today.
 */
export async function seedDemoHousing(db: Database, municipalityId: number): Promise<number> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    if (await q.hasHousingUnits(tx, municipalityId)) return 0;
    const today = todayInOslo();
    const homes = (await q.listFamilyHomes(tx, municipalityId)).slice(0, OCCUPIED.length);
    const places = await lookupPlaces(
      tx,
      [...OCCUPIED, READY].map((u) => u.postcode),
    );
    const write = async (
      facts: (typeof OCCUPIED)[number] | null,
      to: HousingStatus,
      startDaysAgo: number,
      householdId: string | null,
    ) => {
      const way = HOUSING_STATUSES.slice(0, HOUSING_STATUSES.indexOf(to) + 1);
      const step = Math.floor(startDaysAgo / way.length);
      const dayOf = (i: number) => addDays(today, -startDaysAgo + i * step);
      const unitId = await q.insertHousingUnit(
        tx,
        municipalityId,
        {
          addressLine: facts?.addressLine ?? null,
          postcode: facts?.postcode ?? null,
          place: facts ? (places.get(facts.postcode) ?? null) : null,
          rooms: facts?.rooms ?? null,
          areaM2: facts?.areaM2 ?? null,
          owner: facts?.owner ?? null,
          status: to,
          statusOn: dayOf(way.length - 1),
          householdId,
        },
        null,
      );
      for (const [i, status] of way.entries()) {
        await q.insertHousingChange(tx, municipalityId, {
          unitId,
          from: i === 0 ? null : (way[i - 1] ?? null),
          to: status,
          on: dayOf(i),
          householdId: status === 'occupied' ? householdId : null,
          userId: null,
        });
      }
    };
    for (const [i, home] of homes.entries()) {
      await write(OCCUPIED[i] ?? null, 'occupied', 900 - i * 200, home.id);
    }
    await write(READY, 'furnished', 120, null);
    await write(null, 'searching', 20, null);
    return homes.length + 2;
  });
}
