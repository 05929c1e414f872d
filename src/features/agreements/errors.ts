import { AppError } from '../../server/errors.js';

/** The agreement has been sent for signing: its terms stay as the adults were given them. */
export const agreementSent = () => new AppError('agreement.sent', 409);

/** The municipality keeps no KS rate for the start year (the settings page: /nettverk/ks-satser). */
export const noKsRate = (year: number) => new AppError('agreement.no_ks_rate', 409, { year });

/** The network has no agreement yet. */
export const noAgreement = () => new AppError('agreement.none', 404);

/** The resource family has no adult in the registry to sign. */
export const noSigners = () => new AppError('agreement.no_signers', 409);
