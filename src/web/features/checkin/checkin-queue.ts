import type { AttendanceCounts, AttendanceHousehold, TapResult } from '../../../features/checkin/contract.js';
import { ApiError, api } from '../../shared/api.js';

/**
 * The check-in taps of one event that the server has not yet confirmed. Each tap is made in the
 * browser with its own id and moment, shown at once, kept in localStorage (so a reload or a closed
 * tab loses nothing) and sent in order. The server stores a tap id once, so sending again after a
 * lost answer makes no duplicate; the later moment wins over an older tap.
 */

export interface NewHousehold {
  firstName: string;
  lastName: string;
  mobile?: string | null;
}

export type QueuedTap =
  | { kind: 'tap'; tapId: string; householdId: string; present: boolean; tappedAt: string; name: string }
  | {
      kind: 'walkIn';
      tapId: string;
      /** An existing household of the registry, or the id the new one gets (the tap id). */
      householdId: string;
      newHousehold?: NewHousehold;
      tappedAt: string;
      name: string;
      /** Persons to show until the server answers. */
      adults: number;
      children: number;
    };

const storageKey = (eventId: string) => `landsby.checkin.${eventId}`;

function isTap(value: unknown): value is QueuedTap {
  if (!value || typeof value !== 'object') return false;
  const tap = value as Record<string, unknown>;
  return (
    (tap.kind === 'tap' || tap.kind === 'walkIn') &&
    typeof tap.tapId === 'string' &&
    typeof tap.householdId === 'string' &&
    typeof tap.tappedAt === 'string' &&
    typeof tap.name === 'string'
  );
}

/** The taps waiting for the server, as stored; nothing (not an error) when storage is unusable. */
export function loadQueue(eventId: string): QueuedTap[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(eventId)) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isTap) : [];
  } catch {
    return [];
  }
}

export function saveQueue(eventId: string, queue: QueuedTap[]): void {
  try {
    if (queue.length === 0) localStorage.removeItem(storageKey(eventId));
    else localStorage.setItem(storageKey(eventId), JSON.stringify(queue));
  } catch {
    // Private mode or full storage: the taps stay in memory and are still sent.
  }
}

/**
 * What the screen shows: the server's list with the waiting taps applied on top, in order.
 * A walk-in not yet on the list is added to it.
 */
export function applyQueue(households: AttendanceHousehold[], queue: QueuedTap[]): AttendanceHousehold[] {
  const byId = new Map(households.map((h) => [h.id, h]));
  for (const tap of queue) {
    const current = byId.get(tap.householdId);
    if (tap.kind === 'tap') {
      if (current) byId.set(tap.householdId, { ...current, present: tap.present });
    } else {
      byId.set(tap.householdId, {
        id: tap.householdId,
        name: current?.name ?? tap.name,
        response: current?.response ?? null,
        adults: current?.adults ?? tap.adults,
        children: current?.children ?? tap.children,
        waiting: current?.waiting ?? false,
        firstTime: current?.firstTime ?? true,
        present: true,
        walkIn: true,
      });
    }
  }
  return [...byId.values()];
}

/** The counts as the server makes them (see src/features/checkin/service.ts), for what is on screen. */
export function countsOf(households: AttendanceHousehold[]): AttendanceCounts {
  const counts = { checkedIn: 0, adults: 0, children: 0, expected: 0 };
  for (const h of households) {
    if ((h.response === 'coming' && !h.waiting) || h.present) counts.expected++;
    if (!h.present) continue;
    counts.checkedIn++;
    counts.adults += h.adults;
    counts.children += h.children;
  }
  return counts;
}

/**
 * The outcome of sending one tap: `sent` with the server's answer; `wait` when it should be sent
 * again later (no network, the server failing, busy, or the session to be renewed); `refused` when
 * the server will never take it (a 4xx other than 401, 408, 409, 429 and a stale CSRF token).
 */
export type SendOutcome =
  | { status: 'sent'; answer: TapResult }
  | { status: 'wait' }
  | { status: 'refused'; error: ApiError };

export async function sendTap(eventId: string, tap: QueuedTap): Promise<SendOutcome> {
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  try {
    const answer =
      tap.kind === 'tap'
        ? await api.post<TapResult>(`${base}/attendance`, {
            tapId: tap.tapId,
            householdId: tap.householdId,
            present: tap.present,
            tappedAt: tap.tappedAt,
          })
        : await api.post<TapResult>(
            `${base}/walk-ins`,
            tap.newHousehold
              ? { tapId: tap.tapId, newHousehold: tap.newHousehold, tappedAt: tap.tappedAt }
              : { tapId: tap.tapId, householdId: tap.householdId, tappedAt: tap.tappedAt },
          );
    return { status: 'sent', answer };
  } catch (error) {
    if (!(error instanceof ApiError)) return { status: 'wait' };
    const { status, code } = error;
    const again =
      status === 0 ||
      status >= 500 ||
      status === 401 ||
      status === 408 ||
      status === 409 ||
      status === 429 ||
      code === 'auth.csrf';
    return again ? { status: 'wait' } : { status: 'refused', error };
  }
}
