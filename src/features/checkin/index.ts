// What other features may call of checkin, re-exported by name.
export { eveningAttendance } from './service.js';
