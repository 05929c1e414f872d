// What other features may call of joint-meetings/: what a household's access request holds from here
// (features/registry-data).
export { jointMeetingsOfHousehold } from './queries/access-request.js';
