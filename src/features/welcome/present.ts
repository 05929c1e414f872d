import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { WelcomeCall } from './contract.js';
import type { WelcomeCallRow } from './queries.js';

/** A mobile number for people to read, as the registry shows it: «412 34 567»; abroad «+46 70 123 45 67». */
export function displayMobile(e164: string): string {
  const norwegian = /^\+47([49]\d{7})$/.exec(e164)?.[1];
  if (norwegian) return `${norwegian.slice(0, 3)} ${norwegian.slice(3, 5)} ${norwegian.slice(5)}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

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
