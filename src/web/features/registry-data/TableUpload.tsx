import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';

interface Problem {
  line: number;
  rule: string;
  value?: string;
}

interface TableUploadProps<Result> {
  /** POST endpoint that replaces the table with the file, all or nothing. */
  path: string;
  heading: string;
  hint: string;
  /** What to say when the table was replaced, from the server's answer. */
  done: (answer: Result) => string;
  onDone?: () => void;
}

/**
 * Choose a file, send it as it is, and read back either what changed or, line by line, why
 * nothing did: the server refuses the whole file when one line is wrong.
 */
export function TableUpload<Result>({ path, heading, hint, done, onDone }: TableUploadProps<Result>) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<unknown>();

  const problems =
    error instanceof ApiError
      ? ((error.details as { problems?: Problem[] } | undefined)?.problems ?? [])
      : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(done(await api.post<Result>(path, file)));
      onDone?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <Heading level={2} data-size="sm">
        {heading}
      </Heading>
      <Paragraph className="measure">{hint}</Paragraph>
      <div className="stack">
        <label htmlFor={inputId} className="ds-label">
          {t('registry.tables.file')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          onChange={(event) => setFile(event.target.files?.[0])}
        />
      </div>
      <div className="button-row">
        <Button type="submit" loading={busy} aria-disabled={!file || busy || undefined}>
          {t('registry.tables.upload')}
        </Button>
      </div>
      {result ? <Notice>{result}</Notice> : null}
      <ErrorNotice error={error} />
      {problems.length ? (
        <ScrollTable label={t('registry.tables.problems')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('registry.tables.line')}</Table.HeaderCell>
                <Table.HeaderCell>{t('registry.tables.problem')}</Table.HeaderCell>
                <Table.HeaderCell>{t('registry.tables.value')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {problems.map((problem) => (
                <Table.Row key={`${problem.line}-${problem.rule}`}>
                  <Table.Cell>{problem.line}</Table.Cell>
                  <Table.Cell>
                    {t(`registry.tables.rules.${problem.rule}`, { defaultValue: problem.rule })}
                  </Table.Cell>
                  <Table.Cell>{problem.value ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : null}
    </form>
  );
}
