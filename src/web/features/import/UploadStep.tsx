import {
  Button,
  Field,
  EXPERIMENTAL_FileUpload as FileUpload,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES } from '../../../domain/limits.js';
import type { ImportJob } from '../../../features/import/contract.js';
import { ApiError } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { uploadFile } from './import-api.js';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Step 1: choose or drop a CSV or Excel file; the server reads it and suggests a mapping. */
export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const choose = (chosen: File | null | undefined) => {
    setError(undefined);
    setProblem(null);
    setFile(chosen ?? null);
    if (chosen && chosen.size > MAX_UPLOAD_BYTES) setProblem(t('import.upload.tooLarge'));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setProblem(t('import.upload.chooseFirst'));
      input.current?.focus();
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) return;
    setBusy(true);
    setError(undefined);
    try {
      onUploaded(await uploadFile(file));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const unreadable =
    error instanceof ApiError && error.code === 'import.unreadable'
      ? (error.details as { reason?: string; line?: number | null } | undefined)
      : undefined;
  const size = file
    ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(file.size / 1024)
    : '';

  return (
    <form className="stack import-upload" onSubmit={submit} noValidate>
      <Paragraph className="measure">{t('import.upload.intro')}</Paragraph>
      <Field>
        <Label htmlFor={inputId}>{t('import.upload.label')}</Label>
        <FileUpload
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            // The input takes a drop on itself; this catches one on the frame around it.
            if (event.target === input.current) return;
            event.preventDefault();
            choose(event.dataTransfer.files[0]);
          }}
        >
          <Field.Description>{t('import.upload.drop')}</Field.Description>
          <Field.Description>{t('import.upload.formats')}</Field.Description>
          <Button asChild variant="secondary">
            <span aria-hidden="true">{t('import.upload.choose')}</span>
          </Button>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={ACCEPT}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </FileUpload>
        {problem ? <ValidationMessage id={errorId}>{problem}</ValidationMessage> : null}
      </Field>
      {file ? (
        <Paragraph aria-live="polite">{t('import.upload.chosen', { name: file.name, size })}</Paragraph>
      ) : null}
      <ErrorNotice error={error}>
        {unreadable?.reason ? (
          <Paragraph>
            {t(`import.unreadable.${unreadable.reason}`, { line: unreadable.line ?? '' })}
          </Paragraph>
        ) : null}
      </ErrorNotice>
      <div className="button-row">
        <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
          {busy ? t('import.upload.reading') : t('import.upload.submit')}
        </Button>
      </div>
    </form>
  );
}
