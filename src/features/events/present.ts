import type { SchoolHoliday } from '../../domain/holidays.js';
import { checkCafeDate } from '../../domain/season.js';
import type { EventImageView, EventView } from './contract.js';
import type { EventImageInfo, EventRow } from './queries.js';

/** The event as the API shows it, with what is wrong with its date under today's calendar. */
export function presentEvent(row: EventRow, holidays: SchoolHoliday[], today: string): EventView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    venue: row.venue,
    capacity: row.capacity,
    food: row.food,
    registration: row.registration,
    deadline: row.deadline,
    programme: row.programme,
    hosts: row.hosts,
    status: row.status,
    problems: checkCafeDate(
      { date: row.date, startTime: row.startTime, endTime: row.endTime },
      { schoolHolidays: holidays, today },
    ),
    version: row.version,
    image: row.image ? { alt: row.image.alt, updatedAt: new Date(row.image.updatedAt).toISOString() } : null,
  };
}

export function presentImage(info: EventImageInfo): EventImageView {
  return {
    contentType: info.contentType,
    alt: info.alt,
    updatedAt: new Date(info.updatedAt).toISOString(),
  };
}
