import { baseLanguage } from '../../domain/template.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';
import { pl } from './pl.js';
import { so } from './so.js';
import { ti } from './ti.js';
import type { HouseholdWords } from './types.js';
import { uk } from './uk.js';

/**
 * The languages a household can be written to in Landsby's own words, bokmål first: a language
 * is its catalogue file (pl.ts …) named here, and everything else (the lists of languages, the
 * default templates, whether its words await review) follows from it.
 */
const WORDS = { nb, nn, en, ar, so, pl, uk, ti } satisfies Record<string, HouseholdWords>;
export type HouseholdLanguage = keyof typeof WORDS;
export const HOUSEHOLD_LANGUAGES = Object.keys(WORDS) as HouseholdLanguage[];

/** The language with words of its own for this one ('en-GB' → 'en'), or undefined. */
export function householdLanguage(language: string): HouseholdLanguage | undefined {
  const base = baseLanguage(language);
  return base in WORDS ? (base as HouseholdLanguage) : undefined;
}

/** Languages whose words are machine-made and await a native speaker's review. */
export const MACHINE_TRANSLATED = HOUSEHOLD_LANGUAGES.filter((l) => WORDS[l].review === 'machine');

/** Every word a household reads in the language; bokmål for a language without words of its own. */
export function householdWords(language: string): HouseholdWords {
  return WORDS[householdLanguage(language) ?? 'nb'];
}
