import { AppError } from '../../server/errors.js';

/** The summary has been submitted: its description is no longer a draft to change. */
export const summarySubmitted = () => new AppError('summary.submitted', 409);
