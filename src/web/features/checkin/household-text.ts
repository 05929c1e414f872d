import type { TFunction } from 'i18next';
import type { AttendanceHousehold } from '../../../features/checkin/contract.js';

/** "2 voksne, 1 barn". */
export function persons(t: TFunction, household: { adults: number; children: number }): string {
  return t('cafe.checkin.persons', {
    adults: t('cafe.checkin.adults', { count: household.adults }),
    children: t('cafe.checkin.children', { count: household.children }),
  });
}

export function responseText(t: TFunction, household: AttendanceHousehold): string {
  if (household.waiting) return t('cafe.checkin.responses.waiting');
  return t(`cafe.checkin.responses.${household.response ?? 'none'}`);
}
