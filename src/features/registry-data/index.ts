// What other features may call: the travel-time table and how many households a municipality has;
// and the erasure, which the retention run uses for households archived long ago.
export {
  countHouseholds,
  eraseHousehold as eraseHouseholdRows,
  lockHousehold,
  replaceTravelTimes,
} from './queries.js';
