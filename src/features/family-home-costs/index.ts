// What other features may call of family-home-costs/: the demo's example unit costs.
export { seedDemoCosts } from './service.js';
