/** What other features may call of answers/: the waiting list, and saving an answer. */
// Also what a household's access request holds from here (features/registry-data).
export { invitationsOfHousehold } from './queries/access-request.js';
export { placesInLine } from './queries.js';
export { answersWithStatus, promoteWaiting, type SavedAnswer, saveAnswer } from './service.js';
