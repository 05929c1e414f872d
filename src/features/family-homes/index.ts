// What other features may call of family-homes/: who is looking and the home in their scope
// (features/family-home-meetings), and the demo municipality's family homes (features/demo).

export { seedDemoFamilyHomes } from './service/seed-demo.js';
export { homeOrNotFound } from './service/show-homes.js';
export { isUuid, type Viewer, viewerOf } from './service/viewer.js';
