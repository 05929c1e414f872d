import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { inTenant } from '../../src/db/tenant.js';
import type { HouseholdInput } from '../../src/domain/household.js';
import { demoHouseholds } from '../../src/features/demo/service/invent-households.js';
import {
  checkHouseholds,
  createHouseholds,
  findHouseholds,
  listHistory,
  writeHousehold,
} from '../../src/features/registry/index.js';
import { createTestDatabase } from '../support/database.js';
import { createMunicipality } from '../support/factories.js';

// createHouseholds is writeHousehold for many new households at once (the demo's seed at first
// start): the households, their history and audit entries must be what one by one would make.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** The invented households without their ids, so each municipality gets its own. */
function inputs(): HouseholdInput[] {
  return demoHouseholds({ count: 25, seed: 42 }).households.map(({ input }) => ({
    ...input,
    id: undefined,
    adults: input.adults.map((a) => ({ ...a, id: undefined })),
    children: input.children?.map((c) => ({ ...c, id: undefined })),
    placements: input.placements?.map((p) => ({ ...p, id: undefined })),
  }));
}

/** What a caseworker sees of each household and its history, ids left out, in name order. */
async function stored(municipalityId: number) {
  const ctx = { municipalityId, userId: null, ip: null };
  return inTenant(db, ctx, async (tx) => {
    const ids = (
      await tx.query<{ id: string }>('SELECT id FROM household WHERE municipality_id = $1', [municipalityId])
    ).map((r) => r.id);
    const households = await findHouseholds(tx, municipalityId, ids);
    const audits = await tx.query<{ record_id: string; action: string; details: unknown }>(
      `SELECT record_id, action, details FROM audit_log WHERE municipality_id = $1 AND record_type = 'household'`,
      [municipalityId],
    );
    const seen = await Promise.all(
      households.map(async (h) => ({
        displayName: h.displayName,
        kind: h.kind,
        relation: h.relation,
        address: h.address,
        travelMinutes: h.travelMinutes,
        adults: h.adults.map(({ id: _, ...a }) => a),
        children: h.children.map(({ id: _, ...c }) => c),
        placements: h.placements.map(({ id: _, childId: __, ...p }) => p),
        history: (await listHistory(tx, municipalityId, h.id)).map((e) => ({
          action: e.action,
          fields: e.changes.map((c) => c.field),
        })),
        audit: audits.filter((a) => a.record_id === h.id).map(({ record_id: _, ...a }) => a),
      })),
    );
    return seen.sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
  });
}

describe('creating many households at once', () => {
  it('stores the households, their history and audit entries as writing them one by one does', async () => {
    const oneByOne = await createMunicipality(db, 'Enkeltvis');
    const inBulk = await createMunicipality(db, 'Samlet');
    for (const [municipalityId, bulk] of [
      [oneByOne, false],
      [inBulk, true],
    ] as const) {
      const ctx = { municipalityId, userId: null, ip: null };
      await inTenant(db, ctx, async (tx) => {
        const checked = (await checkHouseholds(tx, municipalityId, inputs())).flatMap((r) =>
          r.household ? [r.household] : [],
        );
        expect(checked).toHaveLength(25);
        if (bulk) await createHouseholds(tx, ctx, checked, 'create');
        else for (const h of checked) await writeHousehold(tx, ctx, h, null, 'create');
      });
    }
    const expected = await stored(oneByOne);
    expect(expected).toHaveLength(25);
    expect(expected.some((h) => h.placements.length > 0 && h.adults.length > 1)).toBe(true);
    expect(await stored(inBulk)).toEqual(expected);
  });

  it('writes nothing of the batch when one external reference is taken already', async () => {
    const municipalityId = await createMunicipality(db, 'Dobbeltby');
    const ctx = { municipalityId, userId: null, ip: null };
    const [first, ...rest] = inputs();
    await inTenant(db, ctx, async (tx) => {
      const [checked] = await checkHouseholds(tx, municipalityId, [
        { ...first, externalRef: 'SAK-1' } as HouseholdInput,
      ]);
      if (checked?.household) await writeHousehold(tx, ctx, checked.household, null, 'create');
    });
    const attempt = inTenant(db, ctx, async (tx) => {
      const checked = await checkHouseholds(tx, municipalityId, [
        ...rest.slice(0, 3),
        { ...(rest[3] as HouseholdInput), externalRef: 'SAK-1' },
      ]);
      await createHouseholds(
        tx,
        ctx,
        checked.flatMap((r) => (r.household ? [r.household] : [])),
        'create',
      );
    });
    await expect(attempt).rejects.toMatchObject({ code: 'registry.duplicate_ref' });
    expect(await stored(municipalityId)).toHaveLength(1);
  });
});
