import { Button, Details, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type {
  EvaluationResults,
  LinkList,
  QuestionnaireReminding,
  QuestionnaireSending,
} from '../../../features/evaluation/contract.js';
import { api } from '../../shared/api.js';
import { CHART_COLOURS, Chart } from '../../shared/Chart.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import '../good-start/good-start.css';

type Language = 'nb' | 'nn' | 'en';

/**
 * /god-start/:cohortId/evaluering: the personal questionnaire links (before the first session, after
 * the last) and the results — before and after side by side, the mean change with its 95 % interval
 * from five pairs, the free text (the team's eyes only), a table behind the chart and a CSV download.
 */
export function EvaluationPage() {
  const { t } = useTranslation();
  const { cohortId = '' } = useParams();
  const results = useLoad<EvaluationResults>(`/api/cohorts/${cohortId}/evaluation`);
  return (
    <Page
      title={
        results.data ? t('evaluation.title', { cohort: results.data.cohort.name }) : t('evaluation.link')
      }
    >
      <ErrorNotice error={results.error} />
      {results.loading && !results.data ? <Spinner aria-label={t('app.loading')} /> : null}
      <Links cohortId={cohortId} />
      {results.data ? <Results results={results.data} cohortId={cohortId} /> : null}
    </Page>
  );
}

function Links({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const links = useLoad<LinkList>(`/api/cohorts/${cohortId}/evaluation-links`);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ text: string; warning: boolean }>();
  const make = async (round: 'before' | 'after') => {
    setError(undefined);
    try {
      links.setData(await api.post<LinkList>(`/api/cohorts/${cohortId}/evaluation-links`, { round }));
    } catch (caught) {
      setError(caught);
    }
  };
  // Sent (and reminded) once per household and round by the server however often it is clicked;
  // the button waits for the answer so the team sees what happened.
  const act = async (action: 'sending' | 'reminder', round: 'before' | 'after') => {
    setError(undefined);
    setDone(undefined);
    setSending(true);
    try {
      const result = await api.post<QuestionnaireSending | QuestionnaireReminding>(
        `/api/cohorts/${cohortId}/evaluation-links/${action}`,
        { round },
      );
      links.setData({ links: result.links });
      setDone(
        'notInvited' in result
          ? { text: sentSummary(t, result), warning: result.notInvited > 0 }
          : { text: remindedSummary(t, result), warning: false },
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="links-heading" className="stack">
      <Heading level={2} data-size="sm" id="links-heading">
        {t('evaluation.links')}
      </Heading>
      <Paragraph data-size="sm" className="measure">
        {t('evaluation.linksHint')}
      </Paragraph>
      <div className="button-row">
        <Button variant="secondary" onClick={() => make('before')}>
          {t('evaluation.makeLinks.before')}
        </Button>
        <Button variant="secondary" onClick={() => make('after')}>
          {t('evaluation.makeLinks.after')}
        </Button>
      </div>
      <Paragraph data-size="sm" className="measure">
        {t('evaluation.sendQuestionnaire.hint')}
      </Paragraph>
      <div className="button-row">
        <Button onClick={() => act('sending', 'before')} loading={sending} disabled={sending}>
          {t('evaluation.sendQuestionnaire.before')}
        </Button>
        <Button onClick={() => act('sending', 'after')} loading={sending} disabled={sending}>
          {t('evaluation.sendQuestionnaire.after')}
        </Button>
      </div>
      <Paragraph data-size="sm" className="measure">
        {t('evaluation.sendQuestionnaire.remindHint')}
      </Paragraph>
      <div className="button-row">
        <Button variant="secondary" onClick={() => act('reminder', 'before')} disabled={sending}>
          {t('evaluation.sendQuestionnaire.remindBefore')}
        </Button>
        <Button variant="secondary" onClick={() => act('reminder', 'after')} disabled={sending}>
          {t('evaluation.sendQuestionnaire.remindAfter')}
        </Button>
      </div>
      {done ? <Notice kind={done.warning ? 'warning' : 'success'}>{done.text}</Notice> : null}
      <ErrorNotice error={error ?? links.error} />
      {links.data && links.data.links.length > 0 ? (
        <ScrollTable label={t('evaluation.links')}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('goodStart.columns.household')}</Table.HeaderCell>
                <Table.HeaderCell>{t('evaluation.columns.round')}</Table.HeaderCell>
                <Table.HeaderCell>{t('evaluation.columns.link')}</Table.HeaderCell>
                <Table.HeaderCell>{t('evaluation.sendQuestionnaire.column')}</Table.HeaderCell>
                <Table.HeaderCell>{t('evaluation.columns.answered')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {links.data.links.map((l) => (
                <Table.Row key={`${l.householdId}-${l.round}`}>
                  <Table.Cell>{l.name}</Table.Cell>
                  <Table.Cell>{t(`evaluation.round.${l.round}`)}</Table.Cell>
                  <Table.Cell>
                    <Link href={l.url} target="_blank" rel="noreferrer">
                      {t('evaluation.openLink', { name: l.name, round: t(`evaluation.round.${l.round}`) })}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    {l.sent
                      ? t('evaluation.sendQuestionnaire.sent')
                      : t('evaluation.sendQuestionnaire.notSent')}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={l.answered ? 'success' : 'neutral'}>
                      {l.answered ? t('evaluation.answered') : t('evaluation.notAnswered')}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      ) : null}
    </section>
  );
}

/** Whether what was queued waits for the end of quiet hours (09:00). */
const later = (at: string) => new Date(at).getTime() > Date.now() + 60_000;

/** What «Send spørreskjema» did, in sentences: queued now (or at 09:00), nothing new, not invited. */
function sentSummary(t: TFunction, sent: QuestionnaireSending): string {
  return [
    sent.queued > 0 && t('evaluation.sendQuestionnaire.queued', { count: sent.queued }),
    sent.queued > 0 && later(sent.at) && t('evaluation.sendQuestionnaire.later'),
    sent.queued === 0 && sent.notInvited === 0 && t('evaluation.sendQuestionnaire.nothingNew'),
    sent.notInvited > 0 && t('evaluation.sendQuestionnaire.notInvited', { count: sent.notInvited }),
  ]
    .filter(Boolean)
    .join(' ');
}

/** What «Send påminnelse» did: reminders queued now (or at 09:00), or no one to remind. */
function remindedSummary(t: TFunction, reminded: QuestionnaireReminding): string {
  if (reminded.queued === 0) return t('evaluation.sendQuestionnaire.nobodyToRemind');
  return [
    t('evaluation.sendQuestionnaire.reminded', { count: reminded.queued }),
    later(reminded.at) && t('evaluation.sendQuestionnaire.later'),
  ]
    .filter(Boolean)
    .join(' ');
}

function Results({ results, cohortId }: { results: EvaluationResults; cohortId: string }) {
  const { t, i18n } = useTranslation();
  const language = (['nb', 'nn', 'en'].includes(i18n.language) ? i18n.language : 'nb') as Language;
  const number = (n: number | null) =>
    n === null
      ? '–'
      : n.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', {
          maximumFractionDigits: 2,
          minimumFractionDigits: 1,
        });
  const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${number(n)}`);
  const changeText = (s: EvaluationResults['scales'][number]) =>
    s.change === null
      ? t('evaluation.tooFew', { pairs: s.pairs, min: results.minPairs })
      : t('evaluation.change', {
          change: signed(s.change),
          low: signed(s.low),
          high: signed(s.high),
          pairs: s.pairs,
        });
  const title = t('evaluation.resultsHeading');
  return (
    <section aria-labelledby="results-heading" className="stack">
      <Heading level={2} data-size="sm" id="results-heading">
        {title}
      </Heading>
      <Paragraph data-size="sm">
        {t('evaluation.answeredCounts', { before: results.answered.before, after: results.answered.after })}
      </Paragraph>
      <ul className="good-start-legend" aria-hidden="true">
        {[t('evaluation.round.after'), t('evaluation.round.before')].map((name, i) => (
          <li key={name}>
            <span className="good-start-swatch" style={{ background: CHART_COLOURS[i] }} /> {name}
          </li>
        ))}
      </ul>
      <Chart
        label={t('evaluation.chartLabel')}
        rows={results.scales.map((s) => ({
          label: s.text[language],
          value: s.afterMean,
          inner: s.beforeMean,
          text: `${number(s.beforeMean)} → ${number(s.afterMean)}`,
        }))}
      />
      <ul className="stack">
        {results.scales.map((s) => (
          <li key={s.questionId}>
            <strong>{s.text[language]}</strong>: {changeText(s)}
          </li>
        ))}
      </ul>
      <Details>
        <Details.Summary>{t('evaluation.showTable')}</Details.Summary>
        <Details.Content>
          <ScrollTable label={title}>
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  {(
                    [
                      'question',
                      'beforeN',
                      'beforeMean',
                      'afterN',
                      'afterMean',
                      'pairs',
                      'change',
                      'interval',
                    ] as const
                  ).map((c) => (
                    <Table.HeaderCell key={c}>{t(`evaluation.columns.${c}`)}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {results.scales.map((s) => (
                  <Table.Row key={s.questionId}>
                    <Table.Cell>{s.text[language]}</Table.Cell>
                    <Table.Cell>{s.beforeN}</Table.Cell>
                    <Table.Cell>{number(s.beforeMean)}</Table.Cell>
                    <Table.Cell>{s.afterN}</Table.Cell>
                    <Table.Cell>{number(s.afterMean)}</Table.Cell>
                    <Table.Cell>{s.pairs}</Table.Cell>
                    <Table.Cell>
                      {s.change === null ? t('evaluation.tooFewShort') : signed(s.change)}
                    </Table.Cell>
                    <Table.Cell>{s.low === null ? '–' : `${signed(s.low)} – ${signed(s.high)}`}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        </Details.Content>
      </Details>
      <p>
        <Link href={`/api/cohorts/${cohortId}/evaluation.csv`} download>
          {t('evaluation.downloadCsv')}
        </Link>
      </p>
      <Heading level={3} data-size="xs">
        {t('evaluation.texts')}
      </Heading>
      <Paragraph data-size="sm">{t('evaluation.textsHint')}</Paragraph>
      {results.texts.length === 0 ? <Paragraph>{t('evaluation.noTexts')}</Paragraph> : null}
      <ul>
        {results.texts.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: free texts have no id (no household named)
          <li key={i}>
            <Tag data-size="sm" data-color="neutral">
              {t(`evaluation.round.${text.round}`)}
            </Tag>{' '}
            {text.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
