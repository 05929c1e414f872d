/** What other features may call of venues/: a venue (for an invitation, a season plan), and which exist. */
export { findVenue, listVenues, type VenueRow, venueIdsExisting, venueUses } from './queries.js';
