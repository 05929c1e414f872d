/** What other features may call of sending/: notices to households, answer links, a message's preview. */
export { queueNotices } from './queries/message.js';
export { type InvitationFactsForSending, renderInvitation } from './render.js';
export {
  answerToken,
  answerUrl,
  questionnairePath,
  questionnaireToken,
  questionnaireUrl,
  tokenHash,
} from './service/answer-tokens.js';
export { queueCancellation } from './service/notify-cancellation.js';
export { queueQuestionnaire } from './service/queue-questionnaire.js';
