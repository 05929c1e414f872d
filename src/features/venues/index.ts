/** What other features may call of venues/: a venue (for an invitation, a season plan), and which exist. */
export { findVenue, listVenues, venueIdsExisting, venueUses } from './queries.js';
