import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SummaryView } from '../../../features/network-summary/contract.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { ScrollTable } from '../../shared/ScrollTable.js';

const KINDS = ['call', 'visit', 'message', 'gathering'] as const;

/** «2. halvår 2026 (juli–desember)» for '2026-H2'. */
export function halfYearLabel(t: TFunction, halfYear: string): string {
  return t(`networkSummary.${halfYear.endsWith('H1') ? 'H1' : 'H2'}`, { year: halfYear.slice(0, 4) });
}

/** The figures drafted from the log: the gatherings with attendance and the contacts per family. */
export function SummaryFigures({ summary, headingLevel }: { summary: SummaryView; headingLevel: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const key = `${summary.networkId}-${summary.halfYear}`;
  return (
    <>
      <section aria-labelledby={`gatherings-${key}`} className="stack">
        <Heading level={headingLevel} data-size="xs" id={`gatherings-${key}`}>
          {t('networkSummary.gatheringsHeading')} ({summary.gatherings.length})
        </Heading>
        {summary.gatherings.length === 0 ? (
          <Paragraph>{t('networkSummary.noGatherings')}</Paragraph>
        ) : (
          <ScrollTable label={t('networkSummary.gatheringsHeading')}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('networkSummary.date')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('networkSummary.gathering')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('networkSummary.place')}</Table.HeaderCell>
                  <Table.HeaderCell className="summary-number">
                    {t('networkSummary.present')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {summary.gatherings.map((g) => (
                  <Table.Row key={g.id}>
                    <Table.Cell>{shortDate(g.date, i18n.language)}</Table.Cell>
                    <Table.Cell>{g.title}</Table.Cell>
                    <Table.Cell>{g.place ?? ''}</Table.Cell>
                    <Table.Cell className="summary-number">{g.households}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby={`contacts-${key}`} className="stack">
        <Heading level={headingLevel} data-size="xs" id={`contacts-${key}`}>
          {t('networkSummary.contactsHeading')}
        </Heading>
        {summary.contacts.length === 0 ? (
          <Paragraph>{t('networkSummary.noContacts')}</Paragraph>
        ) : (
          <ScrollTable label={t('networkSummary.contactsHeading')}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('networkSummary.family')}</Table.HeaderCell>
                  {KINDS.map((kind) => (
                    <Table.HeaderCell key={kind} className="summary-number">
                      {t(`networkSummary.kinds.${kind}`)}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell className="summary-number">{t('networkSummary.total')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {summary.contacts.map((c) => (
                  <Table.Row key={c.householdId}>
                    <Table.Cell>{c.name}</Table.Cell>
                    {KINDS.map((kind) => (
                      <Table.Cell key={kind} className="summary-number">
                        {c[kind]}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="summary-number">{c.total}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}

/** The caseworkers' comments on a submitted summary. */
export function SummaryComments({
  summary,
  headingLevel,
}: {
  summary: SummaryView;
  headingLevel: 2 | 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const id = `comments-${summary.networkId}-${summary.halfYear}`;
  return (
    <section aria-labelledby={id} className="stack">
      <Heading level={headingLevel} data-size="xs" id={id}>
        {t('networkSummary.commentsHeading')}
      </Heading>
      {summary.comments.length === 0 ? (
        <Paragraph>{t('networkSummary.noComments')}</Paragraph>
      ) : (
        <ul className="summary-comments">
          {summary.comments.map((c) => (
            <li key={c.id}>
              <Paragraph className="summary-text">{c.body}</Paragraph>
              <Paragraph data-size="sm">
                {t('networkSummary.commentBy', {
                  author: c.author,
                  time: formatDateTime(c.createdAt, i18n.language),
                })}
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
