import { Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DateProblem } from '../../../features/events/contract.js';
import { weekdayName } from '../../shared/dates.js';

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
function problemText(t: TFunction, language: string, problem: DateProblem): string {
  const p = problem.params;
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

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'info' } as const;

/** The problems of a date as a short list in plain words; nothing when there are none. */
export function ProblemList({ problems, id }: { problems: DateProblem[]; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!problems.length) return null;
  return (
    <ul className="cafe-problems" id={id}>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same code can occur twice with other params
        <li key={`${problem.code}-${index}`}>
          <Tag data-size="sm" data-color={SEVERITY_COLOR[problem.severity] ?? 'neutral'}>
            {t(`cafe.severity.${problem.severity}`)}
          </Tag>{' '}
          {problemText(t, i18n.language, problem)}
        </li>
      ))}
    </ul>
  );
}
