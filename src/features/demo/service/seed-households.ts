import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { archiveHousehold, checkHouseholds, createHouseholds } from '../../registry/index.js';
import { countHouseholds, replaceTravelTimes } from '../../registry-data/index.js';
import { demoHouseholds } from './invent-households.js';

/**
 * Writes the demo households into the demo municipality once: when it has none. Every household
 * goes through checkHouseholds, as a form would, and is written by createHouseholds (what
 * writeHousehold does, in bulk), in one transaction. A household whose postcode the
 * installation's table lacks (an admin loaded a newer register) is left out. Returns how many
 * were written.
 */
export async function seedDemoHouseholds(
  db: Database,
  municipalityId: number,
  options: { today?: string; count?: number; seed?: number } = {},
): Promise<number> {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    if ((await countHouseholds(tx, municipalityId)) > 0) return 0;
    const demo = demoHouseholds(options);
    await replaceTravelTimes(tx, municipalityId, demo.travelTimes);
    const checked = await checkHouseholds(
      tx,
      municipalityId,
      demo.households.map((h) => h.input),
    );
    const written = checked.flatMap((result, i) =>
      result.household ? [{ household: result.household, archived: demo.households[i]?.archived }] : [],
    );
    await createHouseholds(
      tx,
      ctx,
      written.map((w) => w.household),
      'create',
    );
    for (const w of written) if (w.archived) await archiveHousehold(tx, ctx, w.household.id, true);
    return written.length;
  });
}
