// What other features may call of matching/: what a household's access request holds from here
// (features/registry-data).
export { candidacyOfHousehold } from './queries/access-request.js';
