import { AppError } from '../../server/errors.js';

/** A write that failed: the row it failed on, and the error as the registry tells it. */
export class RowFailed extends AppError {
  constructor(
    readonly row: number,
    code: string,
    httpStatus: number,
    details: unknown,
    readonly original: unknown,
  ) {
    super(code, httpStatus, { row, ...(details === undefined ? {} : { details }) });
  }
}

export function rowFailed(error: unknown, row: number): RowFailed {
  if (error instanceof AppError)
    return new RowFailed(row, error.code, error.httpStatus, error.details, error);
  return new RowFailed(row, 'import.failed', 500, undefined, error);
}
