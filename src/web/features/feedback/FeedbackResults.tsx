import { Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FeedbackResults } from '../../../features/feedback/contract.js';
import { CafeError } from '../../shared/CafeError.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { textIn } from './form.js';

function Bar({ share }: { share: number }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        verticalAlign: 'middle',
        height: '0.75rem',
        width: `${Math.round(share * 8 * 10) / 10}rem`,
        minWidth: share > 0 ? '0.25rem' : 0,
        marginInlineStart: '0.5rem',
        background: 'var(--ds-color-accent-base-default)',
        borderRadius: '2px',
      }}
    />
  );
}

/** The answers: N, counts with bars, scale means, the free texts. */
export function ResultsSection({ results, error }: { results?: FeedbackResults; error: unknown }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  return (
    <section aria-labelledby="feedback-results-heading" className="stack">
      <Heading level={2} data-size="sm" id="feedback-results-heading">
        {t('cafe.feedback.resultsHeading')}
      </Heading>
      <CafeError error={error} />
      {results ? (
        <>
          <Paragraph data-testid="feedback-count">
            <strong>{t('cafe.feedback.responses', { count: results.responses })}</strong>
          </Paragraph>
          {results.responses === 0 ? <Paragraph>{t('cafe.feedback.noResponses')}</Paragraph> : null}
          {results.responses > 0
            ? results.questions.map((question, index) => {
                const heading = `${index + 1}. ${textIn(question.text, i18n.language, results.languages)}`;
                const max = Math.max(1, question.answered);
                const rows =
                  question.type === 'scale'
                    ? (question.distribution ?? []).map((count, i) => ({
                        key: String(i + 1),
                        label: t(`cafe.feedback.scale.${i + 1}`),
                        count,
                      }))
                    : (question.options ?? []).map((option) => ({
                        key: option.id,
                        label: textIn(option.text, i18n.language, results.languages),
                        count: option.count,
                      }));
                return (
                  <Card key={question.id} data-color="neutral" className="stack">
                    <Heading level={3} data-size="2xs">
                      {heading}
                    </Heading>
                    <Paragraph data-size="sm">
                      {t('cafe.feedback.answered', { count: question.answered })}
                      {question.type === 'scale' && question.mean !== null && question.mean !== undefined
                        ? ` · ${t('cafe.feedback.mean', { mean: number(question.mean) })}`
                        : ''}
                    </Paragraph>
                    {question.type === 'text' ? (
                      question.texts?.length ? (
                        <ul className="stack" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
                          {question.texts.map((text, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: anonymous answers have no id
                            <li key={i} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                              {text}
                            </li>
                          ))}
                        </ul>
                      ) : null
                    ) : (
                      <ScrollTable label={heading}>
                        <Table className="data-table" data-size="sm" style={{ maxWidth: '40rem' }}>
                          <Table.Head>
                            <Table.Row>
                              <Table.HeaderCell style={{ width: '60%' }}>
                                {t('cafe.feedback.answer')}
                              </Table.HeaderCell>
                              <Table.HeaderCell>{t('cafe.feedback.count')}</Table.HeaderCell>
                            </Table.Row>
                          </Table.Head>
                          <Table.Body>
                            {rows.map((row) => (
                              <Table.Row key={row.key}>
                                <Table.Cell>{row.label}</Table.Cell>
                                <Table.Cell style={{ whiteSpace: 'nowrap' }}>
                                  {row.count}
                                  <Bar share={row.count / max} />
                                </Table.Cell>
                              </Table.Row>
                            ))}
                          </Table.Body>
                        </Table>
                      </ScrollTable>
                    )}
                  </Card>
                );
              })
            : null}
        </>
      ) : null}
    </section>
  );
}
