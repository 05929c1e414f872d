import { type FeedbackFormTexts, householdWords } from '../../i18n/household/index.js';

/**
 * The feedback form a café starts from: five short, warm questions in bokmål, nynorsk and
 * English (their words are in i18n/household). The team changes, removes or adds questions from
 * here; what it saves is the event's own form (feedback_form.questions).
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

/** The languages the default form is written in: those whose household words have its texts. */
export const DEFAULT_LANGUAGES: FormLanguage[] = FORM_LANGUAGES.filter(
  (language) => householdWords(language).feedbackForm !== undefined,
);

/** The form's shape: question ids and types, and the option ids of those with options. */
const DEFAULT_FORM: { id: string; type: QuestionType; options?: string[] }[] = [
  { id: 'q1', type: 'scale' },
  { id: 'q2', type: 'scale' },
  { id: 'q3', type: 'single', options: ['o1', 'o2', 'o3'] },
  { id: 'q4', type: 'topics', options: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'] },
  { id: 'q5', type: 'text' },
];

/** A text in each of the default form's languages. */
function texts(text: (form: FeedbackFormTexts) => string | undefined): Texts {
  return Object.fromEntries(
    DEFAULT_LANGUAGES.flatMap((language) => {
      const form = householdWords(language).feedbackForm;
      const value = form && text(form);
      return value ? [[language, value]] : [];
    }),
  );
}

/** The default form: a fresh copy each time, so a caller may change it. */
export function defaultQuestions(): FeedbackQuestion[] {
  return DEFAULT_FORM.map(({ id, type, options }) => ({
    id,
    type,
    text: texts((form) => form.questions[id]),
    ...(options
      ? { options: options.map((o) => ({ id: o, text: texts((form) => form.options[id]?.[o]) })) }
      : {}),
  }));
}
