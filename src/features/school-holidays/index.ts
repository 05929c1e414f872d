/** What other features may call of school-holidays/: the municipality's rules and the breaks they give. */
export { holidaysAround, schoolHolidayRules } from './service.js';
