import { catalogue, LOCALES, type Locale } from '../i18n/staff.js';

// The web UI and the API share one set of catalogues (src/i18n); the API uses the `errors` part
// to give every error a message in the user's language next to its stable code.
function errorsOf(locale: Locale): Record<string, string> {
  const node = catalogue(locale);
  return typeof node === 'object' && typeof node.errors === 'object'
    ? (node.errors as Record<string, string>)
    : {};
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function errorMessage(code: string, locale: Locale): string {
  return errorsOf(locale)[code] ?? errorsOf('nb')[code] ?? code;
}

/** Picks nb, nn or en from an Accept-Language header; Norwegian first ("no" counts as bokmål). */
export function localeFromHeader(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag.startsWith('no')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}
