import type { DateProblem } from '../../domain/season.js';
import { AppError, conflict } from '../../server/errors.js';

/** The event changed since the form read it (its version is another): 409, read it again. */
export const eventChanged = () => conflict('cafe.conflict');

/** A planned café holds the date already: one café per date. */
export const dateTaken = (date: string) => new AppError('cafe.date_taken', 409, { date });

/** The date is a public holiday or in a school holiday, and the team has not confirmed it. */
export const dateNotAllowed = (date: string, problems: DateProblem[]) =>
  new AppError('cafe.date_not_allowed', 400, { date, problems });
