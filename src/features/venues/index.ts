/**
 * What other features may call of venues/: a venue's own facts (for an invitation, an answer page,
 * a season plan), which exist, and where the cafés were. The statistics stay with the venues page.
 */
export { findVenueFacts, listVenueFacts, venueIdsExisting, venueUses } from './queries.js';
