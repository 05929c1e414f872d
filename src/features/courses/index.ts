// What other features may call of courses/: the register's completions and the Solid gate.
// Also what a household's access request holds from here (features/registry-data).

export type { CompletionInput, CompletionView } from './contract.js';
export { coursesOfHousehold } from './queries/access-request.js';
export { requireSolid } from './service/gate-solid.js';
export {
  addCompletion,
  completionsOf,
  completionsOfStaff,
  courseOfKind,
  hasCompleted,
} from './service/keep-register.js';
export { seedDemoCourses } from './service/seed-demo.js';
