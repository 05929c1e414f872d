// How a municipality's messages name their sender (features/sender-settings): the rules the
// server checks and the admin's form shows, in one place (no I/O here).

/** The team as it signs letters and, with the municipality's name, the sender of e-mail. */
export const TEAM_NAME = 'Fosterhjemstjenesten';

/** The e-mail sender's name when the municipality has not set its own. */
export const defaultSenderName = (municipality: string) => `${TEAM_NAME}, ${municipality}`;

/** Sveve's sender: at most 11 characters, "no special characters" (INTEGRATIONS.md §1.2). */
export const SMS_FROM = /^[A-Za-z0-9 ]{1,11}$/;

/** An address mail systems take as a sender: no spaces, no angle brackets or quotes. */
export const SENDER_ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SenderFields {
  senderName: string | null;
  emailAddress: string | null;
  smsFrom: string | null;
  channels: readonly string[];
  svarut: { kontoId: string; integrasjonId: string; integrasjonPassord?: string } | null;
  sveve: { user: string; password?: string } | null;
}

/**
 * The fields that break a rule, as { field, rule }. `saved` says which passwords are stored
 * already: a password may then be left out (kept), otherwise it is required.
 */
export function checkSender(
  input: SenderFields,
  saved: { svarut: boolean; sveve: boolean },
): { field: string; rule: string }[] {
  const errors: { field: string; rule: string }[] = [];
  const wrong = (field: string, rule: string) => errors.push({ field, rule });
  if (input.emailAddress !== null && !SENDER_ADDRESS.test(input.emailAddress)) wrong('emailAddress', 'email');
  if (input.smsFrom !== null && !SMS_FROM.test(input.smsFrom)) wrong('smsFrom', 'sms_from');
  if (input.channels.length === 0) wrong('channels', 'required');
  if (input.svarut) {
    if (!UUID.test(input.svarut.kontoId)) wrong('svarut.kontoId', 'uuid');
    if (!UUID.test(input.svarut.integrasjonId)) wrong('svarut.integrasjonId', 'uuid');
    if (!input.svarut.integrasjonPassord && !saved.svarut) wrong('svarut.integrasjonPassord', 'required');
  }
  if (input.sveve) {
    if (!input.sveve.user.trim()) wrong('sveve.user', 'required');
    if (!input.sveve.password && !saved.sveve) wrong('sveve.password', 'required');
  }
  return errors;
}
