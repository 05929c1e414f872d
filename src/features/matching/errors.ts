import { AppError } from '../../server/errors.js';

/** A candidate cannot be recruited (status accepted) before every adult of the household has Solid. */
export const noSolid = () => new AppError('matching.no_solid', 409);
