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
