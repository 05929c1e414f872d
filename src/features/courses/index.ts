// What other features may call of courses/: the register's completions and the Solid gate.

export type { CompletionInput, CompletionView } from './contract.js';
export { requireSolid } from './service/gate-solid.js';
export {
  addCompletion,
  completionsOf,
  completionsOfStaff,
  courseOfKind,
  hasCompleted,
} from './service/keep-register.js';
export { seedDemoCourses } from './service/seed-demo.js';
