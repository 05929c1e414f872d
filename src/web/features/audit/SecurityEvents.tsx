import { Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SecurityEvents as SecurityEventList } from '../../../features/audit/contract.js';
import { formatDateTime } from '../../shared/format.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';

/**
 * The log page's section of refused attempts: a user of this municipality asked for an event, a
 * household, … by an id the municipality does not have. Who, when, what kind of object, by which
 * route; never the id or anything of the municipality it may belong to.
 */
export function SecurityEvents() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad<SecurityEventList>('/api/admin/security-events');
  return (
    <section aria-labelledby="security-events-heading" className="stack">
      <Heading level={2} data-size="sm" id="security-events-heading">
        {t('audit.refused.heading')}
      </Heading>
      <Paragraph className="measure">{t('audit.refused.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!data ? (
        error ? null : (
          <Spinner aria-label={t('app.loading')} />
        )
      ) : data.events.length === 0 ? (
        <Paragraph>{t('audit.refused.none')}</Paragraph>
      ) : (
        <ScrollTable label={t('audit.refused.tableLabel')}>
          <Table zebra className="data-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.user')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.refused.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.refused.route')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.events.map((event) => (
                <Table.Row key={event.id}>
                  <Table.Cell className="nowrap">{formatDateTime(event.at, i18n.language, true)}</Table.Cell>
                  <Table.Cell className="nowrap">{event.actorName ?? event.actorUserId ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {t(`audit.refused.targets.${event.targetType}`, { defaultValue: event.targetType })}
                  </Table.Cell>
                  <Table.Cell>
                    <code>
                      {event.method} {event.route}
                    </code>
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
