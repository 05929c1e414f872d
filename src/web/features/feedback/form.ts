export type {
  FeedbackForm as FormView,
  FeedbackResults as Results,
} from '../../../features/feedback/contract.js';

/** The feedback form as the API gives and takes it (docs/insight-api.md, Feedback). */
export const QUESTION_TYPES = ['scale', 'single', 'multiple', 'topics', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const LANGUAGES = ['nb', 'nn', 'en', 'ar'] as const;
export type Texts = Partial<Record<string, string>>;
export interface Option {
  id: string;
  text: Texts;
}
export interface Question {
  id: string;
  type: QuestionType;
  text: Texts;
  options?: Option[];
}
export interface QuestionResult {
  id: string;
  type: QuestionType;
  text: Texts;
  answered: number;
  options?: { id: string; text: Texts; count: number }[];
  mean?: number | null;
  distribution?: number[];
  texts?: string[];
}
export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple' || type === 'topics';

/** The next free id like q6 / o7 among `ids`. */
export function nextId(prefix: string, ids: string[]): string {
  const numbers = ids.map((id) => Number(id.slice(prefix.length))).filter(Number.isInteger);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}

/** A text in the UI's language, else in the form's first language that has one. */
export function textIn(text: Texts, language: string, languages: string[]): string {
  return (
    text[language] ?? languages.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? ''
  );
}
