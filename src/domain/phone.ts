import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A mobile number as people write it ("+47 412 34 567", "0047 41234567", "412 34 567") in
 * E.164 (+4741234567), or null when it is not a valid mobile number. Numbers without a country
 * code are Norwegian.
 */
export function normaliseMobile(input: string): string | null {
  const trimmed = input.trim().replace(/^00/, '+');
  const number = parsePhoneNumberFromString(trimmed, 'NO');
  if (!number?.isValid()) return null;
  const type = number.getType();
  // Norwegian landlines cannot take SMS; abroad, many numbers are "fixed line or mobile".
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  return number.number;
}
