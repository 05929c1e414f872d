/**
 * What other features may call of welcome/: which events count as earlier (the channel statistics
 * count them the same way).
 */
export { PAST_EVENTS } from './queries.js';
