import { AppError } from '../../server/errors.js';

/** The counsellor follows two homes already: a third only with a team leader's override. */
export const counsellorFull = (limit: number) => new AppError('family_home.counsellor_full', 409, { limit });

/** Only a team leader may let a counsellor follow more than two homes. */
export const overrideForbidden = () => new AppError('family_home.override_forbidden', 403);

/** The user is not an active family counsellor of the municipality. */
export const notCounsellor = () => new AppError('family_home.not_counsellor', 400);
