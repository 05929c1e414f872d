// What other features may call of housing/: the unit a family home lives in (the family-home page)
// and the demo's units.
export { seedDemoHousing } from './service/seed-demo.js';
export { housingUnitOf } from './service.js';
