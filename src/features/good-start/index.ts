// What other features may call of good-start/: a cohort and its households (the evaluation tool),
// and the demo municipality's cohorts (features/demo); a joint cohort's partner sessions following
// the host's (features/events, and the job telling a partner's households of a cancellation).
// Also what a household's access request holds from here (features/registry-data).

export { cohortsOfHousehold } from './queries/access-request.js';
export { followHostSession } from './queries/joint.js';
export { findCohort } from './queries.js';
export { seedDemoJointCohort } from './service/seed-joint.js';
export { cohortHouseholds, seedDemoCohorts } from './service.js';
export { tellCancelledSession } from './worker.js';
