// What other features may call of good-start/: a cohort and its households (the evaluation tool).

export { findCohort } from './queries.js';
export { cohortHouseholds } from './service.js';
