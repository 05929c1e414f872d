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

/** RFC 5545 3.1: a content line is at most 75 octets, not counting the line break. */
const MAX_OCTETS = 75;
const utf8 = new TextEncoder();
const octets = (text: string) => utf8.encode(text).length;

/**
 * Folds one content line at 75 octets: each continuation line starts with a space, which counts.
 * A character is never split (æøå are 2 octets in UTF-8, Arabic letters 2, emoji 4).
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const width = octets(char);
    if (size + width > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += width;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** The content lines of a calendar file with every folded line joined again. */
export function unfoldLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

/**
 * An .ics file (RFC 5545) for one event, in UTC so every calendar shows Oslo time right. The
 * library folds at 75 characters, which with æøå or Arabic is up to 150 octets: its lines are
 * joined and folded again by octets.
 */
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
  return `${unfoldLines(value).map(foldLine).join('\r\n')}\r\n`;
}
