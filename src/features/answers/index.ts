/** What other features may call of answers/: the waiting list, and saving an answer. */
export { answersWithStatus, placesInLine, promoteWaiting, type SavedAnswer, saveAnswer } from './service.js';
