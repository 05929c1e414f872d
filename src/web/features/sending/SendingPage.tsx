import { Button, Checkbox, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Channel } from '../../../domain/household.js';
import type { EventView } from '../../../features/events/contract.js';
import type { SendingHousehold, SendingView } from '../../../features/sending/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate, when } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { ChannelSection } from './ChannelSection.js';
import { HouseholdList } from './HouseholdList.js';
import { PrintSection } from './PrintSection.js';
import { StateSection } from './StateSection.js';
import { atTime } from './status.js';
import { TroubleSection } from './TroubleSection.js';
import { useSendingRun } from './use-sending-run.js';
import { WhenSection } from './WhenSection.js';

/**
 * /kafe/:eventId/utsending: when the invitations go out and by which channel, sending them now,
 * the progress while they go, each household's status (with the provider's reason when it
 * failed), retrying, and the print room's PDF of the letters.
 */
export function SendingPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { eventId = '' } = useParams();
  const eventPath = `/api/events/${encodeURIComponent(eventId)}`;
  const base = `${eventPath}/sending`;
  const { loaded, view, error, pollError, busy, announcement, setAnnouncement, now, starting, receive, run } =
    useSendingRun(base);
  const event = useLoad<EventView>(eventPath);
  const [confirmPrinted, setConfirmPrinted] = useState(false);
  const [confirmSend, setConfirmSend] = useState(false);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);

  /** Nothing more can be sent for a cancelled café or one that has been. */
  const closed = !event.data
    ? undefined
    : event.data.status === 'cancelled'
      ? 'cancelled'
      : Date.parse(event.data.startsAt) < now
        ? 'passed'
        : undefined;
  const channelName = (channel: Channel) => t(`registry.channels.${channel}`);

  const sendNow = async () => {
    // The buttons give way to the progress: the keyboard goes on from the status.
    if (await run('now', () => api.post<SendingView>(`${base}/now`))) statusHeading.current?.focus();
  };
  const setChannelForAll = (channel: Channel | null) =>
    run(
      'channel',
      () => api.put<SendingView>(`${base}/channel`, { channel }),
      () =>
        t('cafe.sending.announce.channelForAll', {
          channel: channel ? channelName(channel) : t('cafe.sending.ownChoice'),
        }),
    );
  const setHouseholdChannel = (household: SendingHousehold, channel: Channel | null) =>
    run(
      `channel-${household.id}`,
      () =>
        api.put<SendingView>(`${base}/households/${encodeURIComponent(household.id)}/channel`, { channel }),
      (answer) => {
        const changed = answer.households.find((h) => h.id === household.id);
        return t('cafe.sending.announce.channelFor', {
          name: household.name,
          channel: channelName(changed?.channel ?? channel ?? household.channel),
        });
      },
    );
  const retry = async (what: { householdId?: string; channel?: Channel }, label: string) => {
    const answer = await run(
      `retry-${what.householdId ?? what.channel ?? 'all'}`,
      () => api.post<SendingView>(`${base}/retry`, what),
      () => t('cafe.sending.announce.retry', { what: label }),
    );
    // The button is gone with the failure: keep the keyboard user's place near the top of the news.
    if (answer) statusHeading.current?.focus();
  };

  const heading = event.data
    ? t('cafe.sending.heading', { title: event.data.title, date: shortDate(event.data.date, language) })
    : t('cafe.sending.title');

  return (
    <Page
      title={event.data ? `${t('cafe.sending.title')} – ${event.data.title}` : t('cafe.sending.title')}
      heading={heading}
    >
      {event.data ? <Paragraph className="measure">{when(t, language, event.data)}</Paragraph> : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <CafeError error={loaded.error ?? event.error} />
      {loaded.loading && !view ? <Spinner aria-label={t('app.loading')} /> : null}
      {view ? (
        <>
          <StateSection view={view} headingRef={statusHeading} number={number} />
          <TroubleSection view={view} number={number} />
          <CafeError error={error ?? pollError} />
          {closed ? (
            <Paragraph className="measure">{t(`cafe.sending.closed.${closed}`)}</Paragraph>
          ) : (view.state === 'not_planned' || view.state === 'scheduled') && !starting ? (
            <WhenSection
              view={view}
              busy={busy}
              onPlan={(sendAt, handled) =>
                run(
                  'plan',
                  () => api.put<SendingView>(`${base}/schedule`, { sendAt }),
                  (answer) =>
                    answer.sendAt
                      ? t('cafe.sending.announce.planned', { when: atTime(t, language, answer.sendAt) })
                      : t('cafe.sending.announce.unplanned'),
                  handled,
                )
              }
              onSendNow={() => setConfirmSend(true)}
            />
          ) : view.state === 'done' && view.counts.not_sent > 0 ? (
            <section aria-labelledby="sending-late-heading" className="stack">
              <Heading level={2} data-size="sm" id="sending-late-heading">
                {t('cafe.sending.lateHeading')}
              </Heading>
              <Paragraph className="measure">
                {t('cafe.sending.late', {
                  count: view.counts.not_sent,
                  number: number(view.counts.not_sent),
                })}
              </Paragraph>
              <div className="button-row">
                <Button
                  onClick={() => setConfirmSend(true)}
                  loading={busy === 'now'}
                  aria-disabled={busy !== null || undefined}
                >
                  {t('cafe.sending.sendLate')}
                </Button>
              </div>
            </section>
          ) : null}
          <ChannelSection
            view={view}
            busy={busy}
            number={number}
            onChannelForAll={setChannelForAll}
            onRetry={(channel) => retry({ channel }, channelName(channel))}
          />
          <PrintSection view={view} base={base} number={number} onMark={() => setConfirmPrinted(true)} />
          <section aria-labelledby="sending-households-heading" className="stack">
            <Heading level={2} data-size="sm" id="sending-households-heading">
              {t('cafe.sending.householdsHeading', { number: number(view.households.length) })}
            </Heading>
            {view.counts.failed > 0 ? (
              <Checkbox
                label={t('cafe.sending.onlyFailed', { number: number(view.counts.failed) })}
                checked={onlyFailed}
                onChange={(e) => setOnlyFailed(e.target.checked)}
              />
            ) : null}
            {view.households.length === 0 ? (
              <Paragraph>
                {t('cafe.sending.noHouseholds')}{' '}
                <Link asChild>
                  <RouterLink to={`/kafe/${eventId}/mottakere`}>{t('cafe.event.audience')}</RouterLink>
                </Link>
              </Paragraph>
            ) : (
              <HouseholdList
                households={
                  onlyFailed && view.counts.failed > 0
                    ? view.households.filter((h) => h.status === 'failed')
                    : view.households
                }
                busy={busy}
                onChannel={setHouseholdChannel}
                onRetry={(household) => retry({ householdId: household.id }, household.name)}
              />
            )}
          </section>
        </>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${eventId}`}>{t('cafe.sending.back')}</RouterLink>
        </Link>
      </Paragraph>
      {confirmSend && view ? (
        // One click reaches every household: the team says yes once more, with the number in front of them.
        <ConfirmDialog
          title={t('cafe.sending.confirmSendTitle', {
            count: view.counts.not_sent,
            number: number(view.counts.not_sent),
          })}
          body={t('cafe.sending.confirmSendBody')}
          confirmLabel={t('cafe.sending.sendNow')}
          onClose={() => setConfirmSend(false)}
          onConfirm={async () => {
            setConfirmSend(false);
            await sendNow();
          }}
        />
      ) : null}
      {confirmPrinted && view ? (
        <ConfirmDialog
          title={t('cafe.sending.printedTitle', {
            count: view.lettersToPrint,
            number: number(view.lettersToPrint),
          })}
          body={t('cafe.sending.printedBody')}
          confirmLabel={t('cafe.sending.printedConfirm')}
          onClose={() => setConfirmPrinted(false)}
          onConfirm={async () => {
            receive(await api.post<SendingView>(`${base}/letters/printed`));
            setConfirmPrinted(false);
            setAnnouncement(t('cafe.sending.announce.printed'));
          }}
        />
      ) : null}
    </Page>
  );
}
