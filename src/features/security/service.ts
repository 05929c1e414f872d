import { asSystem } from '../../db/tenant.js';
import { pseudonym } from '../../server/crypto.js';
import type { Deps } from '../../server/deps.js';
import { addGuess, deleteGuessesBefore, findGuesses, type GuessScope } from './queries.js';

export type { GuessScope } from './queries.js';

/**
 * Guessing is limited per client network, use is not: only what fails (a link or code that
 * opens nothing, a wrong password) is counted, so 500 families behind one venue Wi-Fi or a mobile
 * carrier's NAT answer freely while a guesser from that address is stopped after a few dozen
 * misses. The counters are in the database, shared by every app process.
 */
export const GUESS_WINDOW_MINUTES = 10;
export const GUESS_LIMITS: Record<GuessScope, number> = {
  answer_link: 30,
  feedback_link: 30,
  // failed logins from one address across all accounts (each account also backs off on its own)
  login: 20,
};

const WINDOW_MS = GUESS_WINDOW_MINUTES * 60_000;
const currentWindow = () => new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);

/**
 * The client's network: an IPv4 address, or the /64 of an IPv6 address (one household or office
 * gets a whole /64, and its devices change addresses within it).
 */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** The network as stored: a keyed hash, so the table holds no address. */
export function networkHash(deps: Pick<Deps, 'config'>, ip: string): string {
  return pseudonym(deps.config.secretKey, `network:${networkOf(ip)}`);
}

/** Whether this address has used up its guesses of `scope` in the current window. */
export async function guessesUsedUp(deps: Deps, scope: GuessScope, ip: string): Promise<boolean> {
  const guesses = await asSystem(deps.db, (tx) =>
    findGuesses(tx, scope, networkHash(deps, ip), currentWindow()),
  );
  return guesses >= GUESS_LIMITS[scope];
}

/**
 * Counts one miss (a wrong link or code, a failed login) against the address; whether the address
 * has now gone past its limit (misses sent at the same moment all pass the check before the
 * lookup, so the count after it decides too).
 */
export async function countGuess(deps: Deps, scope: GuessScope, ip: string): Promise<boolean> {
  const window = currentWindow();
  const guesses = await asSystem(deps.db, async (tx) => {
    await deleteGuessesBefore(tx, window);
    return addGuess(tx, scope, networkHash(deps, ip), window);
  });
  return guesses > GUESS_LIMITS[scope];
}
