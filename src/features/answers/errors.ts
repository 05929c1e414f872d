import { AppError, type FieldError, invalid } from '../../server/errors.js';

/** The answer as typed fails its checks: each field named with the rule it broke. */
export const invalidAnswer = (errors: readonly FieldError[]) => invalid(errors);

/** The event is cancelled or has started: no answer is taken any more. */
export const answerClosed = () => new AppError('answer.closed', 409);

/** The household's deadline has passed: it asks the team, who can still note a change. */
export const deadlinePassed = (deadline: string) => new AppError('answer.deadline_passed', 409, { deadline });

/** A confirmed household asks for more places than are free: `free` is how many there are. */
export const noRoom = (free: number) => new AppError('answer.no_room', 409, { free });
