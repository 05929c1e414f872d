/**
 * The one error type of Landsby. `code` is stable (clients and tests match on it) and is
 * also the key of the message in the catalogues under `errors.` (src/i18n/*.json).
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 404);
export const forbidden = () => new AppError('auth.forbidden', 403);
export const unauthenticated = () => new AppError('auth.required', 401);

/** One field that failed a check: `field` is a path like "adults.0.mobile", `rule` what it broke. */
export interface FieldError {
  field: string;
  rule: string;
}

/** The request was understood but its fields fail the checks: the UI marks each field. */
export const invalid = (errors: readonly FieldError[]) => new AppError('validation.invalid', 400, errors);

/** Someone else saved the object since it was read (optimistic locking): reload and try again. */
export const conflict = (code: string) => new AppError(code, 409);
