import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { SupervisionDue } from '../../../features/supervision/contract.js';
import { longDate } from '../../shared/dates.js';

/**
 * When the next supervision talk is due; an overdue one says «Forfalt» in words (the tag's
 * colour only repeats it) and how many days ago it was due.
 */
export function DueStatus({ due }: { due: SupervisionDue }) {
  const { t, i18n } = useTranslation();
  const date = longDate(due.nextDueOn, i18n.language);
  if (due.daysOverdue > 0) {
    return (
      <span className="supervision-due supervision-due--overdue">
        <Tag data-size="sm" data-color="danger">
          {t('supervision.overdueTag')}
        </Tag>{' '}
        {t('supervision.overdue', { count: due.daysOverdue, date })}
      </span>
    );
  }
  return (
    <span className="supervision-due">
      {due.nextDueOn === todayInOslo()
        ? t('supervision.dueToday', { date })
        : t('supervision.nextDue', { date })}
    </span>
  );
}
