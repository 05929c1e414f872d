/**
 * A café's feedback form: the kinds of question, the languages a form can be written in, and the
 * limits of its texts. The one home of these values, for the feedback contract, its service and
 * the web's form editor.
 */

export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text', 'topics'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The languages a form can be written in: those the public page has its own words for. */
export const FORM_LANGUAGES = ['nb', 'nn', 'en', 'ar', 'so', 'pl', 'uk', 'ti'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** Types whose answer is one or more of the question's options. */
export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple', 'topics'];

/** Whether a question of `type` is answered by choosing among its options. */
export function isChoice(type: QuestionType): boolean {
  return CHOICE_TYPES.includes(type);
}

/** The longest text of a question or an option, in one language. */
export const FORM_TEXT_MAX = 300;

/** The most a note of the team's evaluation may hold. */
export const EVALUATION_MAX = 4000;
