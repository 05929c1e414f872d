import type { TFunction } from 'i18next';
import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import { shortDate } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';

/** The day of a moment, as people in Norway read it (Europe/Oslo), e.g. 25.11.2026. */
export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
  }).format(new Date(iso));
}

/** 2000 → «2 000» in Norwegian. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** Whole years from a birth date to today (Norwegian time). */
export function ageOn(birthDate: string, on = todayInOslo()): number | undefined {
  if (!isIsoDate(birthDate)) return undefined;
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = on.split('-').map(Number);
  const age = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return age < 0 ? undefined : age;
}

/** A child's first name, or «Barn, født 03.04.2012» for a child known by its birth date alone. */
export function childName(
  child: { firstName: string | null; birthDate: string },
  t: TFunction,
  language: string,
): string {
  return (
    child.firstName || t('registry.household.unnamedChild', { date: shortDate(child.birthDate, language) })
  );
}

/** +4741234567 → «412 34 567»; other countries stay as stored. */
export function formatPhone(e164: string): string {
  const norwegian = /^\+47(\d{8})$/.exec(e164)?.[1];
  if (!norwegian) return e164;
  return /^[49]/.test(norwegian)
    ? `${norwegian.slice(0, 3)} ${norwegian.slice(3, 5)} ${norwegian.slice(5)}`
    : `${norwegian.slice(0, 2)} ${norwegian.slice(2, 4)} ${norwegian.slice(4, 6)} ${norwegian.slice(6)}`;
}

/**
 * The household's name from its adults, as the server makes it for the list: «Kari og Ola
 * Nordmann» when they share a last name, otherwise «Kari Nordmann og Per Hansen».
 */
export function householdName(adults: { firstName: string; lastName: string }[], and: string): string {
  const join = (names: string[]) =>
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
  const lastNames = new Set(adults.map((adult) => adult.lastName));
  const [only] = lastNames;
  if (lastNames.size === 1 && adults.length > 1) return `${join(adults.map((a) => a.firstName))} ${only}`;
  return join(adults.map((adult) => `${adult.firstName} ${adult.lastName}`));
}

/** An id for a new household, made in the browser so that saving twice still makes one. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context (https or localhost); getRandomValues works everywhere.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
