/** What other features may call of audience/: the households an event's invitations go to. */
export { invitedHouseholds } from './service.js';
