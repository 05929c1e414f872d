// What other features may call of supervision/: what a household's access request holds from here
// (features/registry-data).
export { supervisionTalksOfHousehold } from './queries/access-request.js';
