import { createEvent } from 'ics';

export interface CalendarEvent {
  /** Stable across sends, so a calendar updates the entry instead of adding a second. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  description: string;
  url?: string;
}

/** An .ics file (RFC 5545) for one event, in UTC so every calendar shows Oslo time right. */
export function calendarFile(event: CalendarEvent): string {
  const { error, value } = createEvent({
    uid: event.uid,
    title: event.title,
    start: event.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    description: event.description,
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    productId: 'landsby/kafe',
    calName: 'Landsby',
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return value;
}
