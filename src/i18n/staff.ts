import { readFileSync } from 'node:fs';

/**
 * The staff's words the server writes itself: e-mails to staff (the account invitation, the
 * password reset) and the headings of spreadsheet exports and the season report. They live in
 * the same catalogues as the web app's words (nb.json, nn.json, en.json), so a word is translated
 * once and the catalogue test checks every language has it. The words a household reads are in
 * household/.
 */

/** The staff's languages: bokmål (the source), nynorsk, English. */
export const LOCALES = ['nb', 'nn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Node = string | { [key: string]: Node };

// Read from src/i18n both from src/ and from dist/ (the build does not copy the catalogues).
// A catalogue that cannot be read stops the server at start, on purpose: a broken install should not run.
const catalogues = Object.fromEntries(
  LOCALES.map((locale) => {
    const file = new URL(`../../src/i18n/${locale}.json`, import.meta.url);
    return [locale, JSON.parse(readFileSync(file, 'utf8')) as Node];
  }),
) as Record<Locale, Node>;

function lookup(node: Node | undefined, key: string): Node | undefined {
  return key
    .split('.')
    .reduce<Node | undefined>((n, part) => (typeof n === 'object' ? n[part] : undefined), node);
}

const catalogueOf = (locale: string) => catalogues[locale as Locale] ?? catalogues.nb;

/** One catalogue as read from its file (the kernel takes the `errors` part for API messages). */
export function catalogue(locale: Locale): Node {
  return catalogues[locale];
}

/** The text of a key ("exports.households.name"), {{placeholders}} filled in; bokmål where the locale lacks it. */
export function staffText(locale: string, key: string, values: Record<string, string | number> = {}): string {
  const found = lookup(catalogueOf(locale), key);
  const text = typeof found === 'string' ? found : lookup(catalogues.nb, key);
  if (typeof text !== 'string') throw new Error(`No staff text "${key}" in the catalogues.`);
  return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A section of texts by their keys ("exports.channels" → { email: 'E-post', … }). */
export function staffTexts(locale: string, key: string): Record<string, string> {
  const found = lookup(catalogueOf(locale), key) ?? lookup(catalogues.nb, key);
  if (!found || typeof found !== 'object') throw new Error(`No staff texts "${key}" in the catalogues.`);
  return Object.fromEntries(
    Object.entries(found).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
