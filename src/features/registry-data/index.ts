// What other features may call: the travel-time table and how many households a municipality has.
export { countHouseholds, replaceTravelTimes } from './queries.js';
