import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { ImportMapping } from '../../../domain/import-targets.js';
import type {
  DryRun,
  ImportJob,
  ImportResult,
  SavedMapping,
  SavedMappingList,
} from '../../../features/import/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { CheckStep } from './CheckStep.js';
import { runImport } from './import-api.js';
import { useImportLabels } from './labels.js';
import { MappingStep } from './MappingStep.js';
import { UploadStep } from './UploadStep.js';
import './import.css';
import { useLoad } from '../../shared/use-load.js';

const STEPS = ['upload', 'mapping', 'check', 'done'] as const;
type Step = (typeof STEPS)[number];

const DEFAULTS: ImportMapping['defaults'] = { kind: 'foster', relation: 'care' };

/**
 * /register/import: a CSV or Excel export of the case-management system into the registry, in
 * four steps — upload, mapping, dry run, import — with nothing written before the last.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('upload');
  const [job, setJob] = useState<ImportJob>();
  const [mapping, setMapping] = useState<ImportMapping>();
  const mappings = useLoad<SavedMappingList>('/api/import-mappings');
  const saved = mappings.data?.mappings ?? [];
  const setSaved = (next: SavedMapping[]) => mappings.setData({ mappings: next });
  const [plan, setPlan] = useState<DryRun>();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();
  const [failedRow, setFailedRow] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // The id of an uploaded file not yet imported: leaving the page removes it at once (its rows
  // are personal data); a file left behind otherwise is removed after 24 hours.
  const pending = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (pending.current) void api.delete(`/api/imports/${pending.current}`).catch(() => {});
    },
    [],
  );

  // A new step is announced by moving focus to its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  const uploaded = (next: ImportJob) => {
    pending.current = next.id;
    setJob(next);
    setMapping(next.mapping ?? { columns: next.suggested, key: 'externalRef', defaults: DEFAULTS });
    setPlan(undefined);
    setError(undefined);
    setStep('mapping');
  };

  const startOver = () => {
    // The uploaded rows are personal data: a file left behind is removed at once.
    if (pending.current) void api.delete(`/api/imports/${pending.current}`).catch(() => {});
    pending.current = null;
    setJob(undefined);
    setMapping(undefined);
    setPlan(undefined);
    setResult(undefined);
    setError(undefined);
    setFailedRow(null);
    setProgress(null);
    setStep('upload');
  };

  const check = async () => {
    if (!job || !mapping || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      setPlan(await api.post<DryRun>(`/api/imports/${job.id}/dry-run`, { mapping }));
      setFailedRow(null);
      setStep('check');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const importNow = async (skipRejected: boolean) => {
    if (!job || !mapping || running.current) return;
    running.current = true;
    setError(undefined);
    setFailedRow(null);
    setProgress({ done: 0, total: (plan?.summary.create ?? 0) + (plan?.summary.update ?? 0) });
    try {
      const done = await runImport(job.id, { mapping, skipRejected }, (line) => {
        if (line.type === 'start') setProgress({ done: 0, total: line.total });
        if (line.type === 'progress') setProgress({ done: line.done, total: line.total });
      });
      pending.current = null;
      setResult(done);
      setStep('done');
    } catch (caught) {
      // The answer broke off: the server finishes on its own; ask it how it went.
      if (caught instanceof ApiError && caught.code === 'network') {
        const after = await api.get<ImportJob>(`/api/imports/${job.id}`).catch(() => undefined);
        if (after?.status === 'done' && after.result) {
          pending.current = null;
          setResult(after.result);
          setStep('done');
          return;
        }
      }
      setError(caught);
      const row =
        caught instanceof ApiError ? (caught.details as { row?: number } | undefined)?.row : undefined;
      setFailedRow(row ?? null);
    } finally {
      running.current = false;
      setProgress(null);
    }
  };

  const number = new Intl.NumberFormat(i18n.language);
  const stepIndex = STEPS.indexOf(step);

  return (
    <Page title={t('import.title')}>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/register">{t('import.backToRegister')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph className="measure">{t('import.intro')}</Paragraph>
      <nav aria-label={t('import.steps.label')}>
        <ol className="import-steps">
          {STEPS.map((candidate, i) => (
            <li
              key={candidate}
              className={`import-steps__step${i === stepIndex ? ' import-steps__step--current' : ''}${i < stepIndex ? ' import-steps__step--done' : ''}`}
              aria-current={i === stepIndex ? 'step' : undefined}
            >
              {t(`import.steps.${candidate}`)}
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="import-step-heading" className="stack">
        <Heading
          level={2}
          data-size="sm"
          id="import-step-heading"
          ref={stepHeading}
          tabIndex={-1}
          className="import-step-heading"
        >
          {t('import.steps.heading', { n: stepIndex + 1, step: t(`import.steps.${step}`) })}
        </Heading>

        {step === 'upload' ? <UploadStep onUploaded={uploaded} /> : null}

        {step === 'mapping' && job && mapping ? (
          <MappingStep
            job={job}
            mapping={mapping}
            onChange={setMapping}
            saved={saved}
            onSavedChange={setSaved}
            busy={busy}
            error={error}
            onCheck={check}
            onCancel={startOver}
          />
        ) : null}

        {step === 'check' && plan ? (
          <CheckStep
            plan={plan}
            progress={progress}
            error={error}
            failedRow={failedRow}
            onImport={importNow}
            onBack={() => {
              setError(undefined);
              setStep('mapping');
            }}
          />
        ) : null}

        {step === 'done' && result ? (
          <div className="stack">
            <Notice>
              {result.repeated
                ? t('import.done.repeated')
                : t('import.done.summary', {
                    created: number.format(result.created),
                    updated: number.format(result.updated),
                    unchanged: number.format(result.unchanged),
                    skipped: number.format(result.skipped),
                  })}
            </Notice>
            {result.warnings?.length ? <ResultWarnings warnings={result.warnings} /> : null}
            <Paragraph>
              <Link asChild>
                <RouterLink to="/register">{t('import.done.toRegister')}</RouterLink>
              </Link>
            </Paragraph>
            <div className="button-row">
              <Button variant="secondary" onClick={startOver}>
                {t('import.done.another')}
              </Button>
            </div>
          </div>
        ) : null}
      </section>
    </Page>
  );
}

/** The imported rows that are worth a second look, by row of the file. */
function ResultWarnings({ warnings }: { warnings: NonNullable<ImportResult['warnings']> }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  return (
    <div className="stack">
      <Paragraph>{t('import.done.warnings', { count: warnings.length })}</Paragraph>
      <ul className="import-rows__list">
        {warnings.flatMap(({ row, warnings: list }) =>
          list.map((warning) => (
            <li key={`${row}-${warning.field}-${warning.rule}`}>
              {t('import.done.warningRow', { row, text: labels.warning(warning) })}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
