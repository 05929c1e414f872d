import { Card, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { EVALUATION_MAX } from '../../../domain/feedback.js';
import type { EventView } from '../../../features/events/contract.js';
import type { Evaluation, PreviousEvaluation } from '../../../features/feedback/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { Notice } from '../../shared/Notice.js';
import { SaveBar } from '../../shared/SaveBar.js';
import { useLoad } from '../../shared/use-load.js';

const FIELDS = ['wentWell', 'changeNext', 'attendanceNote', 'programmeNote'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * On the event page: after the event, the team's evaluation (what went well, what to change,
 * attendance, the programme item); before it, the last evaluation («Sist gang») to plan by.
 */
export function EvaluationSection({ event }: { event: EventView }) {
  if (event.status === 'cancelled') return null;
  const past = new Date(event.endsAt).getTime() < Date.now();
  if (past) return <EvaluationForm event={event} />;
  return <LastEvaluation event={event} />;
}

function EvaluationForm({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useLoad<Evaluation>(
    `/api/events/${encodeURIComponent(event.id)}/evaluation`,
    reload,
  );
  return (
    <section aria-labelledby="evaluation-heading" className="stack">
      <Heading level={2} data-size="sm" id="evaluation-heading">
        {t('cafe.evaluation.heading')}
      </Heading>
      <Paragraph className="measure">{t('cafe.evaluation.intro')}</Paragraph>
      <CafeError error={error} />
      {data ? (
        <EvaluationEditor
          key={`${data.version}-${reload}`}
          eventId={event.id}
          evaluation={data}
          onReload={() => setReload((count) => count + 1)}
        />
      ) : loading && !error ? (
        <Spinner aria-label={t('app.loading')} />
      ) : null}
    </section>
  );
}

function EvaluationEditor({
  eventId,
  evaluation,
  onReload,
}: {
  eventId: string;
  evaluation: Evaluation;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState(evaluation);
  const [values, setValues] = useState<Record<FieldName, string>>(() => ({
    wentWell: evaluation.wentWell ?? '',
    changeNext: evaluation.changeNext ?? '',
    attendanceNote: evaluation.attendanceNote ?? '',
    programmeNote: evaluation.programmeNote ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busy) return;
    setError(undefined);
    setConflict(false);
    setSaved(false);
    const found: Partial<Record<FieldName, string>> = {};
    for (const field of FIELDS)
      if (values[field].length > EVALUATION_MAX)
        found[field] = t('cafe.evaluation.tooLong', { max: EVALUATION_MAX });
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(`evaluation-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await api.put<Evaluation>(`/api/events/${encodeURIComponent(eventId)}/evaluation`, {
        ...Object.fromEntries(FIELDS.map((field) => [field, values[field].trim() || null])),
        version: current.version,
      });
      setCurrent(result);
      setSaved(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'evaluation.conflict') setConflict(true);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form">
      {FIELDS.map((field) => (
        <Textfield
          key={field}
          id={`evaluation-${field}`}
          multiline
          rows={3}
          label={t(`cafe.evaluation.${field}`)}
          description={t(`cafe.evaluation.${field}Hint`)}
          value={values[field]}
          onChange={(e) => {
            setValues((now) => ({ ...now, [field]: e.target.value }));
            setSaved(false);
          }}
          error={errors[field]}
          counter={{
            limit: EVALUATION_MAX,
            under: t('cafe.evaluation.under'),
            over: t('cafe.evaluation.over'),
          }}
        />
      ))}
      {current.updatedAt ? (
        <Paragraph data-size="sm">
          {t('cafe.evaluation.lastSaved', {
            when: formatDateTime(current.updatedAt, i18n.language),
            who: current.updatedBy ?? '–',
          })}
        </Paragraph>
      ) : null}
      {saved ? <Notice>{t('cafe.evaluation.saved')}</Notice> : null}
      <SaveBar
        conflict={conflict}
        conflictText={t('errors.evaluation.conflict')}
        reloadText={t('cafe.evaluation.reload')}
        onReload={onReload}
        error={error}
        busy={busy}
        label={t('cafe.evaluation.save')}
      />
    </form>
  );
}

function LastEvaluation({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const { data } = useLoad<PreviousEvaluation>(
    `/api/events/${encodeURIComponent(event.id)}/previous-evaluation`,
  );
  const previous = data?.previous;
  if (!previous) return null;
  const filled = FIELDS.filter((field) => previous.evaluation[field]);
  return (
    <section aria-labelledby="previous-evaluation-heading" className="stack">
      <Card data-color="info" className="stack">
        <Heading level={2} data-size="xs" id="previous-evaluation-heading">
          {t('cafe.evaluation.lastTime', {
            title: previous.event.title,
            date: shortDate(previous.event.date, i18n.language),
          })}
        </Heading>
        {filled.length ? (
          <dl className="cafe-facts">
            {filled.map((field) => (
              <div key={field}>
                <dt>{t(`cafe.evaluation.${field}`)}</dt>
                <dd style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {previous.evaluation[field]}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <Paragraph>{t('cafe.evaluation.empty')}</Paragraph>
        )}
        <Paragraph data-size="sm">
          <Link asChild>
            <RouterLink to={`/kafe/${encodeURIComponent(previous.event.id)}`}>
              {t('cafe.evaluation.openPrevious')}
            </RouterLink>
          </Link>
        </Paragraph>
      </Card>
    </section>
  );
}
