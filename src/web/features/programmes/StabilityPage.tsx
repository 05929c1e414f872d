import { Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { Count, Rate, Stability } from '../../../features/programmes/contract.js';
import { Chart, type ChartRow } from '../../shared/Chart.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { Figure } from '../insight/InsightFigure.js';
import '../insight/insight.css';
import { ProgrammeChoice } from './ProgrammeChoice.js';
import { useProgramme } from './use-programme.js';

/**
 * /program/stabilitet: unplanned moves per 100 placement-years by year, by municipality and by
 * whether the home took part, as charts with a sentence, a table behind each and downloads, in
 * the style of the café's insight page. The coordinator sees the programme pooled with small
 * counts hidden; a member's staff their own municipality.
 */
export function StabilityPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const programme = useProgramme();
  const id = programme.chosen?.id;
  const load = useLoad<Stability>(id ? `/api/programmes/${id}/stability` : null);
  const data = load.data;

  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      value,
    );
  const count = (c: Count) =>
    typeof c === 'number'
      ? number(c)
      : 'under' in c
        ? t('programmes.stability.under', { count: c.under })
        : t('programmes.stability.hidden');
  const per100 = (x: number | null) => (x === null ? '–' : number(x, 1));
  const interval = (r: Rate) =>
    r.low === null || r.high === null ? '–' : `${per100(r.low)}–${per100(r.high)}`;
  const cells = (r: Rate) => [count(r.moves), count(r.placementYears), per100(r.per100), interval(r)];
  const header = [
    t('programmes.stability.columns.moves'),
    t('programmes.stability.columns.placementYears'),
    t('programmes.stability.columns.per100'),
    t('programmes.stability.columns.interval'),
  ];
  const bar = (label: string, r: Rate): ChartRow => ({
    label,
    // The axis is per 100 placement-years, up to the largest interval: the rates are small.
    value: r.per100,
    low: r.low,
    high: r.high,
    // The number only (the axis and the label say per 100): it fits after the bar on a phone.
    text: r.per100 === null ? count(r.moves) : per100(r.per100),
  });
  const base = id ? `/api/programmes/${id}/stability` : '';
  const chartLabel = (title: string) => t('programmes.stability.chartLabel', { title });
  const kindName = (kind: string) => t(`programmes.stability.kinds.${kind}`);
  const kindTitle = (kind: string) => t(`programmes.stability.kindTitles.${kind}`);
  const groups = ['tookPart', 'didNot', 'unknown'] as const;

  return (
    <Page title={t('programmes.stability.title')}>
      <Paragraph className="measure">{t('programmes.stability.intro')}</Paragraph>
      <Notice kind="info">{t('programmes.stability.observational')}</Notice>
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
      <ErrorNotice error={programme.list.error ?? load.error} />
      {load.loading && !data && id ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <Paragraph>
            {data.scope === 'programme'
              ? t('programmes.stability.scopeProgramme')
              : t('programmes.stability.scopeMunicipality', { name: data.municipalities[0]?.name ?? '' })}
          </Paragraph>
          {data.hidden ? <Notice kind="info">{t('programmes.stability.hiddenNotice')}</Notice> : null}
          {data.years.length === 0 ? <Paragraph>{t('programmes.stability.empty')}</Paragraph> : null}
        </>
      ) : null}
      {data && data.years.length > 0 ? (
        <div className="insight-grid">
          <Figure
            id="by-year"
            base={base}
            query=""
            title={t('programmes.stability.byYear')}
            sentence={
              data.total.per100 === null
                ? t('programmes.stability.byYearHidden')
                : t('programmes.stability.byYearSentence', {
                    moves: count(data.total.moves),
                    years: count(data.total.placementYears),
                    rate: t('programmes.stability.rate', { value: per100(data.total.per100) }),
                  })
            }
            chart={
              <Chart
                label={chartLabel(t('programmes.stability.byYear'))}
                rows={data.years.map((y, i) => bar(String(y), data.byYear[i] as Rate))}
              />
            }
            header={[t('programmes.stability.columns.year'), ...header]}
            rows={[
              ...data.years.map((y, i) => [String(y), ...cells(data.byYear[i] as Rate)]),
              [t('programmes.stability.all'), ...cells(data.total)],
            ]}
          />
          <Figure
            id="by-municipality"
            base={base}
            query=""
            title={t('programmes.stability.byMunicipality')}
            sentence={t('programmes.stability.byMunicipalitySentence')}
            chart={
              <Chart
                label={chartLabel(t('programmes.stability.byMunicipality'))}
                rows={data.municipalities.map((m, i) => bar(m.name, data.byMunicipality[i] as Rate))}
              />
            }
            header={[
              t('programmes.stability.columns.municipality'),
              t('programmes.stability.columns.year'),
              ...header,
            ]}
            rows={data.municipalities.flatMap((m, r) => [
              ...data.years.map((y, c) => [m.name, String(y), ...cells(data.cells[r]?.[c] as Rate)]),
              [m.name, t('programmes.stability.all'), ...cells(data.byMunicipality[r] as Rate)],
            ])}
          />
          <Figure
            id="took-part"
            base={base}
            query=""
            title={t('programmes.stability.tookPart', { kind: t('programmes.export.programme') })}
            sentence={[
              ...data.participation.map((p) =>
                t(`programmes.stability.verdict.${p.verdict}`, { kind: kindName(p.kind) }),
              ),
              t('programmes.stability.tookPartHelp'),
            ].join(' ')}
            chart={
              <Chart
                label={chartLabel(
                  t('programmes.stability.tookPart', { kind: t('programmes.export.programme') }),
                )}
                rows={data.participation.flatMap((p) =>
                  groups
                    .filter((g) => g !== 'unknown' || p.unknown.placementYears !== 0)
                    .map((g) => bar(`${kindTitle(p.kind)}: ${t(`programmes.stability.groups.${g}`)}`, p[g])),
                )}
              />
            }
            header={[t('programmes.export.programme'), t('programmes.stability.columns.group'), ...header]}
            rows={data.participation.flatMap((p) =>
              groups
                .filter((g) => g !== 'unknown' || p.unknown.placementYears !== 0)
                .map((g) => [kindTitle(p.kind), t(`programmes.stability.groups.${g}`), ...cells(p[g])]),
            )}
          />
        </div>
      ) : null}
    </Page>
  );
}
