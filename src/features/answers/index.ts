/** What other features may call of answers/: the waiting list, and saving an answer. */
export { placesInLine } from './queries.js';
export { answersWithStatus, promoteWaiting, type SavedAnswer, saveAnswer } from './service.js';
