import type { TFunction } from 'i18next';
import { intlLocale } from './format.js';

/**
 * Intl in the language, as Norwegians read it. A browser without nynorsk data (Chromium's ICU has
 * none: it writes "Tuesday") formats nynorsk in bokmål with nynorsk's own weekday names (months
 * are the same in both).
 */
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): (date: Date) => string {
  const locale = intlLocale(language);
  if (language === 'nn' && Intl.DateTimeFormat.supportedLocalesOf(locale).length === 0) {
    const bokmal = new Intl.DateTimeFormat('nb-NO', options);
    return (date) => bokmal.format(date).replace(/mandag|tirsdag|lørdag|søndag/gi, nynorskWeekday);
  }
  const format = new Intl.DateTimeFormat(locale, options);
  return (date) => format.format(date);
}

const NYNORSK_WEEKDAYS: Record<string, string> = {
  mandag: 'måndag',
  tirsdag: 'tysdag',
  lørdag: 'laurdag',
  søndag: 'sundag',
};
function nynorskWeekday(bokmal: string): string {
  const nynorsk = NYNORSK_WEEKDAYS[bokmal.toLowerCase()] ?? bokmal;
  return bokmal[0] === bokmal[0]?.toUpperCase() ? nynorsk[0]?.toUpperCase() + nynorsk.slice(1) : nynorsk;
}

const parseDay = (date: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
};

/** 2027-01-19 → «tirsdag 19. januar 2027»; a calendar date, never shifted by time zones. */
export function longDate(date: string, language: string, withYear = true): string {
  const parsed = parseDay(date);
  if (!parsed) return date;
  return dateFormat(language, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  })(parsed);
}

/** 2027-01-19 → «19.01.2027». */
export function shortDate(date: string, language: string): string {
  const parsed = parseDay(date);
  if (!parsed) return date;
  return dateFormat(language, { timeZone: 'UTC', dateStyle: 'short' })(parsed);
}

/** The name of a month, 1–12: «januar». */
export function monthName(month: number, language: string): string {
  return dateFormat(language, { timeZone: 'UTC', month: 'long' })(new Date(Date.UTC(2000, month - 1, 1)));
}

/** The weekday of 1–7 (Monday = 1): «tirsdag». */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  return dateFormat(language, { timeZone: 'UTC', weekday: 'long' })(new Date(Date.UTC(2024, 0, weekday)));
}

/** «18:00» as Norwegians write it: «18.00»; English keeps the colon. */
function clock(time: string, language: string): string {
  return language === 'en' ? time : time.replace(':', '.');
}

/** «tirsdag 19. januar 2027 kl. 18.00–20.00» */
export function when(
  t: TFunction,
  language: string,
  event: { date: string; startTime: string; endTime: string },
): string {
  return t('cafe.when', {
    date: longDate(event.date, language),
    start: clock(event.startTime, language),
    end: clock(event.endTime, language),
  });
}

/** The clock time of a moment in Oslo: «18.00». */
export function osloTime(iso: string, language: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return clock(text, language);
}
