// What other features may call: the demo sets up its programme with createProgramme.
export { ProgrammeAdminError } from './errors.js';
// The programme's tables as files (the evaluation's pooled results on /program/kull).
export { countCell, type ProgrammeTable, programmeCsv, programmeXlsx } from './render.js';
// What the composition root calls (npm run programme, src/app/programme.ts).
export {
  addProgrammeCoordinator,
  addProgrammeMunicipality,
  type CoordinatorAdded,
  createProgrammeOfMunicipalities,
  listProgrammesForOperator,
  removeProgrammeCoordinator,
  removeProgrammeMunicipality,
} from './service/administer-programmes.js';
export { createProgramme } from './service.js';
