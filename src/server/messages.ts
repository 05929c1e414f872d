import { readFileSync } from 'node:fs';

export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalogue = { errors?: Record<string, string> };

// The web UI and the API share one set of catalogues (src/i18n); the API uses the `errors` part
// to give every error a message in the user's language next to its stable code.
const catalogues = Object.fromEntries(
  LOCALES.map((locale) => {
    try {
      const file = new URL(`../../src/i18n/${locale}.json`, import.meta.url);
      return [locale, JSON.parse(readFileSync(file, 'utf8')) as Catalogue];
    } catch {
      return [locale, {} as Catalogue];
    }
  }),
) as Record<Locale, Catalogue>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function errorMessage(code: string, locale: Locale): string {
  return catalogues[locale].errors?.[code] ?? catalogues.nb.errors?.[code] ?? code;
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
