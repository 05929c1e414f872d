import { intlLocale } from '../app/i18n.js';

/** A moment as people in Norway read it: Europe/Oslo time, in the UI language's format. */
export function formatDateTime(iso: string, language: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(new Date(iso));
}
