import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../domain/household.js';
import type { Overview } from '../../../features/overview/contract.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { persons } from './answers.js';

/** The figures at a glance, each with its label. */
export function Counts({ view, number }: { view: Overview; number: (value: number) => string }) {
  const { t } = useTranslation();
  const figures: [string, number][] = [
    ['invited', view.counts.invited],
    ['answered', view.counts.answered],
    ['coming', view.counts.coming.households],
    ['adults', view.counts.coming.adults],
    ['children', view.counts.coming.children],
    ['notComing', view.counts.notComing],
    ['maybe', view.counts.maybe],
    ['silent', view.counts.silent],
    ['waiting', view.counts.waiting.households],
  ];
  if (view.free !== null) figures.push(['free', view.free]);
  return (
    <dl className="overview-figures">
      {figures.map(([key, value]) => (
        <div key={key} className="overview-figure">
          <dt>{t(`cafe.overview.event.counts.${key}`)}</dt>
          <dd>{number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The evening as the check-in counted it, next to the answers: shown once someone is checked in,
 * or after the café (then "nobody was checked in" is a figure too).
 */
export function Attendance({
  view,
  over,
  number,
}: {
  view: Overview;
  over: boolean;
  number: (value: number) => string;
}) {
  const { t } = useTranslation();
  const { attended, noShow, walkIns, firstTimers } = view.attendance;
  if (attended.households === 0 && !over) return null;
  const figures: [string, number][] = [
    ['attended', attended.households],
    ['adults', attended.adults],
    ['children', attended.children],
    ['noShow', noShow],
    ['walkIns', walkIns.households],
    ['firstTimers', firstTimers],
  ];
  return (
    <section aria-labelledby="overview-attendance-heading" className="stack">
      <Heading level={2} data-size="sm" id="overview-attendance-heading">
        {t('cafe.overview.event.attendanceHeading')}
      </Heading>
      {attended.households === 0 ? (
        <Paragraph className="measure">{t('cafe.overview.event.attendanceNone')}</Paragraph>
      ) : (
        <>
          <Paragraph className="measure">{t('cafe.overview.event.attendanceIntro')}</Paragraph>
          <dl className="overview-figures">
            {figures.map(([key, value]) => (
              <div key={key} className="overview-figure">
                <dt>{t(`cafe.overview.event.attendance.${key}`)}</dt>
                <dd>{number(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

/** The waiting list in order: the first moves up when room comes free. */
export function WaitingList({ view }: { view: Overview }) {
  const { t } = useTranslation();
  const waiting = view.households
    .filter((h) => h.place !== null)
    .sort((a, b) => (a.place ?? 0) - (b.place ?? 0));
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="overview-waiting-heading" className="stack">
      <Heading level={2} data-size="sm" id="overview-waiting-heading">
        {t('cafe.overview.event.waitingHeading')}
      </Heading>
      <ol className="overview-waiting">
        {waiting.map((h) => (
          <li key={h.id}>
            {h.name || t('registry.noName')} – {persons(t, h.adults, h.children)}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Invited, answered and coming per channel of the invitation. */
export function Channels({ view, number }: { view: Overview; number: (value: number) => string }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  if (view.byChannel.length === 0) return null;
  const columns = ['invited', 'answered', 'coming'] as const;
  const channelName = (channel: Channel) => t(`registry.channels.${channel}`);
  return (
    <section aria-labelledby="overview-channels-heading" className="stack">
      <Heading level={2} data-size="sm" id="overview-channels-heading">
        {t('cafe.overview.event.channelsHeading')}
      </Heading>
      {narrow ? (
        <ul className="cafe-audience-cards" aria-label={t('cafe.overview.event.channelTable')}>
          {view.byChannel.map((row) => (
            <li key={row.channel} className="cafe-audience-card">
              <strong>{channelName(row.channel)}</strong>
              <dl className="cafe-facts cafe-sending-counts">
                {columns.map((column) => (
                  <div key={column}>
                    <dt>{t(`cafe.overview.event.channelColumns.${column}`)}</dt>
                    <dd>{number(row[column])}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <ScrollTable label={t('cafe.overview.event.channelTable')}>
          <Table zebra className="data-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cafe.overview.event.channel')}</Table.HeaderCell>
                {columns.map((column) => (
                  <Table.HeaderCell key={column}>
                    {t(`cafe.overview.event.channelColumns.${column}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.byChannel.map((row) => (
                <Table.Row key={row.channel}>
                  <Table.HeaderCell scope="row">{channelName(row.channel)}</Table.HeaderCell>
                  {columns.map((column) => (
                    <Table.Cell key={column}>{number(row[column])}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
