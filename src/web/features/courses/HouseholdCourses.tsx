import { Button, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type {
  CompletionView,
  HouseholdCourses as HouseholdCoursesView,
} from '../../../features/courses/contract.js';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';
import { completionTitle, formatHours } from './format.js';
import { PamphletField } from './PamphletField.js';
import { RecordCompletionForm } from './RecordCompletionForm.js';
import { SolidOverrideForm } from './SolidOverrideForm.js';
import './courses.css';

interface Props {
  householdId: string;
  canWrite: boolean;
  /** a team leader: may let the household be a resource family without Solid */
  canDecide: boolean;
}

/** The «Kurs» section of a household page: the adults' completions, Solid, and a form to record one. */
export function HouseholdCourses({ householdId, canWrite, canDecide }: Props) {
  const { t, i18n } = useTranslation();
  const path = `/api/households/${encodeURIComponent(householdId)}/courses`;
  const { data, error, setData, load } = useLoad<HouseholdCoursesView>(path);
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState<CompletionView>();
  const nameOf = (c: Pick<CompletionView, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`;

  return (
    <section aria-labelledby="household-courses-heading" className="stack">
      <Heading level={2} data-size="sm" id="household-courses-heading">
        {t('courses.household.heading')}
      </Heading>
      <ErrorNotice error={error} />
      {notice ? <Notice>{notice}</Notice> : null}
      {!data ? (
        error ? null : (
          <Spinner aria-label={t('app.loading')} />
        )
      ) : (
        <>
          <Paragraph className="measure" data-testid="solid-status">
            {data.solidOverride
              ? t('courses.household.solidOverridden', { reason: data.solidOverride.reason })
              : data.solidMet
                ? t('courses.household.solidDone')
                : t('courses.household.solidMissing')}
          </Paragraph>
          {data.completions.length ? (
            <ul className="registry-list courses-completions">
              {data.completions.map((completion) => (
                <li key={completion.id}>
                  <strong>{completionTitle(completion, data.courses, t)}</strong>
                  {': '}
                  {nameOf(completion)}, {shortDate(completion.completedOn, i18n.language)}
                  {completion.hours !== null
                    ? `, ${formatHours(completion.hours, i18n.language)} ${t('courses.columns.hours').toLowerCase()}`
                    : ''}
                  {completion.givenBy ? (
                    <span className="registry-list__extra">
                      {t('courses.columns.givenBy')}: {completion.givenBy}
                    </span>
                  ) : null}
                  {completion.pamphlet ? (
                    <span className="registry-list__extra">
                      <Link href={`/api/course-completions/${completion.id}/pamphlet`} download>
                        {t('courses.household.download')}
                      </Link>
                    </span>
                  ) : null}
                  {canWrite && completion.kind === 'resource_family_intro' ? (
                    <PamphletField
                      completion={completion}
                      onSaved={() => {
                        setNotice(t('courses.household.uploaded'));
                        load();
                      }}
                    />
                  ) : null}
                  {canWrite ? (
                    <span className="courses-completions__actions">
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('courses.household.delete', {
                          course: completionTitle(completion, data.courses, t),
                          name: nameOf(completion),
                        })}
                        onClick={() => setDeleting(completion)}
                      >
                        {t('courses.household.deleteShort')}
                      </Button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('courses.household.none')}</Paragraph>
          )}
          <Paragraph>
            <Link asChild>
              <RouterLink to="/register/kurs">{t('courses.household.allCourses')}</RouterLink>
            </Link>
          </Paragraph>
          {canWrite && data.adults.length ? (
            <RecordCompletionForm
              view={data}
              onSaved={(saved) => {
                setNotice(
                  t('courses.household.saved', {
                    course: completionTitle(saved, data.courses, t),
                    name: nameOf(saved),
                  }),
                );
                load();
              }}
            />
          ) : null}
          {canDecide && !data.solidMet ? (
            <SolidOverrideForm
              path={`/api/households/${encodeURIComponent(householdId)}/solid-override`}
              onSaved={(view) => {
                setData(view);
                setNotice(t('courses.household.overridden'));
              }}
            />
          ) : null}
        </>
      )}
      {deleting ? (
        <ConfirmDialog
          title={t('courses.household.deleteTitle')}
          body={t('courses.household.deleteBody')}
          confirmLabel={t('courses.household.deleteConfirm')}
          onClose={() => setDeleting(undefined)}
          onConfirm={async () => {
            await api.delete(`/api/course-completions/${encodeURIComponent(deleting.id)}`);
            setDeleting(undefined);
            setNotice(t('courses.household.deleted'));
            load();
          }}
        />
      ) : null}
    </section>
  );
}
