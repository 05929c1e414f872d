// What other features may call of housing/: the unit a family home lives in (the family-home page)
// and the demo's units.
// Also what a household's access request holds from here (features/registry-data).

export { housingOfHousehold } from './queries/access-request.js';
export { seedDemoHousing } from './service/seed-demo.js';
export { housingUnitOf } from './service.js';
