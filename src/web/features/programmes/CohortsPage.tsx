import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { ProgrammeResults } from '../../../features/evaluation/contract.js';
import type { Cohorts, Count } from '../../../features/programmes/contract.js';
import { Chart } from '../../shared/Chart.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { Downloads } from './Downloads.js';
import { ProgrammeChoice } from './ProgrammeChoice.js';
import { useProgramme } from './use-programme.js';

type Language = 'nb' | 'nn' | 'en';

/**
 * /program/kull: En god start across the programme, for its coordinator — per cohort of the
 * member municipalities the households invited to each session and how many came, and the
 * evaluation pooled over the cohorts. Counts only, small ones hidden on the server.
 */
export function CohortsPage() {
  const { t } = useTranslation();
  const programme = useProgramme();
  const id = programme.chosen?.id;
  const cohorts = useLoad<Cohorts>(id ? `/api/programmes/${id}/cohorts` : null);
  const results = useLoad<ProgrammeResults>(id ? `/api/evaluation/programmes/${id}` : null);

  return (
    <Page title={t('programmes.cohorts.title')}>
      <Paragraph className="measure">{t('programmes.cohorts.intro')}</Paragraph>
      <Notice kind="info">{t('programmes.stability.hiddenNotice')}</Notice>
      <ProgrammeChoice programme={programme} />
      {id ? (
        <p>
          <Link asChild>
            <RouterLink to={`/program?program=${id}`}>{t('programmes.planLink')}</RouterLink>
          </Link>
        </p>
      ) : null}
      {programme.list.data && programme.programmes.length === 0 ? (
        <Paragraph>{t('programmes.none')}</Paragraph>
      ) : null}
      <ErrorNotice error={programme.list.error ?? cohorts.error ?? results.error} />
      {cohorts.loading && !cohorts.data && id ? <Spinner aria-label={t('app.loading')} /> : null}
      {cohorts.data && id ? <Attendance cohorts={cohorts.data} programmeId={id} /> : null}
      {results.data && id ? <Evaluation results={results.data} programmeId={id} /> : null}
    </Page>
  );
}

function useCount() {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(i18n.language));
  return (c: Count) =>
    typeof c === 'number'
      ? format.format(c)
      : 'under' in c
        ? t('programmes.stability.under', { count: c.under })
        : t('programmes.stability.hidden');
}

function Attendance({ cohorts, programmeId }: { cohorts: Cohorts; programmeId: string }) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const day = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return (
    <section aria-labelledby="cohorts-attendance" className="stack">
      <Heading level={2} data-size="sm" id="cohorts-attendance">
        {t('programmes.cohorts.attendanceTitle')}
      </Heading>
      {cohorts.cohorts.length === 0 ? (
        <Paragraph>{t('programmes.cohorts.none')}</Paragraph>
      ) : (
        <Downloads
          base={`/api/programmes/${programmeId}/cohorts`}
          title={t('programmes.cohorts.attendanceTitle')}
        />
      )}
      {cohorts.cohorts.map((cohort) => {
        const heading = t('programmes.cohorts.cohortHeading', {
          name: cohort.name,
          municipality: cohort.municipality,
        });
        return (
          <section key={cohort.id} aria-labelledby={`cohort-${cohort.id}`} className="stack">
            <Heading level={3} data-size="xs" id={`cohort-${cohort.id}`}>
              {heading}
            </Heading>
            <Paragraph data-size="sm">
              {t('programmes.cohorts.cohortSummary', {
                date: day(cohort.startsOn),
                members: count(cohort.members),
              })}
            </Paragraph>
            {cohort.sessions.length === 0 ? (
              <Paragraph data-size="sm">{t('programmes.cohorts.noSessions')}</Paragraph>
            ) : (
              <>
                {/* A chart of nothing but hidden counts would be an empty axis: the table says it. */}
                {cohort.sessions.some((s) => typeof s.attended === 'number') ? (
                  <Chart
                    label={t('programmes.cohorts.chartLabel', { name: heading })}
                    rows={cohort.sessions.map((s) => ({
                      label: t(`goodStart.themes.${s.theme}`),
                      value: typeof s.attended === 'number' ? s.attended : null,
                      text: t('programmes.cohorts.cameOf', {
                        attended: count(s.attended),
                        invited: count(s.invited),
                      }),
                    }))}
                  />
                ) : null}
                <ScrollTable label={heading}>
                  <Table data-size="sm" zebra>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell>{t('programmes.cohorts.columns.session')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('programmes.cohorts.columns.date')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('programmes.cohorts.columns.invited')}</Table.HeaderCell>
                        <Table.HeaderCell>{t('programmes.cohorts.columns.attended')}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {cohort.sessions.map((s) => (
                        <Table.Row key={s.theme}>
                          <Table.Cell>{t(`goodStart.themes.${s.theme}`)}</Table.Cell>
                          <Table.Cell>{s.date ? day(s.date) : '–'}</Table.Cell>
                          <Table.Cell>{count(s.invited)}</Table.Cell>
                          <Table.Cell>{count(s.attended)}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </ScrollTable>
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}

function Evaluation({ results, programmeId }: { results: ProgrammeResults; programmeId: string }) {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const language = (['nb', 'nn', 'en'].includes(i18n.language) ? i18n.language : 'nb') as Language;
  const format = new Intl.NumberFormat(intlLocale(i18n.language), {
    maximumFractionDigits: 2,
    minimumFractionDigits: 1,
  });
  const number = (n: number | null) => (n === null ? '–' : format.format(n));
  const signed = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${number(n)}`);
  const title = t('programmes.cohorts.evaluationTitle');
  return (
    <section aria-labelledby="cohorts-evaluation" className="stack">
      <Heading level={2} data-size="sm" id="cohorts-evaluation">
        {title}
      </Heading>
      <Paragraph data-size="sm" className="measure">
        {t('programmes.cohorts.evaluationIntro', { min: results.minPairs })}
      </Paragraph>
      {results.scales.length === 0 ? (
        <Paragraph>{t('programmes.cohorts.noEvaluation')}</Paragraph>
      ) : (
        <Downloads base={`/api/evaluation/programmes/${programmeId}/results`} title={title} />
      )}
      {results.scales.length === 0 ? null : (
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
                  <Table.Cell>{count(s.beforeN)}</Table.Cell>
                  <Table.Cell>{number(s.beforeMean)}</Table.Cell>
                  <Table.Cell>{count(s.afterN)}</Table.Cell>
                  <Table.Cell>{number(s.afterMean)}</Table.Cell>
                  <Table.Cell>{count(s.pairs)}</Table.Cell>
                  <Table.Cell>
                    {s.change === null ? t('evaluation.tooFewShort') : signed(s.change)}
                  </Table.Cell>
                  <Table.Cell>
                    {s.low === null || s.high === null ? '–' : `${signed(s.low)} – ${signed(s.high)}`}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
