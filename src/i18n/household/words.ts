import { baseLanguage } from '../../domain/template.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';
import type { HouseholdWords } from './types.js';

/** The languages a household can be written to in Landsby's own words, bokmål first. */
const WORDS = { nb, nn, en, ar } satisfies Record<string, HouseholdWords>;
export type HouseholdLanguage = keyof typeof WORDS;
export const HOUSEHOLD_LANGUAGES = Object.keys(WORDS) as HouseholdLanguage[];

/** The language with words of its own for this one ('en-GB' → 'en'), or undefined. */
export function householdLanguage(language: string): HouseholdLanguage | undefined {
  const base = baseLanguage(language);
  return base in WORDS ? (base as HouseholdLanguage) : undefined;
}

/** Every word a household reads in the language; bokmål for a language without words of its own. */
export function householdWords(language: string): HouseholdWords {
  return WORDS[householdLanguage(language) ?? 'nb'];
}
