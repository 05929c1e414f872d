/**
 * What other features may call of welcome/: which events count as earlier (the channel statistics
 * count them the same way).
 */
// Also what a household's access request holds from here (features/registry-data).
export { welcomeCallsOfHousehold } from './queries/access-request.js';
export { PAST_EVENTS } from './queries.js';
