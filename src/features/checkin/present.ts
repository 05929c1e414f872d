import type { AttendanceHousehold } from './contract.js';
import type { AttendanceRow } from './queries.js';

/** One household on the evening's list, as the API shows it. */
export function presentHousehold(row: AttendanceRow): AttendanceHousehold {
  const answered = row.response === 'coming' || row.response === 'maybe';
  const checkedIn = row.present === true;
  const adults =
    (checkedIn ? row.adults : null) ?? (answered ? row.answerAdults : null) ?? row.registryAdults;
  const children =
    (checkedIn ? row.children : null) ?? (answered ? row.answerChildren : null) ?? row.registryChildren;
  return {
    id: row.id,
    name: row.name,
    response: row.response,
    adults,
    children,
    waiting: row.waiting,
    firstTime: row.firstTime,
    present: checkedIn,
    walkIn: row.walkIn,
  };
}
