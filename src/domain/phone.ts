import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A mobile number as people write it ("+47 412 34 567", "0047 41234567", "412 34 567") in
 * E.164 (+4741234567), or null when it is not a valid mobile number. Numbers without a country
 * code are Norwegian.
 */
export function normaliseMobile(input: string): string | null {
  const checked = checkMobile(input);
  return 'mobile' in checked ? checked.mobile : null;
}

/**
 * A mobile number in E.164, or why it is not one: 'landline' when it is a valid number of a
 * fixed line (it cannot take SMS, and the person who typed it should be told so), else 'phone'.
 */
export function checkMobile(input: string): { mobile: string } | { problem: 'phone' | 'landline' } {
  const trimmed = input.trim().replace(/^00/, '+');
  const number = parsePhoneNumberFromString(trimmed, 'NO');
  if (!number?.isValid()) return { problem: 'phone' };
  const type = number.getType();
  if (type === 'FIXED_LINE') return { problem: 'landline' };
  // Abroad, many numbers are "fixed line or mobile": they may take SMS.
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { problem: 'phone' };
  return { mobile: number.number };
}

/** A mobile number for people to read: «412 34 567»; abroad «+46 70 123 45 67». */
export function displayMobile(e164: string): string {
  const norwegian = /^\+47([49]\d{7})$/.exec(e164)?.[1];
  if (norwegian) return `${norwegian.slice(0, 3)} ${norwegian.slice(3, 5)} ${norwegian.slice(5)}`;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
