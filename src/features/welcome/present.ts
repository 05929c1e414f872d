import type { WelcomeCall } from './contract.js';
import type { WelcomeCallRow } from './queries.js';

/** A call as the list shows it. */
export function presentCall(row: WelcomeCallRow): WelcomeCall {
  return {
    id: row.id,
    eventId: row.eventId,
    outcome: row.outcome,
    note: row.note,
    calledAt: new Date(row.calledAt).toISOString(),
    calledBy: row.calledBy,
  };
}
