/**
 * Languages a household may prefer, by ISO 639 code: Norwegian and Sami first, then the
 * languages families in Norwegian municipalities most often read. The names are in the
 * catalogue under `registry.languages.<code>`, in the UI's language.
 */
export const PREFERRED_LANGUAGES = [
  'nb',
  'nn',
  'se',
  'en',
  'ar',
  'am',
  'prs',
  'fa',
  'fr',
  'ku',
  'lt',
  'pl',
  'ps',
  'ro',
  'ru',
  'so',
  'es',
  'sv',
  'th',
  'ti',
  'tr',
  'de',
  'uk',
  'ur',
  'vi',
] as const;

/** The travel-time choices of the list's filter, in minutes. */
export const TRAVEL_LIMITS = [15, 30, 45, 60, 90, 120] as const;

/** A household has one to four adults. */
export const MAX_ADULTS = 4;

export const PAGE_SIZE = 50;
