// What other features may call of good-start/: a cohort and its households (the evaluation tool),
// and the demo municipality's cohorts (features/demo).
// Also what a household's access request holds from here (features/registry-data).

export { cohortsOfHousehold } from './queries/access-request.js';
export { findCohort } from './queries.js';
export { cohortHouseholds, seedDemoCohorts } from './service.js';
