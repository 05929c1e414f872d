import { Card, Details, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count, Share } from '../../../features/insight/contract.js';
import { CHART_COLOURS } from '../../shared/Chart.js';
import { ScrollTable } from '../../shared/ScrollTable.js';

export type T = ReturnType<typeof useTranslation>['t'];
export const shareHeader = (t: T, what: string) => [
  what,
  t('insight.columns.of'),
  t('insight.columns.share'),
  t('insight.columns.interval'),
];
export const shareCells = (s: Share, count: (c: Count) => string, pct: (x: number | null) => string) => [
  count(s.count),
  count(s.of),
  pct(s.share),
  s.low === null || s.high === null ? '–' : `${pct(s.low)}–${pct(s.high)}`,
];

/** One figure: heading and sentence, the chart, its data as a table behind "Vis som tabell", and the downloads. */
export function Figure({
  id,
  query,
  title,
  sentence,
  chart,
  legend,
  header,
  rows,
  base = '/api/insight',
}: {
  id: string;
  query: string;
  title: string;
  sentence: string;
  chart: ReactNode;
  legend?: [string, string];
  header: string[];
  rows: string[][];
  /** where the figure's downloads are: `${base}/${id}.xlsx` (the programme's stability page has its own) */
  base?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card className="insight-card" data-color="neutral">
      <figure className="insight-figure" aria-labelledby={`figure-${id}`}>
        <figcaption>
          <Heading level={2} data-size="xs" id={`figure-${id}`}>
            {title}
          </Heading>
          <Paragraph data-size="sm">{sentence}</Paragraph>
        </figcaption>
        {legend ? (
          <ul className="insight-legend" aria-hidden="true">
            {legend.map((name, i) => (
              <li key={name}>
                <span className="insight-swatch" style={{ background: CHART_COLOURS[i] }} />
                {name}
              </li>
            ))}
          </ul>
        ) : null}
        {chart}
        <Details>
          <Details.Summary>{t('insight.showTable')}</Details.Summary>
          <Details.Content>
            <ScrollTable label={title}>
              <Table data-size="sm" zebra>
                <caption className="insight-sr">{title}</caption>
                <Table.Head>
                  <Table.Row>
                    {header.map((h, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                      <Table.HeaderCell key={i}>{h}</Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {rows.map((row, r) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows of a figure have no id
                    <Table.Row key={r}>
                      {row.map((cell, c) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                        <Table.Cell key={c}>{cell}</Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollTable>
          </Details.Content>
        </Details>
        <p className="insight-downloads">
          <Link href={`${base}/${id}.xlsx${query}`} download>
            {t('insight.downloadXlsx', { figure: title })}
          </Link>
          <Link href={`${base}/${id}.csv${query}`} download>
            {t('insight.downloadCsv', { figure: title })}
          </Link>
        </p>
      </figure>
    </Card>
  );
}
