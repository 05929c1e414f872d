// What other features may call of evaluation/: what a household's access request holds from here
// (features/registry-data).
export { evaluationsOfHousehold } from './queries/access-request.js';
