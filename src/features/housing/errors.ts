import { AppError, conflict } from '../../server/errors.js';

/** The unit changed since the page read it: 409, read it again. */
export const housingUnitChanged = () => conflict('housing.conflict');
/** The unit cannot go from its status to the one asked for (e.g. searching → occupied). */
export const transitionNotAllowed = () => new AppError('housing.transition_not_allowed', 409);
/** Occupied names the family home moving in; it must be a family home of the municipality. */
export const familyHomeRequired = () => new AppError('housing.family_home_required', 400);
/** The family home lives in another unit already. */
export const familyHomeHoused = () => conflict('housing.family_home_housed');
/** A unit past searching has an address. */
export const addressRequired = () => new AppError('housing.address_required', 400);
/** The day of a change is before the unit's last change or after today. */
export const changeDayOutOfOrder = () => new AppError('housing.day_out_of_order', 400);
