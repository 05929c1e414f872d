/**
 * What other features may call of events/: an event as stored or shown, a café planned on a date,
 * and the event's image (for an invitation and its preview).
 */
export {
  type EventData,
  type EventRow,
  eventsBetween,
  findCafeOn,
  findEvent,
  findEventImage,
  findEventImageInfo,
  insertEvent,
  type ProgrammeItem,
} from './queries.js';
export { refuseBlockedDate } from './service/check-date.js';
export { eventOrNotFound, eventViews } from './service/show-events.js';
