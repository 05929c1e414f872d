import type { Response } from './answer.js';

/**
 * When a household is waiting, and the waiting list's order. The one home of the rule, for the
 * answer page, My page, the team's overview and the notices the household gets.
 *
 * A household that says it is coming either has a place (confirmed) or, while the event is full
 * or others wait before it, waits in line for one. The line is kept in the order households
 * joined it (answer.waiting_since, then the invitation id), and its SQL is in
 * features/answers/queries.ts (placesInLine).
 */

export const ANSWER_STATUSES = ['confirmed', 'waiting', 'not_coming', 'maybe'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The status of an answer: `place` is its place in line (1 = next), null when it is not waiting. */
export function statusOf(response: Response, place: number | null): AnswerStatus {
  if (response === 'coming') return place === null ? 'confirmed' : 'waiting';
  return response;
}

/** One household on the waiting list, first in line first. */
export interface InLine {
  invitationId: string;
  persons: number;
}

/**
 * Who moves up from the waiting list when `taken` persons have a place: first in line first,
 * while each fits under `capacity` (null: no limit). In line means in line: a household that
 * does not fit is not passed by a smaller one behind it.
 */
export function movesUp(line: InLine[], taken: number, capacity: number | null): string[] {
  const moving: string[] = [];
  let persons = taken;
  for (const waiting of line) {
    if (capacity !== null && persons + waiting.persons > capacity) break;
    persons += waiting.persons;
    moving.push(waiting.invitationId);
  }
  return moving;
}

/**
 * Whether a household that says it is coming waits in line. One already confirmed keeps its
 * place (or the change is refused when it no longer fits); one already waiting keeps its place
 * in line; a newcomer waits when it does not fit, and also while others wait, even if it would
 * fit: first come, first served.
 */
export function joinsLine(answer: { wasConfirmed: boolean; fits: boolean; othersWaiting: boolean }): boolean {
  return !answer.wasConfirmed && (!answer.fits || answer.othersWaiting);
}
