// What other features may call: the demo sets up its programme with createProgramme.
export { createProgramme } from './service.js';
