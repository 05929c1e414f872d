// What other features may call of family-homes/: who is looking and the home in their scope
// (features/family-home-meetings), and the demo municipality's family homes (features/demo).
// Also what a household's access request holds from here (features/registry-data).

export { familyHomeOfHousehold } from './queries/access-request.js';
export { seedDemoFamilyHomes } from './service/seed-demo.js';
export { homeOrNotFound } from './service/show-homes.js';
export { isUuid, type Viewer, viewerOf } from './service/viewer.js';
