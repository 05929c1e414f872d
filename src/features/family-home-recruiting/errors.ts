import { AppError, conflict } from '../../server/errors.js';

/** The candidate changed since the page read them: 409, read again. */
export const candidateChanged = () => conflict('recruiting.conflict');
/** The candidate cannot go from their stage to the one asked for (e.g. first contact → approved). */
export const stageNotAllowed = () => new AppError('recruiting.stage_not_allowed', 409);
/** The day of a step is before the candidate's last step or after today. */
export const stageDayOutOfOrder = () => new AppError('recruiting.day_out_of_order', 400);
