import { Details, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import { SUMMARY_COMMENT_MAX } from '../../../domain/half-year.js';
import type { CommentInput, SummaryList, SummaryView } from '../../../features/network-summary/contract.js';
import { api } from '../../shared/api.js';
import { longDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { halfYearLabel, SummaryComments, SummaryFigures } from './SummaryFigures.js';
import './network-summary.css';

/** The network page's «Erfaringer fra siste halvår»: what the resource family submitted, comments. */
export function SubmittedSummaries({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const path = `/api/networks/${encodeURIComponent(networkId)}/summaries`;
  const { data, error, setData } = useLoad<SummaryList>(path);

  const replace = (summary: SummaryView) =>
    setData(
      (current) =>
        current && {
          summaries: current.summaries.map((s) => (s.halfYear === summary.halfYear ? summary : s)),
        },
    );

  return (
    <section aria-labelledby="erfaringer" className="stack">
      <Heading level={2} data-size="sm" id="erfaringer">
        {t('networkSummary.title')}
      </Heading>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data && data.summaries.length === 0 ? <Paragraph>{t('networkSummary.teamNone')}</Paragraph> : null}
      {data?.summaries.map((summary, index) => (
        <Details key={summary.halfYear} defaultOpen={index === 0}>
          <Details.Summary>{halfYearLabel(t, summary.halfYear)}</Details.Summary>
          <Details.Content>
            <Submitted path={path} summary={summary} onChanged={replace} />
          </Details.Content>
        </Details>
      ))}
    </section>
  );
}

function Submitted({
  path,
  summary,
  onChanged,
}: {
  path: string;
  summary: SummaryView;
  onChanged: (summary: SummaryView) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack">
      {summary.submittedAt ? (
        <Paragraph data-size="sm">
          {t('networkSummary.submittedOn', {
            date: longDate(todayInOslo(new Date(summary.submittedAt)), i18n.language),
          })}
        </Paragraph>
      ) : null}
      <Heading level={3} data-size="xs">
        {t('networkSummary.description')}
      </Heading>
      <Paragraph className="summary-text measure">{summary.description}</Paragraph>
      <p>
        <Link href={`${path}/${encodeURIComponent(summary.halfYear)}/pdf`} download>
          {t('networkSummary.download')}
        </Link>
      </p>
      <SummaryFigures summary={summary} headingLevel={3} />
      <SummaryComments summary={summary} headingLevel={3} />
      <CommentForm path={path} summary={summary} onSaved={onChanged} />
    </div>
  );
}

function CommentForm({
  path,
  summary,
  onSaved,
}: {
  path: string;
  summary: SummaryView;
  onSaved: (summary: SummaryView) => void;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [id, setId] = useState(() => crypto.randomUUID());
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();
  const fieldId = `comment-${summary.halfYear}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    setSaved('');
    if (body.trim() === '') {
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    const input: CommentInput = { id, body: body.trim() };
    await save(async () => {
      onSaved(await api.post<SummaryView>(`${path}/${encodeURIComponent(summary.halfYear)}/comments`, input));
      setBody('');
      setId(crypto.randomUUID());
      setSaved(t('networkSummary.commentSaved'));
    });
  };

  return (
    <form noValidate onSubmit={submit} className="stack measure">
      <Textfield
        id={fieldId}
        multiline
        rows={3}
        label={t('networkSummary.comment')}
        description={t('networkSummary.commentHint')}
        value={body}
        maxLength={SUMMARY_COMMENT_MAX}
        onChange={(event) => {
          setBody(event.target.value);
          setMissing(false);
        }}
        error={missing ? t('networkSummary.commentRequired') : undefined}
      />
      <FormFoot saved={saved} error={error} busy={busy} label={t('networkSummary.commentSave')} />
    </form>
  );
}
