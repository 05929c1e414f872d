import { isIsoDate, isLocalTime, zonedDateTime, zonedInstant } from '../../domain/calendar.js';

/** An instant as the value of a datetime-local field, in Oslo time: «2027-01-19T09:00». */
export function osloInputValue(iso: string): string {
  const { date, time } = zonedDateTime(iso);
  return `${date}T${time}`;
}

/** The instant of a wall-clock time in Oslo («2027-01-19T09:00»), whatever the browser's own zone. */
export function fromOsloInputValue(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value);
  const [, date = '', time = ''] = match ?? [];
  if (!isIsoDate(date) || !isLocalTime(time)) return undefined;
  return zonedInstant(date, time);
}
