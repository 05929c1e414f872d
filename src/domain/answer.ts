/** A household's answer to an invitation: what it can say. Shared by the API and the web app. */

export const RESPONSES = ['coming', 'not_coming', 'maybe'] as const;
export type Response = (typeof RESPONSES)[number];

/** Structured food needs; anything else goes in the free-text note. */
export const DIETS = [
  'vegetarian',
  'vegan',
  'halal',
  'no_pork',
  'gluten_free',
  'lactose_free',
  'nut_allergy',
  'fish_allergy',
  'egg_allergy',
] as const;
export type Diet = (typeof DIETS)[number];

/** Adults, and children, a household can say it brings. */
export const MAX_PERSONS = 20;
export const DIET_NOTE_MAX = 300;
export const COMMENT_MAX = 1000;

/** An answer as the household (or the team, after a phone call) gives it. */
export interface AnswerInput {
  response: Response;
  adults: number;
  children: number;
  diet: Diet[];
  dietNote: string | null;
  comment: string | null;
}
