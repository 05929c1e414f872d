import {
  Button,
  Checkbox,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { CourseList, CourseView } from '../../../features/courses/contract.js';
import { useUser } from '../../app/session.js';
import { ApiError, api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { courseName, formatHours } from './format.js';
import './courses.css';

/** /register/kurs: every course of the municipality with who completed it; its own courses added here. */
export function CoursesPage() {
  const { t } = useTranslation();
  const canWrite = useUser().permissions.includes('registry:write');
  const [archived, setArchived] = useState(false);
  const { data, error, load } = useLoad<CourseList>(`/api/courses?archived=${archived}`);
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<unknown>();

  const setCourseArchived = async (course: CourseView, archive: boolean) => {
    setActionError(undefined);
    try {
      await api.post(`/api/courses/${encodeURIComponent(course.id)}/${archive ? 'archive' : 'unarchive'}`);
      load();
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <Page title={t('courses.title')}>
      <Paragraph className="measure">{t('courses.intro')}</Paragraph>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorNotice error={error ?? actionError} />
      {canWrite ? (
        <NewCourseForm
          onSaved={(course) => {
            setNotice(t('courses.added', { name: courseName(course, t) }));
            load();
          }}
        />
      ) : null}
      <Checkbox
        label={t('courses.showArchived')}
        checked={archived}
        onChange={(event) => setArchived(event.target.checked)}
      />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      <ul className="courses-list">
        {data?.courses.map((course) => (
          <li key={course.id}>
            <CourseSection
              course={course}
              canWrite={canWrite}
              onArchive={(archive) => setCourseArchived(course, archive)}
            />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function CourseSection({
  course,
  canWrite,
  onArchive,
}: {
  course: CourseView;
  canWrite: boolean;
  onArchive: (archive: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const name = courseName(course, t);
  const headingId = `course-${course.id}`;
  return (
    <section aria-labelledby={headingId} className="courses-course">
      <div className="courses-course__head">
        <Heading level={2} data-size="xs" id={headingId}>
          {name}
        </Heading>
        <span>{t('courses.count', { count: course.completions.length })}</span>
        {course.archived ? (
          <Tag data-size="sm" data-color="warning">
            {t('courses.archivedTag')}
          </Tag>
        ) : null}
      </div>
      {course.provider ? (
        <Paragraph data-size="sm">{t('courses.provider', { provider: course.provider })}</Paragraph>
      ) : null}
      {course.completions.length ? (
        <ScrollTable label={`${name}, ${t('courses.count', { count: course.completions.length })}`}>
          <Table zebra data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('courses.columns.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('courses.columns.household')}</Table.HeaderCell>
                <Table.HeaderCell>{t('courses.columns.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('courses.columns.hours')}</Table.HeaderCell>
                <Table.HeaderCell>{t('courses.columns.givenBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {course.completions.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    {`${c.firstName} ${c.lastName}`}
                    {c.part ? `, ${t('courses.part', { part: c.part })}` : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {c.householdId ? (
                      <Link asChild>
                        <RouterLink to={`/register/${c.householdId}`}>{c.householdName}</RouterLink>
                      </Link>
                    ) : (
                      t('courses.staff')
                    )}
                  </Table.Cell>
                  <Table.Cell>{shortDate(c.completedOn, i18n.language)}</Table.Cell>
                  <Table.Cell>{c.hours === null ? '–' : formatHours(c.hours, i18n.language)}</Table.Cell>
                  <Table.Cell>{c.givenBy ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : (
        <Paragraph data-size="sm">{t('courses.nobody')}</Paragraph>
      )}
      {canWrite && course.kind === 'other' ? (
        <div className="button-row">
          <Button variant="tertiary" data-size="sm" onClick={() => onArchive(!course.archived)}>
            {course.archived ? t('courses.unarchive', { name }) : t('courses.archive', { name })}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function NewCourseForm({ onSaved }: { onSaved: (course: CourseView) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [provider, setProvider] = useState('');
  const [nameError, setNameError] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    if (!name.trim()) {
      setNameError(t('courses.errors.name'));
      document.getElementById('course-name')?.focus();
      return;
    }
    busyRef.current = true;
    setBusy(true);
    try {
      const saved = await api.post<CourseView>('/api/courses', {
        name: name.trim(),
        provider: provider.trim() || null,
      });
      setName('');
      setProvider('');
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'validation.invalid')
        setNameError(t('courses.errors.name'));
      else setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form" aria-labelledby="course-new-heading">
      <Heading level={2} data-size="sm" id="course-new-heading">
        {t('courses.newHeading')}
      </Heading>
      <div className="form__row">
        <Textfield
          id="course-name"
          label={t('courses.name')}
          value={name}
          maxLength={120}
          onChange={(event) => {
            setName(event.target.value);
            setNameError('');
          }}
          error={nameError || undefined}
          autoComplete="off"
        />
        <Textfield
          id="course-provider"
          label={t('courses.providerLabel')}
          value={provider}
          maxLength={120}
          onChange={(event) => setProvider(event.target.value)}
          autoComplete="off"
        />
      </div>
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={busy} aria-disabled={busy || undefined}>
          {t('courses.add')}
        </Button>
      </div>
    </form>
  );
}
