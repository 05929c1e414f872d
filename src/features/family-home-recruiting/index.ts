// What other features may call of family-home-recruiting/: the demo's candidates.
export { seedDemoCandidates } from './service/seed-demo.js';
