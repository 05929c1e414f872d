/**
 * i18n/household: every word a household reads, behind one type (HouseholdWords) and one
 * function (householdWords), with what is written from them: an invitation's merge values and
 * default templates (invitation.ts) and the notices after it (notices.ts). Pure: no I/O, imports
 * only itself and domain/, so features and documents can use it.
 */
export {
  type EvaluationLanguage,
  type EvaluationWords,
  evaluationLanguage,
  evaluationWords,
} from './evaluation.js';
export {
  DEFAULT_LANGUAGES,
  DEFAULT_TEMPLATES,
  defaultTemplate,
  type InvitationFacts,
  invitationValues,
  letterParts,
} from './invitation.js';
export { fillNoticeFields, noticeText } from './notices.js';
export type {
  AnswerWords,
  FeedbackFormTexts,
  FeedbackWords,
  HouseholdWords,
  InvitationWords,
  LetterLabels,
} from './types.js';
export {
  HOUSEHOLD_LANGUAGES,
  type HouseholdLanguage,
  householdLanguage,
  householdWords,
  MACHINE_TRANSLATED,
} from './words.js';
