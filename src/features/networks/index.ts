// What other features may call of networks/: the demo municipality's network (features/demo).

// Matching (features/matching) creates or fills a network in its own transaction.
export { createNetworkIn, proposeMemberIn } from './service/edit-membership.js';
export { seedDemoNetwork } from './service/seed-demo.js';
