// What other features may call of checkin, re-exported by name.
// Also what a household's access request holds from here (features/registry-data).
export { attendanceOfHousehold } from './queries/access-request.js';
export { eveningAttendance } from './service.js';
