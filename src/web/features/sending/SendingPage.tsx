import {
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { intlLocale } from '../../app/i18n.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import {
  type CafeEvent,
  CHANNELS,
  type Channel,
  MESSAGE_STATUSES,
  type MessageStatus,
  type SendingChannelRow,
  type SendingHousehold,
  type SendingView,
} from '../../shared/cafe-types.js';
import { longDate, osloTime, shortDate, when } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';

/** How often the view is asked for while the invitations go out. */
const POLL_MS = 2000;
/** A planned sending this close (or past) is watched as if it were running. */
const WATCH_BEFORE_MS = 60_000;

const STATUS_COLOR: Record<MessageStatus, 'neutral' | 'info' | 'success' | 'danger'> = {
  not_sent: 'neutral',
  queued: 'info',
  sending: 'info',
  sent: 'success',
  delivered: 'success',
  printed: 'success',
  failed: 'danger',
};

/** The columns of the table per channel. */
const ROW_STATUSES = ['queued', 'sent', 'delivered', 'printed', 'failed'] as const;

/** Statuses where the channel can still be changed: nothing has gone, or it failed and will go again. */
const OPEN_STATUSES: MessageStatus[] = ['not_sent', 'failed'];

/** An instant as the value of a datetime-local field, in Oslo time: «2027-01-19T09:00». */
export function osloInputValue(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant of a wall-clock time in Oslo («2027-01-19T09:00»), whatever the browser's own zone. */
export function fromOsloInputValue(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // Oslo is UTC+1 or UTC+2: take the offset at a guess, then again at the answer (around a change).
  let instant = wall;
  for (let step = 0; step < 2; step++) {
    const offset = Date.parse(`${osloInputValue(new Date(instant).toISOString())}:00Z`) - instant;
    instant = wall - offset;
  }
  return new Date(instant).toISOString();
}

/** «tirsdag 19. januar 2027 kl. 09.00» for an instant, in Oslo. */
function atTime(t: TFunction, language: string, iso: string): string {
  return t('cafe.sending.moment', {
    date: longDate(osloInputValue(iso).slice(0, 10), language),
    time: osloTime(iso, language),
  });
}

/** Messages that have gone one way or the other: the progress of a run. */
const finished = (counts: SendingView['counts']) =>
  counts.sent + counts.delivered + counts.printed + counts.failed;
const inRun = (counts: SendingView['counts']) => counts.households - counts.not_sent;

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
  const event = useLoad<CafeEvent>(eventPath);
  const loaded = useLoad<SendingView>(base);
  const [view, setView] = useState<SendingView>();
  const [error, setError] = useState<unknown>();
  const [pollError, setPollError] = useState<unknown>();
  const [pollAgain, setPollAgain] = useState(0);
  /** Counts the changes made here, so a poll that set out before one cannot undo its answer. */
  const changes = useRef(0);
  const [busy, setBusy] = useState<string | null>(null);
  const busyRef = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const [confirmPrinted, setConfirmPrinted] = useState(false);
  const [confirmSend, setConfirmSend] = useState(false);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);

  // Screen readers hear when the run starts and when it is done, not every count on the way.
  const lastState = useRef<SendingView['state'] | undefined>(undefined);
  const receive = (answer: SendingView) => {
    const before = lastState.current;
    lastState.current = answer.state;
    setView(answer);
    setNow(Date.now());
    if (before === undefined || before === answer.state) return;
    if (answer.state === 'sending') setAnnouncement(t('cafe.sending.announce.started'));
    else if (answer.state === 'done')
      setAnnouncement(
        t('cafe.sending.announce.done', {
          sent: number(finished(answer.counts) - answer.counts.failed),
          failed: number(answer.counts.failed),
        }),
      );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: takes the first answer in
  useEffect(() => {
    if (loaded.data) receive(loaded.data);
  }, [loaded.data]);

  const sendAtMs = view?.sendAt ? Date.parse(view.sendAt) : null;
  /** Planned for a time that has come: the run is about to start. */
  const starting = view?.state === 'scheduled' && sendAtMs !== null && sendAtMs <= now;
  /** Nothing more can be sent for a cancelled café or one that has been. */
  const closed = !event.data
    ? undefined
    : event.data.status === 'cancelled'
      ? 'cancelled'
      : Date.parse(event.data.startsAt) < now
        ? 'passed'
        : undefined;
  const watching =
    view?.state === 'sending' ||
    (view?.state === 'scheduled' && sendAtMs !== null && sendAtMs - now < WATCH_BEFORE_MS);

  // While the invitations go out: ask again every 2 s, until done or the page is left. A failed
  // poll is shown and tried again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (a new view) asks for the next one
  useEffect(() => {
    if (!watching) return;
    let current = true;
    const timer = setTimeout(() => {
      const before = changes.current;
      // The counts while it runs; the households again once it is done.
      api
        .get<SendingView>(`${base}?households=false`)
        .then((answer) =>
          answer.state === 'sending' || answer.state === 'scheduled'
            ? { ...answer, households: view?.households ?? [] }
            : api.get<SendingView>(base),
        )
        .then((answer) => {
          if (!current) return;
          setPollError(undefined);
          if (before === changes.current) receive(answer);
          else setPollAgain((count) => count + 1);
        })
        .catch((caught) => {
          if (!current) return;
          setPollError(caught);
          setPollAgain((count) => count + 1);
        });
    }, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [watching, view, base, pollAgain]);

  // A planned sending further ahead: wake up a minute before it (at most an hour at a time).
  useEffect(() => {
    if (view?.state !== 'scheduled' || sendAtMs === null || watching) return;
    const wait = Math.min(sendAtMs - WATCH_BEFORE_MS - Date.now(), 3_600_000);
    const timer = setTimeout(() => setNow(Date.now()), Math.max(wait, 1000));
    return () => clearTimeout(timer);
  }, [view?.state, sendAtMs, watching]);

  /** One change at a time: a second click while the first is under way does nothing. */
  const run = async (
    key: string,
    request: () => Promise<SendingView>,
    done?: (answer: SendingView) => string,
    /** Takes care of an error itself (e.g. next to a field); false leaves it to the page. */
    handled?: (caught: unknown) => boolean,
  ): Promise<SendingView | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    changes.current += 1;
    setBusy(key);
    setError(undefined);
    try {
      const answer = await request();
      changes.current += 1;
      receive(answer);
      if (done) setAnnouncement(done(answer));
      return answer;
    } catch (caught) {
      if (!handled?.(caught)) setError(caught);
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

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

/** Where the sending stands: planned, under way (with a progress bar) or done, and the counts. */
function StateSection({
  view,
  headingRef,
  number,
}: {
  view: SendingView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  number: (value: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const total = inRun(view.counts);
  const gone = finished(view.counts);
  const stateText =
    view.state === 'not_planned'
      ? t('cafe.sending.states.not_planned')
      : view.state === 'scheduled' && view.sendAt && Date.parse(view.sendAt) <= Date.now()
        ? t('cafe.sending.states.starting')
        : view.state === 'scheduled' && view.sendAt
          ? t('cafe.sending.states.scheduled', { when: atTime(t, i18n.language, view.sendAt) })
          : view.state === 'sending'
            ? t('cafe.sending.states.sending', { done: number(gone), total: number(total) })
            : t('cafe.sending.states.done');
  return (
    <section aria-labelledby="sending-state-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-state-heading" ref={headingRef} tabIndex={-1}>
        {t('cafe.sending.stateHeading')}
      </Heading>
      <p className="cafe-sending-state">{stateText}</p>
      {view.state === 'sending' ? (
        <div className="cafe-sending-progress">
          <label htmlFor="sending-progress">{t('cafe.sending.progressLabel')}</label>
          <progress id="sending-progress" max={Math.max(total, 1)} value={gone}>
            {t('cafe.sending.progressText', { done: number(gone), total: number(total) })}
          </progress>
        </div>
      ) : null}
      <dl className="cafe-facts cafe-sending-counts">
        <div>
          <dt>{t('cafe.sending.households')}</dt>
          <dd>{number(view.counts.households)}</dd>
        </div>
        {MESSAGE_STATUSES.map((status) => (
          <div key={status}>
            <dt>{t(`cafe.sending.statuses.${status}`)}</dt>
            <dd>{number(view.counts[status] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Planning the sending (4–5 weeks before, suggested), moving or dropping the plan, or sending now. */
function WhenSection({
  view,
  busy,
  onPlan,
  onSendNow,
}: {
  view: SendingView;
  busy: string | null;
  onPlan: (sendAt: string | null, handled?: (caught: unknown) => boolean) => Promise<unknown>;
  onSendNow: () => void;
}) {
  const { t, i18n } = useTranslation();
  const planned = view.sendAt ?? view.defaultSendAt;
  const [value, setValue] = useState(() => osloInputValue(planned));
  const [fieldError, setFieldError] = useState<string>();
  const scheduled = view.state === 'scheduled';
  // A new plan (here or by someone else) shows in the field.
  useEffect(() => setValue(osloInputValue(planned)), [planned]);

  const plan = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    const sendAt = fromOsloInputValue(value);
    if (!sendAt) {
      setFieldError(t('cafe.sending.errors.noTime'));
      document.getElementById('sending-at')?.focus();
      return;
    }
    if (Date.parse(sendAt) <= Date.now()) {
      setFieldError(t('cafe.sending.errors.pastTime'));
      document.getElementById('sending-at')?.focus();
      return;
    }
    setFieldError(undefined);
    // The server refuses a time that has passed meanwhile: said next to the field.
    await onPlan(sendAt, (caught) => {
      if (!(caught instanceof ApiError && caught.code === 'validation.invalid')) return false;
      setFieldError(t('cafe.sending.errors.pastTime'));
      return true;
    });
  };

  return (
    <section aria-labelledby="sending-when-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-when-heading">
        {t('cafe.sending.whenHeading')}
      </Heading>
      <Paragraph className="measure">
        {t('cafe.sending.whenIntro', { when: atTime(t, i18n.language, view.defaultSendAt) })}
      </Paragraph>
      <form noValidate onSubmit={plan} className="cafe-sending-when">
        <Textfield
          id="sending-at"
          type="datetime-local"
          label={t('cafe.sending.sendAt')}
          description={t('cafe.sending.sendAtHint')}
          value={value}
          min={osloInputValue(new Date().toISOString())}
          onChange={(e) => {
            setValue(e.target.value);
            setFieldError(undefined);
          }}
          error={fieldError}
        />
        <Button type="submit" variant="secondary" loading={busy === 'plan'}>
          {scheduled ? t('cafe.sending.move') : t('cafe.sending.plan')}
        </Button>
      </form>
      <div className="button-row">
        <Button onClick={onSendNow} loading={busy === 'now'} aria-disabled={busy !== null || undefined}>
          {t('cafe.sending.sendNow')}
        </Button>
        {scheduled ? (
          <Button
            variant="tertiary"
            onClick={async () => {
              // The button goes with the plan: the keyboard goes on from the field.
              if (await onPlan(null)) document.getElementById('sending-at')?.focus();
            }}
            loading={busy === 'plan'}
            aria-disabled={busy !== null || undefined}
          >
            {t('cafe.sending.unplan')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** The channel for every household, and how each channel went, with a retry where one failed. */
function ChannelSection({
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

/** Each household: its channel (changeable until it has gone), its status in words, the reason, a retry. */
function HouseholdList({
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
      {household.status === 'failed' && household.reason ? (
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

/** The print room: one PDF of the letters, sorted by postcode, and marking them printed. */
function PrintSection({
  view,
  base,
  number,
  onMark,
}: {
  view: SendingView;
  base: string;
  number: (value: number) => string;
  onMark: () => void;
}) {
  const { t } = useTranslation();
  const letters = view.byChannel.find((row) => row.channel === 'letter');
  // The PDF holds the letters that have gone to the print room: ready (sent) and already printed.
  const inPdf = Math.max(view.lettersToPrint, letters ? letters.sent + letters.printed : 0);
  return (
    <section aria-labelledby="sending-print-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-print-heading">
        {t('cafe.sending.printHeading')}
      </Heading>
      <Paragraph className="measure">
        {view.lettersToPrint > 0
          ? t('cafe.sending.printReady', {
              count: view.lettersToPrint,
              number: number(view.lettersToPrint),
            })
          : inPdf > 0
            ? t('cafe.sending.printDone')
            : t('cafe.sending.printNone')}
      </Paragraph>
      {inPdf > 0 ? (
        <div className="button-row">
          <Button asChild variant="secondary">
            <a href={`${base}/letters.pdf`} download>
              {t('cafe.sending.download', { number: number(inPdf) })}
            </a>
          </Button>
          {view.lettersToPrint > 0 ? (
            <Button variant="secondary" onClick={onMark}>
              {t('cafe.sending.markPrinted')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
