import type { TFunction } from 'i18next';
import { intlLocale } from '../../i18n.js';
import type { Problem } from './types.js';

const parseDay = (date: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
};

/** 2027-01-19 → «tirsdag 19. januar 2027»; a calendar date, never shifted by time zones. */
export function longDate(date: string, language: string, withYear = true): string {
  const parsed = parseDay(date);
  if (!parsed) return date;
  return new Intl.DateTimeFormat(intlLocale(language), {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(parsed);
}

/** 2027-01-19 → «19.01.2027». */
export function shortDate(date: string, language: string): string {
  const parsed = parseDay(date);
  if (!parsed) return date;
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', dateStyle: 'short' }).format(
    parsed,
  );
}

/** The name of a month, 1–12: «januar». */
export function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', month: 'long' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** The weekday of 1–7 (Monday = 1): «tirsdag». */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'UTC', weekday: 'long' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

/** «18:00» as Norwegians write it: «18.00»; English keeps the colon. */
export function clock(time: string, language: string): string {
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

/** Today's date in Norway, YYYY-MM-DD. */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** A date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const parsed = parseDay(date);
  if (!parsed) return date;
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** A school holiday named as people say it: «vinterferien (uke 9)». */
function schoolHolidayName(t: TFunction, params: Record<string, unknown>): string {
  const kind = str(params.kind) || 'other';
  const name = t(`cafe.schoolKinds.${kind}`, { defaultValue: t('cafe.schoolKinds.other') });
  const week = num(params.week);
  const label = str(params.label);
  if (kind === 'other' && label) return label;
  return week ? t('cafe.withWeek', { name, week }) : name;
}

function holidayName(t: TFunction, params: Record<string, unknown>): string {
  const key = str(params.holiday);
  return t(`cafe.holidays.${key}`, { defaultValue: str(params.name) || t('cafe.holidays.other') });
}

/** One problem of a date in plain language, from its code and parameters. */
export function problemText(t: TFunction, language: string, problem: Problem): string {
  const p = problem.params ?? {};
  switch (problem.code) {
    case 'public_holiday':
      return t('cafe.problems.public_holiday', { holiday: holidayName(t, p) });
    case 'school_holiday':
      return t('cafe.problems.school_holiday', { holiday: schoolHolidayName(t, p) });
    case 'near_public_holiday': {
      const days = num(p.days) ?? 0;
      const holiday = holidayName(t, p);
      if (days === -1) return t('cafe.problems.near_public_holiday_before', { holiday });
      if (days === 1) return t('cafe.problems.near_public_holiday_after', { holiday });
      return t('cafe.problems.near_public_holiday', { holiday, count: Math.abs(days) });
    }
    case 'near_school_holiday': {
      const days = num(p.days) ?? 0;
      const holiday = schoolHolidayName(t, p);
      return days < 0
        ? t('cafe.problems.near_school_holiday_before', { holiday, count: Math.abs(days) })
        : t('cafe.problems.near_school_holiday_after', { holiday, count: Math.abs(days) });
    }
    case 'in_past':
      return t('cafe.problems.in_past');
    case 'short_notice':
      return t('cafe.problems.short_notice', { count: num(p.days) ?? 0 });
    case 'other_month':
      return t('cafe.problems.other_month');
    case 'outside_season':
      return t('cafe.problems.outside_season');
    case 'second_in_month':
      return t('cafe.problems.second_in_month');
    case 'unusual_weekday':
      return t('cafe.problems.unusual_weekday', {
        weekday: weekdayName(num(p.weekday) ?? 1, language),
        usual: ((p.usual as number[] | undefined) ?? [2, 3])
          .map((day) => weekdayName(day, language))
          .join(t('cafe.or')),
      });
    case 'unusual_time':
      return t('cafe.problems.unusual_time');
    case 'invalid_date':
      return t('cafe.problems.invalid_date');
    case 'invalid_time':
      return t('cafe.problems.invalid_time');
    default:
      return t('cafe.problems.unknown');
  }
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
