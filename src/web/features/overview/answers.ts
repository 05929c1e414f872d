import type { TFunction } from 'i18next';
import { statusOf } from '../../../domain/answer-status.js';
import { REMINDER_DAYS } from '../../../domain/reminders.js';
import type { OverviewHousehold } from '../../../features/overview/contract.js';

/** The days before a café a reminder may go, as the server allows them, farthest first. */
export const REMINDER_DAYS_SHOWN = [...REMINDER_DAYS].reverse();
export const FILTERS = ['all', 'coming', 'waiting', 'maybe', 'not_coming', 'silent'] as const;
export type Filter = (typeof FILTERS)[number];

/** The household's answer in one word: coming, waiting, maybe, not coming, or silent. */
export function answerOf(household: OverviewHousehold): Exclude<Filter, 'all'> {
  if (!household.response) return 'silent';
  const status = statusOf(household.response, household.place);
  return status === 'confirmed' ? 'coming' : status;
}

export const ANSWER_COLOR: Record<
  Exclude<Filter, 'all'>,
  'success' | 'warning' | 'info' | 'neutral' | 'danger'
> = {
  coming: 'success',
  waiting: 'warning',
  maybe: 'info',
  not_coming: 'neutral',
  silent: 'neutral',
};

export function persons(t: TFunction, adults: number, children: number): string {
  return t('cafe.overview.event.persons', {
    adults: t('cafe.overview.event.adults', { count: adults }),
    children: t('cafe.overview.event.children', { count: children }),
  });
}

/** What a sent reminder was: «7 dager før» or «Nå, til dem som ikke har svart». */
export function reminderName(t: TFunction, key: string): string {
  const days = /^\d+$/.test(key) ? Number(key) : undefined;
  if (days !== undefined) return t('cafe.overview.event.daysBefore', { count: days });
  const group = /^now-(silent|coming|maybe)-/.exec(key)?.[1];
  return group
    ? t('cafe.overview.event.sentNow', { group: t(`cafe.overview.event.groupNames.${group}`) })
    : key;
}
