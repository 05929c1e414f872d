/** What other features may call of events/: an event as stored or shown, and a café planned on a date. */
export { dateNotAllowed } from './errors.js';
export {
  type EventData,
  type EventRow,
  findCafeOn,
  findEvent,
  insertEvent,
  listEvents as eventsBetween,
  type ProgrammeItem,
} from './queries.js';
export { eventOrNotFound, eventViews } from './service/show-events.js';
