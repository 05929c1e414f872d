import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_KINDS, RELATIONS } from '../../../domain/household.js';
import {
  ADULT_FIELDS,
  ADULT_SLOTS,
  CHILD_FIELDS,
  CHILD_SLOTS,
  HOUSEHOLD_TARGETS,
  IMPORT_KEYS,
  type ImportMapping,
  isTarget,
  KEY_TARGET,
  type Target,
} from '../../../domain/import-targets.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useImportLabels } from './labels.js';
import { SavedMappings, SaveMapping } from './SavedMappings.js';
import type { MappingStepProps } from './types.js';

const GROUPS: { key: string; targets: readonly Target[] }[] = [
  { key: 'household', targets: HOUSEHOLD_TARGETS },
  ...ADULT_SLOTS.map((slot) => ({
    key: `adult${slot}`,
    targets: ADULT_FIELDS.map((field) => `adult${slot}.${field}` as Target),
  })),
  ...CHILD_SLOTS.map((slot) => ({
    key: `child${slot}`,
    targets: CHILD_FIELDS.map((field) => `child${slot}.${field}` as Target),
  })),
];

/** Step 2: what each column is, how rows find their household, and the mapping saved by name. */
export function MappingStep(props: MappingStepProps) {
  const { job, mapping, onChange, busy } = props;
  const { t } = useTranslation();
  const labels = useImportLabels();
  const [notice, setNotice] = useState<string>();
  const [keyProblem, setKeyProblem] = useState(false);
  const keyErrorId = useId();

  const setColumn = (column: number, value: string) => {
    const target = isTarget(value) ? value : null;
    const columns = [...mapping.columns];
    const before = target ? columns.indexOf(target) : -1;
    // A field comes from one column: choosing it here takes it from the column that had it.
    if (before >= 0 && before !== column) {
      columns[before] = null;
      setNotice(
        t('import.mapping.moved', { field: labels.target(target as Target), column: job.headers[before] }),
      );
    } else setNotice(undefined);
    columns[column] = target;
    onChange({ ...mapping, columns });
  };

  const keyColumn = mapping.columns.indexOf(KEY_TARGET[mapping.key]);

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (keyColumn < 0) {
      setKeyProblem(true);
      document.getElementById(`import-key-${mapping.key}`)?.focus();
      return;
    }
    setKeyProblem(false);
    props.onCheck();
  };

  return (
    <form className="stack" onSubmit={check} noValidate>
      <Paragraph className="measure">
        {t('import.mapping.fileSummary', {
          name: job.fileName ?? t('import.mapping.noName'),
          rows: job.rowCount,
          columns: job.headers.length,
          format: t(`import.formats.${job.format}`),
        })}
      </Paragraph>

      <SavedMappings {...props} onApplied={(name) => setNotice(t('import.saved.applied', { name }))} />

      <section aria-labelledby="import-columns-heading" className="stack">
        <Heading level={3} data-size="xs" id="import-columns-heading">
          {t('import.mapping.columnsHeading')}
        </Heading>
        <Paragraph className="measure">{t('import.mapping.columnsIntro')}</Paragraph>
        {notice ? <Notice kind="info">{notice}</Notice> : null}
        <ScrollTable label={t('import.mapping.columnsHeading')}>
          <Table className="data-table import-mapping" border>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.mapping.column')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.mapping.target')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {job.headers.map((header, column) => {
                const examples = job.sample
                  .map((row) => row[column] ?? '')
                  .filter(Boolean)
                  .slice(0, 3);
                const selectId = `import-column-${column}`;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions; headers may repeat
                  <Table.Row key={column}>
                    <Table.Cell>
                      <Label htmlFor={selectId} className="import-mapping__header">
                        {header}
                      </Label>
                      <span className="import-mapping__examples">
                        {examples.length
                          ? t('import.mapping.examples', { values: examples.join(' · ') })
                          : t('import.mapping.noExamples')}
                      </span>
                    </Table.Cell>
                    <Table.Cell>
                      <Select
                        id={selectId}
                        value={mapping.columns[column] ?? ''}
                        onChange={(event) => setColumn(column, event.target.value)}
                      >
                        <Select.Option value="">{t('import.mapping.skip')}</Select.Option>
                        {GROUPS.map((group) => (
                          <Select.Optgroup key={group.key} label={t(`import.groups.${group.key}`)}>
                            {group.targets.map((target) => (
                              <Select.Option key={target} value={target}>
                                {labels.target(target)}
                              </Select.Option>
                            ))}
                          </Select.Optgroup>
                        ))}
                      </Select>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollTable>
      </section>

      <Fieldset>
        <Fieldset.Legend>{t('import.mapping.keyLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('import.mapping.keyDescription')}</Fieldset.Description>
        {IMPORT_KEYS.map((key) => (
          <Radio
            key={key}
            id={`import-key-${key}`}
            name="import-key"
            value={key}
            label={t(`import.keys.${key}`)}
            description={
              mapping.columns.includes(KEY_TARGET[key])
                ? t('import.mapping.keyColumn', {
                    column: job.headers[mapping.columns.indexOf(KEY_TARGET[key])],
                  })
                : t('import.mapping.keyNoColumn', { field: labels.target(KEY_TARGET[key]) })
            }
            checked={mapping.key === key}
            aria-invalid={keyProblem && mapping.key === key ? true : undefined}
            aria-describedby={keyProblem ? keyErrorId : undefined}
            onChange={() => {
              setKeyProblem(false);
              onChange({ ...mapping, key });
            }}
          />
        ))}
        {keyProblem ? (
          <ValidationMessage id={keyErrorId}>
            {t('import.mapping.keyMissing', { field: labels.target(KEY_TARGET[mapping.key]) })}
          </ValidationMessage>
        ) : null}
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('import.mapping.defaultsLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('import.mapping.defaultsDescription')}</Fieldset.Description>
        <div className="form__row">
          <Field>
            <Label>{t('import.mapping.defaultKind')}</Label>
            <Select
              value={mapping.defaults.kind}
              onChange={(event) =>
                onChange({
                  ...mapping,
                  defaults: {
                    ...mapping.defaults,
                    kind: event.target.value as ImportMapping['defaults']['kind'],
                  },
                })
              }
            >
              {HOUSEHOLD_KINDS.map((kind) => (
                <Select.Option key={kind} value={kind}>
                  {t(`import.kinds.${kind}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('import.mapping.defaultRelation')}</Label>
            <Select
              value={mapping.defaults.relation}
              onChange={(event) =>
                onChange({
                  ...mapping,
                  defaults: {
                    ...mapping.defaults,
                    relation: event.target.value as ImportMapping['defaults']['relation'],
                  },
                })
              }
            >
              {RELATIONS.map((relation) => (
                <Select.Option key={relation} value={relation}>
                  {t(`import.relations.${relation}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </Fieldset>

      <SaveMapping {...props} />

      <ErrorNotice error={props.error} />
      <div className="button-row">
        <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
          {t('import.mapping.check')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('import.mapping.otherFile')}
        </Button>
      </div>
    </form>
  );
}
