import { Button, Field, Heading, Label, Select, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../domain/household.js';
import type { SendingView } from '../../../features/sending/contract.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { ROW_STATUSES } from './status.js';

/** One channel's line of the sending view. */
type SendingChannelRow = SendingView['byChannel'][number];

/** The channel for every household, and how each channel went, with a retry where one failed. */
export function ChannelSection({
  view,
  busy,
  number,
  onChannelForAll,
  onRetry,
}: {
  view: SendingView;
  busy: string | null;
  number: (value: number) => string;
  onChannelForAll: (channel: Channel | null) => void;
  onRetry: (channel: Channel) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  const rows = view.byChannel.filter((row) => row.households > 0);
  const channelName = (channel: Channel) => t(`registry.channels.${channel}`);
  /** «I kø» counts the messages waiting and those on their way. */
  const count = (row: SendingChannelRow, status: (typeof ROW_STATUSES)[number]) =>
    status === 'queued' ? row.queued + row.sending : row[status];
  const retry = (row: SendingChannelRow) =>
    row.failed > 0 ? (
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() => onRetry(row.channel)}
        loading={busy === `retry-${row.channel}`}
        aria-disabled={busy !== null || undefined}
        aria-label={t('cafe.sending.retryChannel', { channel: channelName(row.channel) })}
      >
        {t('common.retry')}
      </Button>
    ) : null;
  return (
    <section aria-labelledby="sending-channels-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-channels-heading">
        {t('cafe.sending.channelsHeading')}
      </Heading>
      <Field className="cafe-sending-all">
        <Label>{t('cafe.sending.channelForAll')}</Label>
        <Field.Description>{t('cafe.sending.channelForAllHint')}</Field.Description>
        <Select
          id="sending-channel"
          value={view.channel ?? ''}
          onChange={(e) => onChannelForAll((e.target.value || null) as Channel | null)}
          aria-disabled={busy === 'channel' || undefined}
        >
          <Select.Option value="">{t('cafe.sending.ownChoice')}</Select.Option>
          {CHANNELS.map((channel) => (
            <Select.Option key={channel} value={channel}>
              {t(`registry.channels.${channel}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {rows.length === 0 ? null : narrow ? (
        <ul className="cafe-audience-cards" aria-label={t('cafe.sending.channelTable')}>
          {rows.map((row) => (
            <li key={row.channel} className="cafe-audience-card">
              <strong>{channelName(row.channel)}</strong>
              <dl className="cafe-facts cafe-sending-counts">
                <div>
                  <dt>{t('cafe.sending.households')}</dt>
                  <dd>{number(row.households)}</dd>
                </div>
                {ROW_STATUSES.filter((status) => count(row, status) > 0).map((status) => (
                  <div key={status}>
                    <dt>{t(`cafe.sending.statuses.${status}`)}</dt>
                    <dd>{number(count(row, status))}</dd>
                  </div>
                ))}
              </dl>
              {retry(row)}
            </li>
          ))}
        </ul>
      ) : (
        <ScrollTable label={t('cafe.sending.channelTable')}>
          <Table zebra className="data-table cafe-sending-channels">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cafe.sending.channel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cafe.sending.households')}</Table.HeaderCell>
                {ROW_STATUSES.map((status) => (
                  <Table.HeaderCell key={status}>{t(`cafe.sending.statuses.${status}`)}</Table.HeaderCell>
                ))}
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('cafe.sending.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.channel}>
                  <Table.HeaderCell scope="row">{channelName(row.channel)}</Table.HeaderCell>
                  <Table.Cell>{number(row.households)}</Table.Cell>
                  {ROW_STATUSES.map((status) => (
                    <Table.Cell key={status}>{number(count(row, status))}</Table.Cell>
                  ))}
                  <Table.Cell>{retry(row)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
