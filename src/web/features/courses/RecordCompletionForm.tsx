import {
  Button,
  Field,
  Heading,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTRO_COURSE_PART_HOURS, INTRO_COURSE_PARTS } from '../../../domain/course.js';
import type {
  CompletionInput,
  CompletionView,
  HouseholdCourses as HouseholdCoursesView,
} from '../../../features/courses/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { courseName } from './format.js';

type FieldName = 'adult' | 'course' | 'date' | 'hours' | 'part';
type Errors = Partial<Record<FieldName, string>>;

const HOURS = /^\d{1,3}([.,]\d)?$/;
const INTRO_PARTS = Array.from({ length: INTRO_COURSE_PARTS }, (_, i) => i + 1);

/** Records that an adult of the household completed a course (the intro course: which part). */
export function RecordCompletionForm({
  view,
  onSaved,
}: {
  view: HouseholdCoursesView;
  onSaved: (saved: CompletionView) => void;
}) {
  const { t } = useTranslation();
  const first = view.adults.length === 1 ? (view.adults[0]?.id ?? '') : '';
  const [form, setForm] = useState({ adult: first, course: '', date: '', hours: '', givenBy: '', part: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const course = view.courses.find((c) => c.id === form.course);
  const isIntro = course?.kind === 'resource_family_intro';

  const change = (next: Partial<typeof form>) => {
    // The intro course's parts are 1.5 hours each: filled in, still changeable.
    const intro =
      next.course && view.courses.find((c) => c.id === next.course)?.kind === 'resource_family_intro';
    setForm((current) => ({
      ...current,
      ...next,
      ...(intro && !current.hours ? { hours: formatHoursInput(INTRO_COURSE_PART_HOURS) } : {}),
    }));
    setErrors((current) => {
      const copy = { ...current };
      for (const key of Object.keys(next)) delete copy[key as FieldName];
      return copy;
    });
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (!form.adult) found.adult = t('courses.errors.adult');
    if (!form.course) found.course = t('courses.errors.course');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) found.date = t('courses.errors.date');
    const hours = Number(form.hours.trim().replace(',', '.'));
    if (form.hours.trim() && (!HOURS.test(form.hours.trim()) || hours < 0.1 || hours > 500)) {
      found.hours = t('courses.errors.hours');
    }
    if (isIntro && !form.part) found.part = t('courses.errors.part');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    const found = check();
    setErrors(found);
    const firstError = Object.keys(found)[0];
    if (firstError) {
      document.getElementById(`course-${firstError}`)?.focus();
      return;
    }
    const input: CompletionInput = {
      courseId: form.course,
      adultId: form.adult,
      completedOn: form.date,
      hours: form.hours.trim() ? Number(form.hours.trim().replace(',', '.')) : null,
      givenBy: form.givenBy.trim() || null,
      part: isIntro ? Number(form.part) : null,
    };
    busyRef.current = true;
    setBusy(true);
    try {
      const saved = await api.post<CompletionView>('/api/course-completions', input);
      setForm({ adult: first, course: '', date: '', hours: '', givenBy: '', part: '' });
      onSaved(saved);
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        caught.code === 'validation.invalid' &&
        Array.isArray(caught.details)
      ) {
        const fields: Record<string, FieldName> = {
          adultId: 'adult',
          courseId: 'course',
          completedOn: 'date',
          hours: 'hours',
          part: 'part',
        };
        const mapped: Errors = {};
        for (const detail of caught.details as { field?: string }[]) {
          const name = fields[detail.field ?? ''];
          if (name) mapped[name] = t(`courses.errors.${name}`);
        }
        if (Object.keys(mapped).length) setErrors(mapped);
        else setError(caught);
      } else setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form" aria-labelledby="course-record-heading">
      <Heading level={3} data-size="xs" id="course-record-heading">
        {t('courses.household.recordHeading')}
      </Heading>
      <div className="form__row">
        <Field>
          <Label htmlFor="course-adult">{t('courses.household.adult')}</Label>
          <Select
            id="course-adult"
            value={form.adult}
            aria-invalid={errors.adult ? true : undefined}
            aria-describedby={errors.adult ? 'course-adult-error' : undefined}
            onChange={(event) => change({ adult: event.target.value })}
          >
            <Select.Option value="">{t('courses.household.choose')}</Select.Option>
            {view.adults.map((adult) => (
              <Select.Option key={adult.id} value={adult.id}>
                {`${adult.firstName} ${adult.lastName}`}
              </Select.Option>
            ))}
          </Select>
          {errors.adult ? (
            <ValidationMessage id="course-adult-error">{errors.adult}</ValidationMessage>
          ) : null}
        </Field>
        <Field>
          <Label htmlFor="course-course">{t('courses.household.course')}</Label>
          <Select
            id="course-course"
            value={form.course}
            aria-invalid={errors.course ? true : undefined}
            aria-describedby={errors.course ? 'course-course-error' : undefined}
            onChange={(event) => change({ course: event.target.value })}
          >
            <Select.Option value="">{t('courses.household.choose')}</Select.Option>
            {view.courses
              .filter((c) => c.kind !== 'contact_person_training')
              .map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {courseName(c, t)}
                </Select.Option>
              ))}
          </Select>
          {errors.course ? (
            <ValidationMessage id="course-course-error">{errors.course}</ValidationMessage>
          ) : null}
        </Field>
      </div>
      {isIntro ? (
        <Field>
          <Label htmlFor="course-part">{t('courses.household.part')}</Label>
          <Select
            id="course-part"
            value={form.part}
            aria-invalid={errors.part ? true : undefined}
            aria-describedby={errors.part ? 'course-part-error' : undefined}
            onChange={(event) => change({ part: event.target.value })}
          >
            <Select.Option value="">{t('courses.household.choose')}</Select.Option>
            {INTRO_PARTS.map((part) => (
              <Select.Option key={part} value={String(part)}>
                {t('courses.household.partOption', { part })}
              </Select.Option>
            ))}
          </Select>
          {errors.part ? <ValidationMessage id="course-part-error">{errors.part}</ValidationMessage> : null}
        </Field>
      ) : null}
      <div className="form__row">
        <Textfield
          id="course-date"
          type="date"
          label={t('courses.household.date')}
          value={form.date}
          onChange={(event) => change({ date: event.target.value })}
          error={errors.date}
        />
        <Textfield
          id="course-hours"
          label={t('courses.household.hours')}
          inputMode="decimal"
          value={form.hours}
          onChange={(event) => change({ hours: event.target.value })}
          error={errors.hours}
          autoComplete="off"
        />
      </div>
      <Textfield
        id="course-givenBy"
        label={t('courses.household.givenBy')}
        description={t('courses.household.givenByHint')}
        value={form.givenBy}
        maxLength={200}
        onChange={(event) => change({ givenBy: event.target.value })}
        autoComplete="off"
      />
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
          {t('courses.household.save')}
        </Button>
      </div>
    </form>
  );
}

function formatHoursInput(hours: number): string {
  return String(hours).replace('.', ',');
}
