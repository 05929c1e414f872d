import { Button, Field, Heading, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdCourses as HouseholdCoursesView } from '../../../features/courses/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';

/** A team leader lets the household be a resource family without Solid, with a reason (audited). */
export function SolidOverrideForm({
  path,
  onSaved,
}: {
  path: string;
  onSaved: (view: HouseholdCoursesView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(undefined);
    if (!reason.trim() || reason.length > 500) {
      setFieldError(t('courses.errors.reason'));
      document.getElementById('course-reason')?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(await api.put<HouseholdCoursesView>(path, { reason: reason.trim() }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form" aria-labelledby="course-override-heading">
      <Heading level={3} data-size="xs" id="course-override-heading">
        {t('courses.household.overrideHeading')}
      </Heading>
      <Field>
        <Label htmlFor="course-reason">{t('courses.household.reason')}</Label>
        <Field.Description id="course-reason-hint">{t('courses.household.overrideHint')}</Field.Description>
        <Textarea
          id="course-reason"
          rows={3}
          value={reason}
          maxLength={500}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'course-reason-hint course-reason-error' : 'course-reason-hint'}
          onChange={(event) => {
            setReason(event.target.value);
            setFieldError('');
          }}
        />
        {fieldError ? <ValidationMessage id="course-reason-error">{fieldError}</ValidationMessage> : null}
      </Field>
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button type="submit" variant="secondary" loading={busy} aria-disabled={busy || undefined}>
          {t('courses.household.override')}
        </Button>
      </div>
    </form>
  );
}
