import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowStatus } from '../../../domain/import-targets.js';
import type { DryRun } from '../../../features/import/contract.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useImportLabels } from './labels.js';
import type { DryRunRow } from './types.js';

const FILTERS = ['all', 'create', 'update', 'unchanged', 'repeat', 'rejected', 'warnings'] as const;
type Filter = (typeof FILTERS)[number];
/** Shown only when some row is one of them: most files have neither. */
const OPTIONAL_FILTERS: readonly Filter[] = ['repeat', 'warnings'];
const PAGE = 50;

const TAG_COLOR: Record<RowStatus, 'success' | 'info' | 'neutral' | 'danger'> = {
  create: 'success',
  update: 'info',
  unchanged: 'neutral',
  repeat: 'neutral',
  rejected: 'danger',
};

interface CheckStepProps {
  plan: DryRun;
  /** Set while the import runs: how far it has come. */
  progress: { done: number; total: number } | null;
  error: unknown;
  failedRow: number | null;
  onImport: (skipRejected: boolean) => void;
  onBack: () => void;
}

/** Step 3: the dry run, row by row with filters, and the import with its progress. */
export function CheckStep({ plan, progress, error, failedRow, onImport, onBack }: CheckStepProps) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>(plan.summary.rejected ? 'rejected' : 'all');
  const [shown, setShown] = useState(PAGE);
  const [skip, setSkip] = useState(false);
  const [skipProblem, setSkipProblem] = useState(false);
  const skipErrorId = useId();
  const number = new Intl.NumberFormat(i18n.language);
  const warned = plan.rows.filter((row) => row.warnings.length > 0);
  const count = (status: Filter) =>
    status === 'all' ? plan.rows.length : status === 'warnings' ? warned.length : plan.summary[status];
  const rows =
    filter === 'all'
      ? plan.rows
      : filter === 'warnings'
        ? warned
        : plan.rows.filter((row) => row.status === filter);
  const writes = plan.summary.create + plan.summary.update;
  const importing = progress !== null;

  const start = () => {
    if (importing) return; // a second click while it runs imports nothing twice
    if (plan.summary.rejected > 0 && !skip) {
      setSkipProblem(true);
      document.getElementById('import-skip')?.focus();
      return;
    }
    setSkipProblem(false);
    onImport(skip);
  };

  return (
    <div className="stack">
      <ul className="import-summary" aria-label={t('import.check.summaryLabel')}>
        {(['create', 'update', 'unchanged', 'repeat', 'rejected'] as const)
          .filter((status) => status !== 'repeat' || plan.summary.repeat > 0)
          .map((status) => (
            <li key={status} className={`import-summary__item import-summary__item--${status}`}>
              <span className="import-summary__count">{number.format(plan.summary[status])}</span>{' '}
              <span>{t(`import.check.counts.${status}`, { count: plan.summary[status] })}</span>
            </li>
          ))}
      </ul>

      {plan.summary.rejected > 0 ? (
        <Notice kind="warning">{t('import.check.rejectedNotice', { count: plan.summary.rejected })}</Notice>
      ) : null}
      {warned.length > 0 ? (
        <Notice kind="info">{t('import.check.warningsNotice', { count: warned.length })}</Notice>
      ) : null}

      <Fieldset className="import-filter">
        <Fieldset.Legend>{t('import.check.filterLegend')}</Fieldset.Legend>
        <div className="import-filter__options">
          {FILTERS.filter((value) => count(value) > 0 || !OPTIONAL_FILTERS.includes(value)).map((value) => (
            <Radio
              key={value}
              name="import-filter"
              value={value}
              label={t(`import.check.filters.${value}`, { count: count(value) })}
              checked={filter === value}
              onChange={() => {
                setFilter(value);
                setShown(PAGE);
              }}
            />
          ))}
        </div>
      </Fieldset>

      <Paragraph aria-live="polite">
        {t('import.check.showing', {
          shown: number.format(Math.min(shown, rows.length)),
          total: number.format(rows.length),
        })}
      </Paragraph>
      {rows.length ? (
        <ScrollTable label={t('import.check.tableLabel')}>
          <Table className="data-table import-rows" border>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('import.check.row')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.check.household')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.check.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('import.check.details')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.slice(0, shown).map((row) => (
                <PlanRow key={row.row} row={row} />
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : null}
      {shown < rows.length ? (
        <div>
          <Button variant="secondary" onClick={() => setShown((n) => n + PAGE * 4)}>
            {t('import.check.showMore')}
          </Button>
        </div>
      ) : null}

      <section aria-labelledby="import-run-heading" className="stack">
        <Heading level={3} data-size="xs" id="import-run-heading">
          {t('import.check.runHeading')}
        </Heading>
        <Paragraph className="measure">
          {writes ? t('import.check.willWrite', { count: writes }) : t('import.check.nothingToWrite')}
        </Paragraph>
        {plan.summary.rejected > 0 ? (
          <div>
            <Checkbox
              id="import-skip"
              label={t('import.check.skip', { count: plan.summary.rejected })}
              checked={skip}
              disabled={importing}
              aria-invalid={skipProblem || undefined}
              aria-describedby={skipProblem ? skipErrorId : undefined}
              onChange={(event) => {
                setSkip(event.target.checked);
                setSkipProblem(false);
              }}
            />
            {skipProblem ? (
              <ValidationMessage id={skipErrorId}>{t('import.check.skipRequired')}</ValidationMessage>
            ) : null}
          </div>
        ) : null}
        {progress ? (
          <div className="import-progress">
            <label htmlFor="import-progress">
              {t('import.check.progress', {
                done: number.format(progress.done),
                total: number.format(progress.total),
              })}
            </label>
            <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.done} />
          </div>
        ) : null}
        <ErrorNotice error={error}>
          {failedRow ? <Paragraph>{t('import.check.failedAt', { row: failedRow })}</Paragraph> : null}
        </ErrorNotice>
        <div className="button-row">
          <Button onClick={start} loading={importing} aria-disabled={importing || undefined}>
            {importing ? t('import.check.importing') : t('import.check.import')}
          </Button>
          <Button variant="secondary" onClick={onBack} disabled={importing}>
            {t('import.check.back')}
          </Button>
        </div>
      </section>
    </div>
  );
}

function PlanRow({ row }: { row: DryRunRow }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  return (
    <Table.Row>
      <Table.Cell className="nowrap" data-label={t('import.check.row')}>
        {row.row}
      </Table.Cell>
      <Table.Cell>
        <span className="import-rows__name">{row.name || t('import.check.noName')}</span>
        {row.key ? <span className="import-rows__key">{t('import.check.key', { key: row.key })}</span> : null}
      </Table.Cell>
      <Table.Cell data-label={t('import.check.status')}>
        <Tag data-color={TAG_COLOR[row.status]}>{t(`import.check.statuses.${row.status}`)}</Tag>
      </Table.Cell>
      <Table.Cell>
        {row.status === 'rejected' ? (
          <ul className="import-rows__list">
            {row.problems.map((problem) => (
              <li key={`${problem.field}-${problem.rule}`}>{labels.problem(problem)}</li>
            ))}
          </ul>
        ) : row.status === 'repeat' ? (
          t('import.check.repeatOf', { row: row.repeatOf })
        ) : row.status === 'update' || row.warnings.length ? (
          <ul className="import-rows__list">
            {row.warnings.map((warning) => (
              <li key={`${warning.field}-${warning.rule}`} className="import-rows__warning">
                {t('import.check.warning', { text: labels.warning(warning) })}
              </li>
            ))}
            {row.changes.map((change) => (
              <li key={change.field}>
                {t('import.check.change', {
                  field: labels.field(change.field),
                  before: labels.value(change.field, change.before),
                  after: labels.value(change.field, change.after),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </Table.Cell>
    </Table.Row>
  );
}
