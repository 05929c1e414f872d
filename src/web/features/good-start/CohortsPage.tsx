import { Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { CohortList } from '../../../features/good-start/contract.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import './good-start.css';

/** /god-start: the cohorts of new foster homes, each going through the six sessions. */
export function CohortsPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad<CohortList>('/api/cohorts');
  return (
    <Page title={t('goodStart.title')}>
      <Paragraph className="measure">{t('goodStart.intro')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/god-start/ny">{t('goodStart.new')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/god-start/sporreskjema">{t('evaluation.questionnaire.link')}</RouterLink>
        </Button>
      </div>
      <section aria-labelledby="cohorts-heading" className="stack">
        <Heading level={2} data-size="sm" id="cohorts-heading">
          {t('goodStart.cohorts')}
        </Heading>
        <ErrorNotice error={error} />
        {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
        {data && data.cohorts.length === 0 ? <Paragraph>{t('goodStart.empty')}</Paragraph> : null}
        {data && data.cohorts.length > 0 ? (
          <ScrollTable label={t('goodStart.cohorts')}>
            <Table data-size="sm" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('goodStart.columns.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('goodStart.columns.startsOn')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('goodStart.columns.members')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('goodStart.columns.held')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('goodStart.columns.programme')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.cohorts.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/god-start/${c.id}`}>{c.name}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{shortDate(c.startsOn, i18n.language)}</Table.Cell>
                    <Table.Cell>{c.members}</Table.Cell>
                    <Table.Cell>{t('goodStart.heldOf', { held: c.held })}</Table.Cell>
                    <Table.Cell>{c.programme ?? '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        ) : null}
      </section>
    </Page>
  );
}
