import { FORM_LANGUAGES, type FormLanguage, type QuestionType } from '../../../domain/feedback.js';
import { type FeedbackFormTexts, householdWords } from '../../../i18n/household/index.js';
import type { FeedbackQuestion, Texts } from '../contract.js';

/**
 * The feedback form a café starts from: five short, warm questions in bokmål, nynorsk and
 * English (their words are in i18n/household). The team changes, removes or adds questions from
 * here; what it saves is the event's own form (feedback_form.questions).
 */

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
