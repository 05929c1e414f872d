// What other features may call of good-start/: a cohort and its households (the evaluation tool),
// and the demo municipality's cohorts (features/demo).

export { findCohort } from './queries.js';
export { cohortHouseholds, seedDemoCohorts } from './service.js';
