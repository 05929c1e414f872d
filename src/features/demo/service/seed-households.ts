import type { Database } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { audit } from '../../audit/index.js';
import { checkHouseholds, insertHistory, setArchived, writeHousehold } from '../../registry/index.js';
import { countHouseholds, replaceTravelTimes } from '../../registry-data/index.js';
import { demoHouseholds } from './invent-households.js';

/**
 * Writes the demo households into the demo municipality once: when it has none. Every household
 * goes through checkHouseholds and writeHousehold, as a form would, in one transaction. A
 * household whose postcode the installation's table lacks (an admin loaded a newer register) is
 * left out. Returns how many were written.
 */
export async function seedDemoHouseholds(
  db: Database,
  municipalityId: number,
  options: { today?: string; count?: number } = {},
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
    let written = 0;
    for (const [i, result] of checked.entries()) {
      if (!result.household) continue;
      await writeHousehold(tx, ctx, result.household, null, 'create');
      if (demo.households[i]?.archived) {
        const id = result.household.id;
        await setArchived(tx, municipalityId, id, true);
        await insertHistory(tx, {
          municipalityId,
          householdId: id,
          actorUserId: null,
          action: 'archive',
          changes: [{ field: 'archived', before: false, after: true }],
        });
        await audit(tx, ctx, {
          action: 'update',
          recordType: 'household',
          recordId: id,
          subjectId: id,
          details: { via: 'archive' },
        });
      }
      written++;
    }
    return written;
  });
}
