import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Parent } from '../../../features/family-homes/contract.js';
import { shortDate } from '../../shared/dates.js';

/** The foster parents (the registry's adults) with their contact details and courses. */
export function ParentsSection({ parents }: { parents: Parent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="parents-heading" className="family-home-section">
      <Heading level={2} data-size="sm" id="parents-heading">
        {t('familyHomes.parents.heading')}
      </Heading>
      {parents.length === 0 ? <Paragraph>{t('familyHomes.parents.empty')}</Paragraph> : null}
      <ul className="family-home-list">
        {parents.map((parent) => (
          <li key={parent.id} className="family-home-item">
            <span className="family-home-item__title">
              {parent.firstName} {parent.lastName}
            </span>
            {parent.mobile ? <span>{parent.mobile}</span> : null}
            {parent.email ? <span>{parent.email}</span> : null}
            <span>
              {t('familyHomes.parents.courses')}:{' '}
              {parent.courses.length === 0
                ? t('familyHomes.parents.noCourses')
                : parent.courses
                    .map(
                      (course) =>
                        `${t(`courses.kinds.${course.kind}`)}${course.part ? ` ${course.part}` : ''} (${shortDate(course.completedOn, i18n.language)})`,
                    )
                    .join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
