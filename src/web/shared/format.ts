/** Locale for dates and numbers, e.g. nb → nb-NO. */
export function intlLocale(language: string): string {
  return language === 'en' ? 'en-GB' : `${language}-NO`;
}

/** A moment as people in Norway read it: Europe/Oslo time, in the UI language's format. */
export function formatDateTime(iso: string, language: string, withSeconds = false): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(new Date(iso));
}
