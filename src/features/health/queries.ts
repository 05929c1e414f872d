import type { Queryable } from '../../db/connection.js';

/** The smallest question the database can answer. */
export async function ping(tx: Queryable): Promise<void> {
  await tx.query('SELECT 1');
}
