/** A refusal the platform operator can act on (npm run programme): nothing is written. */
export class ProgrammeAdminError extends Error {
  override name = 'ProgrammeAdminError';
}
