import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import type { AuditEntry } from '../../shared/types.js';

const EMPTY = '–';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable label={t('audit.tableLabel')}>
      <Table zebra className="data-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.user')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.recordType')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.recordId')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.ip')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell className="nowrap">{formatDateTime(entry.at, i18n.language, true)}</Table.Cell>
              <Table.Cell className="nowrap">{entry.actorName ?? entry.actorUserId ?? EMPTY}</Table.Cell>
              <Table.Cell>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Cell>
              <Table.Cell>
                {t(`audit.recordTypes.${entry.recordType}`, { defaultValue: entry.recordType })}
              </Table.Cell>
              <Table.Cell className="id-cell">{entry.recordId ?? EMPTY}</Table.Cell>
              <Table.Cell className="nowrap">{entry.subjectName ?? entry.subjectId ?? EMPTY}</Table.Cell>
              <Table.Cell className="nowrap">{entry.ip ?? EMPTY}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
