import { Field, Heading, Label, Link, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import { type Term, termRange } from '../../../domain/insight.js';
import { area } from '../../app/navigation.js';
import { useUser } from '../../app/session.js';
import { Chart, type ChartRow } from '../../shared/Chart.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './insight.css';
import type { Count, InsightFigures, Share, Verdict } from '../../../features/insight/contract.js';
import { Figure, shareCells, shareHeader } from './InsightFigure.js';

interface Season {
  key: string;
  term: Term;
  year: number;
}

/** The seasons of the last three years, newest first: spring is January–June, autumn July–December. */
function seasons(today: string): Season[] {
  const year = Number(today.slice(0, 4));
  const list: Season[] = [];
  for (let y = year; y >= year - 3; y--) {
    for (const term of ['autumn', 'spring'] as const) {
      if (y === year && term === 'autumn' && Number(today.slice(5, 7)) <= 6) continue;
      list.push({ key: `${term}-${y}`, term, year: y });
    }
  }
  return list;
}
const range = (s: Season) => termRange(s.term, s.year);

const known = (c: Count): number | null => (typeof c === 'number' ? c : null);

/** /innsikt: the café's figures as charts with a sentence each, a table each and downloads. */
export function InsightPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const locale = intlLocale(i18n.language);
  const today = todayInOslo();
  const choices = useMemo(() => seasons(today), [today]);
  const [period, setPeriod] = useState('all');
  const season = choices.find((s) => s.key === period);
  const query = season ? `?from=${range(season).from}&to=${range(season).to}` : '';
  const { data, error, loading } = useLoad<InsightFigures>(`/api/insight${query}`);
  const pdfSeason = season ?? choices[0];

  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      value,
    );
  const count = (c: Count) => (typeof c === 'number' ? number(c) : t('insight.under', { count: c.under }));
  const pct = (x: number | null) => (x === null ? '–' : `${number(Math.round(x * 100))} %`);
  const interval = (s: Share) => (s.low === null || s.high === null ? '–' : `${pct(s.low)}–${pct(s.high)}`);
  const day = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T12:00:00Z`));
  const channel = (c: string) => t(`insight.channels.${c}`);
  const weekday = (d: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, Number(d))), // 1 January 2024 was a Monday
    );
  const band = (b: string) => t(`insight.bands.${b}`);
  const venue = (v: string) => v || t('insight.noVenue');
  const deadline = (g: string) => t(`insight.deadline.${g}`);
  const shareRow = (label: string, s: Share): ChartRow => ({
    label,
    value: s.share,
    low: s.low,
    high: s.high,
    text:
      s.share === null
        ? typeof s.of === 'number' && s.of === 0
          ? '–'
          : t('insight.hiddenShort')
        : pct(s.share),
  });
  const verdictText = (v: Verdict, a: string, b: string) =>
    v === 'too_thin'
      ? t('insight.verdict.too_thin')
      : t('insight.verdict.better', v === 'a_better' ? { a, b } : { a: b, b: a });

  const periodText = season ? t(`insight.term.${season.term}`, { year: season.year }) : t('insight.allTime');

  return (
    <Page title={t('insight.title')}>
      <Paragraph className="measure">{t('insight.intro')}</Paragraph>
      {area('networks').allowed(user) ? (
        <Paragraph>
          <Link asChild>
            <RouterLink to="/innsikt/nettverk">{t('networkInsight.link')}</RouterLink>
          </Link>
        </Paragraph>
      ) : null}
      <div className="insight-controls">
        <Field>
          <Label>{t('insight.period')}</Label>
          <Select value={period} onChange={(event) => setPeriod(event.target.value)}>
            <Select.Option value="all">{t('insight.allTime')}</Select.Option>
            {choices.map((s) => (
              <Select.Option key={s.key} value={s.key}>
                {t(`insight.term.${s.term}`, { year: s.year })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {pdfSeason ? (
          <Link href={`/api/insight/season.pdf?term=${pdfSeason.term}&year=${pdfSeason.year}`} download>
            {t('insight.seasonPdf', {
              season: t(`insight.term.${pdfSeason.term}`, { year: pdfSeason.year }),
            })}
          </Link>
        ) : null}
      </div>
      {data?.hidden ? <Notice kind="info">{t('insight.hiddenNotice')}</Notice> : null}
      <ErrorNotice error={error} />
      {loading && !data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data && data.events === 0 ? <Paragraph>{t('insight.empty', { period: periodText })}</Paragraph> : null}
      {data && data.events > 0 ? (
        <div className="insight-grid">
          <Figure
            id="attendance-over-time"
            query={query}
            title={t('insight.figures.attendance.title')}
            sentence={t('insight.figures.attendance.sentence', {
              events: data.events,
              came: number(data.attendance.reduce((sum, r) => sum + (known(r.came) ?? 0), 0)),
              first: number(data.attendance.reduce((sum, r) => sum + (known(r.firstTimers) ?? 0), 0)),
            })}
            legend={[t('insight.columns.came'), t('insight.columns.firstTimers')]}
            chart={
              <Chart
                label={t('insight.figures.attendance.aria', { period: periodText })}
                rows={data.attendance.map((r) => ({
                  label: `${day(r.date)}${r.venue ? ` ${r.venue}` : ''}`,
                  value: known(r.came),
                  inner: known(r.firstTimers),
                  text: count(r.came),
                }))}
              />
            }
            header={[
              t('insight.columns.date'),
              t('insight.columns.venue'),
              t('insight.columns.invited'),
              t('insight.columns.coming'),
              t('insight.columns.came'),
              t('insight.columns.firstTimers'),
            ]}
            rows={data.attendance.map((r) => [
              day(r.date),
              r.venue ?? '',
              count(r.invited),
              count(r.coming),
              count(r.came),
              count(r.firstTimers),
            ])}
          />
          <Figure
            id="returners"
            query={query}
            title={t('insight.figures.returners.title')}
            sentence={
              data.returners.total.cameAgain.share === null
                ? t('insight.figures.returners.hidden')
                : t('insight.figures.returners.sentence', {
                    count: count(data.returners.total.cameAgain.count),
                    of: count(data.returners.total.cameAgain.of),
                    share: pct(data.returners.total.cameAgain.share),
                    days:
                      data.returners.total.medianDays === null
                        ? '–'
                        : number(data.returners.total.medianDays),
                  })
            }
            legend={[t('insight.columns.firstTimers'), t('insight.columns.cameAgain')]}
            chart={
              <Chart
                label={t('insight.figures.returners.aria')}
                rows={data.returners.rows.map((r) => ({
                  label: day(r.date),
                  value: known(r.firstTimers),
                  inner: known(r.cameAgain),
                  text: `${count(r.cameAgain)} / ${count(r.firstTimers)}`,
                }))}
              />
            }
            header={[
              t('insight.columns.date'),
              t('insight.columns.firstTimers'),
              t('insight.columns.cameAgain'),
              t('insight.columns.medianDays'),
            ]}
            rows={data.returners.rows.map((r) => [
              day(r.date),
              count(r.firstTimers),
              count(r.cameAgain),
              r.medianDays === null ? '–' : number(r.medianDays),
            ])}
          />
          <Figure
            id="ever-came"
            query={query}
            title={t('insight.figures.everCame.title')}
            sentence={
              data.everCame.share === null
                ? t('insight.figures.everCame.hidden')
                : t('insight.figures.everCame.sentence', {
                    share: pct(data.everCame.share),
                    count: count(data.everCame.count),
                    of: count(data.everCame.of),
                    interval: interval(data.everCame),
                  })
            }
            chart={
              <Chart
                share
                label={t('insight.figures.everCame.aria')}
                rows={[shareRow(t('insight.figures.everCame.row'), data.everCame)]}
              />
            }
            header={shareHeader(t, t('insight.columns.everCame'))}
            rows={[shareCells(data.everCame, count, pct)]}
          />
          <Figure
            id="channels"
            query={query}
            title={t('insight.figures.channels.title')}
            sentence={data.channels.comparisons
              .filter((c) => c.measure === 'came')
              .map(
                (c) =>
                  `${t('insight.figures.channels.question', { a: channel(c.a), b: channel(c.b) })} ${verdictText(c.verdict, channel(c.a), channel(c.b))}`,
              )
              .join(' ')}
            chart={
              <>
                <Heading level={3} data-size="2xs">
                  {t('insight.figures.channels.answered')}
                </Heading>
                <Chart
                  share
                  label={t('insight.figures.channels.ariaAnswered')}
                  rows={data.channels.rows.map((r) => shareRow(channel(r.channel), r.answered))}
                />
                <Heading level={3} data-size="2xs">
                  {t('insight.figures.channels.came')}
                </Heading>
                <Chart
                  share
                  label={t('insight.figures.channels.ariaCame')}
                  rows={data.channels.rows.map((r) => shareRow(channel(r.channel), r.came))}
                />
              </>
            }
            header={[
              t('insight.columns.channel'),
              t('insight.columns.invited'),
              t('insight.columns.answered'),
              t('insight.columns.interval'),
              t('insight.columns.came'),
              t('insight.columns.interval'),
            ]}
            rows={data.channels.rows.map((r) => [
              channel(r.channel),
              count(r.answered.of),
              `${count(r.answered.count)} (${pct(r.answered.share)})`,
              interval(r.answered),
              `${count(r.came.count)} (${pct(r.came.share)})`,
              interval(r.came),
            ])}
          />
          {(
            [
              ['deadline', 'deadline', data.deadline, deadline],
              ['venues', 'venues', data.venues, venue],
              ['weekdays', 'weekdays', data.weekdays, weekday],
              ['travel-time', 'travel', data.travel, band],
            ] as const
          ).map(([id, key, figure, name]) => (
            <Figure
              key={id}
              id={id}
              query={query}
              title={t(`insight.figures.${key}.title`)}
              sentence={
                figure.comparison
                  ? `${t('insight.figures.groups.question', { a: name(figure.comparison.a), b: name(figure.comparison.b) })} ${verdictText(figure.comparison.verdict, name(figure.comparison.a), name(figure.comparison.b))}`
                  : t('insight.verdict.too_thin')
              }
              chart={
                <Chart
                  share
                  label={t(`insight.figures.${key}.aria`)}
                  rows={figure.rows.map((r) => shareRow(name(r.group), r.came))}
                />
              }
              header={[
                t(`insight.columns.${key}`),
                t('insight.columns.events'),
                t('insight.columns.invited'),
                t('insight.columns.came'),
                t('insight.columns.share'),
                t('insight.columns.interval'),
              ]}
              rows={figure.rows.map((r) => [
                name(r.group),
                number(r.events),
                count(r.invited),
                count(r.came.count),
                pct(r.came.share),
                interval(r.came),
              ])}
            />
          ))}
          <Figure
            id="feedback"
            query={query}
            title={t('insight.figures.feedback.title')}
            sentence={
              data.feedback.rows.length
                ? t('insight.figures.feedback.sentence')
                : t('insight.figures.feedback.none')
            }
            chart={
              data.feedback.rows.length ? (
                <Chart
                  label={t('insight.figures.feedback.aria')}
                  rows={data.feedback.rows.map((r) => ({
                    label: day(r.date),
                    value: r.mean,
                    text: r.mean === null ? t('insight.hiddenShort') : number(r.mean, 1),
                  }))}
                />
              ) : null
            }
            header={[t('insight.columns.date'), t('insight.columns.responses'), t('insight.columns.mean')]}
            rows={data.feedback.rows.map((r) => [
              day(r.date),
              count(r.responses),
              r.mean === null ? '–' : number(r.mean, 1),
            ])}
          />
          <Figure
            id="topics"
            query={query}
            title={t('insight.figures.topics.title')}
            sentence={
              data.topics.rows[0]
                ? t('insight.figures.topics.sentence', { topic: data.topics.rows[0].topic })
                : t('insight.figures.topics.none')
            }
            chart={
              data.topics.rows.length ? (
                <Chart
                  label={t('insight.figures.topics.aria')}
                  rows={data.topics.rows
                    .slice(0, 10)
                    .map((r) => ({ label: r.topic, value: known(r.count), text: count(r.count) }))}
                />
              ) : null
            }
            header={[t('insight.columns.topic'), t('insight.columns.wishes')]}
            rows={data.topics.rows.map((r) => [r.topic, count(r.count)])}
          />
        </div>
      ) : null}
      <Paragraph data-size="sm" className="measure">
        {t('insight.method')}
      </Paragraph>
    </Page>
  );
}
