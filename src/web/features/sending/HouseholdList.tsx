import { Button, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../domain/household.js';
import type { SendingHousehold } from '../../../features/sending/contract.js';
import { formatDateTime } from '../../shared/format.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { OPEN_STATUSES, STATUS_COLOR } from './status.js';

/** Each household: its channel (changeable until it has gone), its status in words, the reason, a retry. */
export function HouseholdList({
  households,
  busy,
  onChannel,
  onRetry,
}: {
  households: SendingHousehold[];
  busy: string | null;
  onChannel: (household: SendingHousehold, channel: Channel | null) => void;
  onRetry: (household: SendingHousehold) => void;
}) {
  const { t, i18n } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  const name = (household: SendingHousehold) => household.name || t('registry.noName');
  const channelName = (channel: Channel) => t(`registry.channels.${channel}`);

  const channel = (household: SendingHousehold, withLabel = false) => {
    if (!OPEN_STATUSES.includes(household.status)) return channelName(household.channel);
    const offered =
      household.choice && !household.usable.includes(household.choice)
        ? [...household.usable, household.choice]
        : household.usable;
    return (
      <div className="cafe-sending-channel">
        {withLabel ? <label htmlFor={`channel-${household.id}`}>{t('cafe.sending.channel')}</label> : null}
        <Select
          id={`channel-${household.id}`}
          data-size="sm"
          aria-label={t('cafe.sending.channelFor', { name: name(household) })}
          value={household.choice ?? ''}
          onChange={(e) => onChannel(household, (e.target.value || null) as Channel | null)}
          aria-disabled={busy === `channel-${household.id}` || undefined}
        >
          <Select.Option value="">
            {household.choice
              ? t('cafe.sending.asOthers')
              : t('cafe.sending.asOthersWith', { channel: channelName(household.channel) })}
          </Select.Option>
          {offered.map((option) => (
            <Select.Option key={option} value={option}>
              {channelName(option)}
            </Select.Option>
          ))}
        </Select>
        {household.usable.length === 0 ? (
          <span className="cafe-sending-hint">{t('cafe.sending.noContact')}</span>
        ) : null}
      </div>
    );
  };

  const status = (household: SendingHousehold) => (
    <div className="cafe-sending-status">
      <Tag data-size="sm" data-color={STATUS_COLOR[household.status] ?? 'neutral'}>
        {t(`cafe.sending.statuses.${household.status}`)}
      </Tag>
      {household.status === 'failed' && household.gaveUp ? (
        <span className="cafe-sending-reason">
          {t(`cafe.sending.gaveUpReason.${household.gaveUp}`)}
          {household.reason ? ` (${household.reason})` : ''}
        </span>
      ) : household.status === 'failed' && household.reason ? (
        <span className="cafe-sending-reason">{household.reason}</span>
      ) : household.sentAt && household.status !== 'not_sent' ? (
        <span className="cafe-sending-hint">{formatDateTime(household.sentAt, i18n.language)}</span>
      ) : null}
    </div>
  );

  const retry = (household: SendingHousehold) =>
    household.status === 'failed' ? (
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => onRetry(household)}
        loading={busy === `retry-${household.id}`}
        aria-disabled={busy !== null || undefined}
        aria-label={t('cafe.sending.retryFor', { name: name(household) })}
      >
        {t('common.retry')}
      </Button>
    ) : null;

  if (households.length === 0) return <Paragraph>{t('cafe.sending.noneFailed')}</Paragraph>;

  if (narrow)
    return (
      <ul className="cafe-audience-cards" aria-label={t('cafe.sending.householdTable')}>
        {households.map((household) => (
          <li key={household.id} className="cafe-audience-card cafe-sending-card">
            <strong>{name(household)}</strong>
            {status(household)}
            {OPEN_STATUSES.includes(household.status) ? (
              channel(household, true)
            ) : (
              <span>{t('cafe.sending.channelIs', { channel: channelName(household.channel) })}</span>
            )}
            {retry(household)}
          </li>
        ))}
      </ul>
    );

  return (
    <ScrollTable label={t('cafe.sending.householdTable')}>
      <Table zebra className="data-table cafe-sending-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cafe.sending.household')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.sending.channel')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.sending.status')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('cafe.sending.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {households.map((household) => (
            <Table.Row key={household.id}>
              <Table.HeaderCell scope="row">{name(household)}</Table.HeaderCell>
              <Table.Cell>{channel(household)}</Table.Cell>
              <Table.Cell>{status(household)}</Table.Cell>
              <Table.Cell>{retry(household)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
