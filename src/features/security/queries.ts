import type { Queryable } from '../../db/connection.js';

// These run as landsby_system (src/db/tenant.ts asSystem): guessing happens before a tenant is known.

export type GuessScope = 'answer_link' | 'feedback_link' | 'login';

export async function findGuesses(
  tx: Queryable,
  scope: GuessScope,
  addressHash: string,
  windowStart: Date,
): Promise<number> {
  const [row] = await tx.query<{ guesses: number }>(
    'SELECT guesses FROM guess_count WHERE scope = $1 AND address_hash = $2 AND window_start = $3',
    [scope, addressHash, windowStart],
  );
  return row?.guesses ?? 0;
}

export async function addGuess(
  tx: Queryable,
  scope: GuessScope,
  addressHash: string,
  windowStart: Date,
): Promise<number> {
  const [row] = await tx.query<{ guesses: number }>(
    `INSERT INTO guess_count (scope, address_hash, window_start, guesses) VALUES ($1, $2, $3, 1)
     ON CONFLICT (scope, address_hash, window_start) DO UPDATE SET guesses = guess_count.guesses + 1
     RETURNING guesses`,
    [scope, addressHash, windowStart],
  );
  return row?.guesses ?? 1;
}

/** Windows that ended count for nothing any more. */
export async function deleteGuessesBefore(tx: Queryable, windowStart: Date): Promise<void> {
  await tx.query('DELETE FROM guess_count WHERE window_start < $1', [windowStart]);
}
