import { conflict } from '../../server/errors.js';

/** The venue changed since the form read it (its version is another): 409, read it again. */
export const venueChanged = () => conflict('cafe.conflict');
