/**
 * The shapes of a café's feedback form (the request and response schemas are in routes.ts):
 * question types, the languages a form can be written in, questions and their options.
 */

export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'text', 'topics'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The languages a form can be written in: those the public page has its own words for. */
export const FORM_LANGUAGES = ['nb', 'nn', 'en', 'ar'] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/** A text in each of the form's languages: { nb: '…', en: '…' }. */
export type Texts = Partial<Record<string, string>>;

export interface FeedbackOption {
  id: string;
  text: Texts;
}

export interface FeedbackQuestion {
  id: string;
  type: QuestionType;
  text: Texts;
  /** single, multiple and topics only. */
  options?: FeedbackOption[];
}

/** Types whose answer is one or more of the question's options. */
export const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple', 'topics'];
