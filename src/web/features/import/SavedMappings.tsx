import { Button, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applySavedColumns, toSavedColumns } from '../../../domain/import-targets.js';
import type { SavedMapping } from '../../../features/import/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import type { MappingStepProps } from './types.js';

/** Pick a mapping saved earlier: its columns are found again by their headers. */
export function SavedMappings({
  job,
  mapping,
  onChange,
  saved,
  onSavedChange,
  onApplied,
}: MappingStepProps & { onApplied: (name: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>();
  if (saved.length === 0) return null;
  const current = saved.find((candidate) => candidate.id === chosen);

  const remove = async () => {
    if (!current) return;
    try {
      await api.delete(`/api/import-mappings/${current.id}`);
      onSavedChange(saved.filter((candidate) => candidate.id !== current.id));
      setChosen('');
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="import-saved-heading" className="stack">
      <Heading level={3} data-size="xs" id="import-saved-heading">
        {t('import.saved.heading')}
      </Heading>
      <div className="import-saved">
        <Field>
          <Label>{t('import.saved.label')}</Label>
          <Select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <Select.Option value="">{t('import.saved.none')}</Select.Option>
            {saved.map((candidate) => (
              <Select.Option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="button-row">
          <Button
            type="button"
            variant="secondary"
            disabled={!current}
            onClick={() => {
              if (!current) return;
              onChange({
                columns: applySavedColumns(job.headers, current),
                key: current.key,
                defaults: current.defaults ?? mapping.defaults,
              });
              onApplied(current.name);
            }}
          >
            {t('import.saved.apply')}
          </Button>
          <Button type="button" variant="tertiary" disabled={!current} onClick={remove}>
            {t('import.saved.delete')}
          </Button>
        </div>
      </div>
      <ErrorNotice error={error} />
    </section>
  );
}

/** Save this mapping by name for the next export from the same system. */
export function SaveMapping({ job, mapping, saved, onSavedChange }: MappingStepProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setNotice(undefined);
    setError(undefined);
    if (!name.trim()) {
      setProblem(t('import.save.nameMissing'));
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const stored = await api.post<SavedMapping>('/api/import-mappings', {
        name: name.trim(),
        ...toSavedColumns(job.headers, mapping),
      });
      onSavedChange(
        [...saved.filter((candidate) => candidate.id !== stored.id), stored].sort((a, b) =>
          a.name.localeCompare(b.name),
        ),
      );
      setNotice(t('import.save.saved', { name: stored.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-save-heading" className="stack">
      <Heading level={3} data-size="xs" id="import-save-heading">
        {t('import.save.heading')}
      </Heading>
      <div className="import-saved">
        <Textfield
          label={t('import.save.name')}
          description={t('import.save.nameHint')}
          value={name}
          maxLength={100}
          error={problem}
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            // Enter here saves the mapping, not the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              void save();
            }
          }}
        />
        <div className="button-row">
          <Button type="button" variant="secondary" loading={busy} onClick={save}>
            {t('import.save.submit')}
          </Button>
        </div>
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorNotice error={error} />
    </section>
  );
}
