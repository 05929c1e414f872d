// What the composition root (npm run municipality) calls.

export type { MunicipalityListed, NewMunicipality, Onboarded } from './contract.js';
export { OnboardingError } from './errors.js';
export { listMunicipalities, onboardMunicipality } from './service.js';
