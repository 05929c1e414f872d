import { Button, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAMPHLET_MAX_BYTES, PAMPHLET_TYPES } from '../../../domain/course.js';
import type { CompletionView } from '../../../features/courses/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';

/**
 * Uploads the pamphlet left with the resource family after an intro-course conversation. Sent
 * as plain bytes: the server reads the type from them, whatever the file is called.
 */
export function PamphletField({ completion, onSaved }: { completion: CompletionView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [key, setKey] = useState(0);
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const inputId = `pamphlet-${completion.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(undefined);
    if (!file) {
      setProblem(t('courses.errors.file'));
      document.getElementById(inputId)?.focus();
      return;
    }
    if (file.size > PAMPHLET_MAX_BYTES) {
      setProblem(t('errors.request.too_large'));
      return;
    }
    setBusy(true);
    try {
      const bytes = new Blob([file], { type: 'application/octet-stream' });
      await api.put(`/api/course-completions/${encodeURIComponent(completion.id)}/pamphlet`, bytes);
      setFile(undefined);
      setKey((count) => count + 1);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="courses-pamphlet">
      <Field>
        <Label htmlFor={inputId}>{t('courses.household.upload')}</Label>
        <Field.Description id={`${inputId}-hint`}>{t('courses.household.uploadHint')}</Field.Description>
        <input
          key={key}
          id={inputId}
          type="file"
          accept={PAMPHLET_TYPES.join(',')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setProblem('');
          }}
          className="courses-pamphlet__input"
        />
        {problem ? <ValidationMessage id={`${inputId}-error`}>{problem}</ValidationMessage> : null}
      </Field>
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button
          type="submit"
          variant="secondary"
          data-size="sm"
          loading={busy}
          aria-disabled={busy || undefined}
        >
          {t('courses.household.uploadButton')}
        </Button>
      </div>
    </form>
  );
}
