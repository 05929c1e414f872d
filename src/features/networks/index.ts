// What other features may call of networks/: the demo municipality's network (features/demo).

// The personal signing links' token and pages, which the resource family's agreement signs with too.
export { badSigningLinkPage, busySigningPage } from './page.js';
// What a household's access request holds from here (features/registry-data).
export { networksOfHousehold } from './queries/access-request.js';
// Matching (features/matching) creates or fills a network in its own transaction.
export {
  createNetworkIn,
  newSigningToken,
  proposeMemberIn,
  SIGNING_TOKEN,
} from './service/edit-membership.js';
export { seedDemoNetwork } from './service/seed-demo.js';
