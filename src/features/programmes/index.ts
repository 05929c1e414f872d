// What other features may call: the demo sets up its programme with createProgramme.
export { ProgrammeAdminError } from './errors.js';
// What the composition root calls (npm run programme, src/app/programme.ts).
export {
  addProgrammeCoordinator,
  addProgrammeMunicipality,
  type CoordinatorAdded,
  createProgrammeOfMunicipalities,
  listProgrammesForOperator,
} from './service/administer-programmes.js';
export { createProgramme } from './service.js';
