import postalCodes from 'norway-postal-codes';
import type { Database } from '../../../db/connection.js';
import { asSystem } from '../../../db/tenant.js';
import { countPostcodes, replacePostcodes } from '../queries.js';

/** Fills the postcode table from the norway-postal-codes package the first time Landsby starts. */
export async function seedPostcodes(db: Database): Promise<void> {
  await asSystem(db, async (tx) => {
    if ((await countPostcodes(tx)) > 0) return;
    await replacePostcodes(tx, Object.entries(postalCodes));
  });
}
