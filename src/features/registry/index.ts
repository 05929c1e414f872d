// What other features may call: the registry's households, their history and the postcode table.

export { presentHousehold } from './present.js';
export {
  findHousehold,
  findHouseholds,
  findHouseholdsByRef,
  type HouseholdFilter,
  type HouseholdRow,
  type HouseholdSort,
  listHistory,
  listHouseholds,
  lookupPlaces,
  replacePostcodes,
} from './queries.js';
export { seedPostcodes } from './service/seed-postcodes.js';
export { archiveHousehold, checkHouseholds, createHouseholds, writeHousehold } from './service.js';
