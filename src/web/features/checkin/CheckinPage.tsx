import { Alert, Button, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Attendance, AttendanceHousehold } from '../../../features/checkin/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { longDate } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { HouseholdRow } from './CheckinRow.js';
import {
  applyQueue,
  countsOf,
  loadQueue,
  type NewHousehold,
  type QueuedTap,
  saveQueue,
  sendTap,
} from './checkin-queue.js';
import { LIST, STACK, TAP_TARGET } from './styles.js';
import { WalkIn } from './WalkIn.js';

/** Taps still waiting are tried again this often, and at once when the browser says it is online. */
const RETRY_MS = 10_000;
/**
 * A second tap on the same household this soon after the first is a double tap, not an undo (for
 * browsers that do not count the taps of a double tap in the click's `detail`).
 */
const DOUBLE_TAP_MS = 400;

const byName = (language: string) => {
  const collator = new Intl.Collator(intlLocale(language), { sensitivity: 'base', numeric: true });
  return (a: AttendanceHousehold, b: AttendanceHousehold) => collator.compare(a.name, b.name);
};

interface Dropped {
  tapId: string;
  name: string;
  reason: string;
}

/**
 * /kafe/:eventId/innsjekk: the evening's attendance list for a phone or tablet. One tap checks a
 * household in (or undoes it); taps are shown at once and sent through a queue that survives a lost
 * connection and a reload (checkin-queue.ts). Walk-ins are added from the registry or as a new,
 * minimal household.
 */
export function CheckinPage() {
  const { eventId = '' } = useParams();
  // Another event is another list and another queue: start afresh.
  return <CheckinList key={eventId} eventId={eventId} />;
}

function CheckinList({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const path = `/api/events/${encodeURIComponent(eventId)}/attendance`;
  const [base, setBase] = useState<Attendance>();
  const [loadError, setLoadError] = useState<unknown>();
  const [queue, setQueueState] = useState<QueuedTap[]>(() => loadQueue(eventId));
  const queueRef = useRef(queue);
  const [dropped, setDropped] = useState<Dropped[]>([]);
  const [query, setQuery] = useState('');
  /** What a screen reader says after a tap: who is in or out now, and how many are here. */
  const [announcement, setAnnouncement] = useState('');
  const sending = useRef(false);
  /** Counts the answers to taps, so a list asked for before one cannot undo it on screen. */
  const answers = useRef(0);
  const lastTap = useRef(new Map<string, number>());

  const setQueue = useCallback(
    (next: QueuedTap[]) => {
      queueRef.current = next;
      saveQueue(eventId, next);
      setQueueState(next);
    },
    [eventId],
  );

  const load = useCallback(async () => {
    const mark = answers.current;
    try {
      const view = await api.get<Attendance>(path);
      if (mark === answers.current) setBase(view);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(error);
    }
  }, [path]);

  /** Sends the waiting taps in order; stops at the first that has to wait for the network. */
  const flush = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      for (let tap = queueRef.current[0]; tap; tap = queueRef.current[0]) {
        const outcome = await sendTap(eventId, tap);
        if (outcome.status === 'wait') break;
        const done = tap.tapId;
        setQueue(queueRef.current.filter((waiting) => waiting.tapId !== done));
        answers.current++;
        if (outcome.status === 'sent') {
          const answered = outcome.answer.household;
          setBase(
            (view) =>
              view && {
                ...view,
                households: [...view.households.filter((h) => h.id !== answered.id), answered],
              },
          );
        } else {
          const { name } = tap;
          setDropped((list) => [...list, { tapId: done, name, reason: outcome.error.message }]);
        }
      }
    } finally {
      sending.current = false;
    }
  }, [eventId, setQueue]);

  useEffect(() => {
    void load();
    void flush();
    const retry = () => {
      void flush().then(() => {
        if (queueRef.current.length === 0) void load();
      });
    };
    const timer = window.setInterval(() => void flush(), RETRY_MS);
    window.addEventListener('online', retry);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [load, flush]);

  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);

  const enqueue = (tap: QueuedTap) => {
    const next = [...queueRef.current, tap];
    setQueue(next);
    if (base) {
      const after = countsOf(applyQueue(base.households, next));
      const present = tap.kind === 'walkIn' || tap.present;
      setAnnouncement(
        t(present ? 'cafe.checkin.announceIn' : 'cafe.checkin.announceOut', {
          name: tap.name,
          checkedIn: number(after.checkedIn),
          expected: number(after.expected),
        }),
      );
    }
    void flush();
  };

  const households = base ? applyQueue(base.households, queue).sort(byName(language)) : [];
  const counts = countsOf(households);
  const needle = query.trim().toLocaleLowerCase(language);
  const shown = needle
    ? households.filter((h) => h.name.toLocaleLowerCase(language).includes(needle))
    : households;

  /** `taps`: the click's `detail`, 2 for the second click of a double click or double tap. */
  const toggle = (household: AttendanceHousehold, taps: number) => {
    const now = Date.now();
    const last = lastTap.current.get(household.id);
    lastTap.current.set(household.id, now);
    if (taps > 1 || (last !== undefined && now - last < DOUBLE_TAP_MS)) return;
    enqueue({
      kind: 'tap',
      tapId: crypto.randomUUID(),
      householdId: household.id,
      present: !household.present,
      tappedAt: new Date(now).toISOString(),
      name: household.name,
    });
  };

  const addWalkIn = (walkIn: { householdId?: string; name: string; newHousehold?: NewHousehold }) => {
    const tapId = crypto.randomUUID();
    lastTap.current.set(walkIn.householdId ?? tapId, Date.now());
    enqueue({
      kind: 'walkIn',
      tapId,
      householdId: walkIn.householdId ?? tapId,
      newHousehold: walkIn.newHousehold,
      tappedAt: new Date().toISOString(),
      name: walkIn.name,
      adults: 1,
      children: 0,
    });
  };

  const title = base ? t('cafe.checkin.heading', { title: base.event.title }) : t('cafe.checkin.title');

  return (
    <Page title={title}>
      <div style={STACK}>
        <Link asChild>
          <RouterLink to={`/kafe/${encodeURIComponent(eventId)}`}>{t('cafe.checkin.back')}</RouterLink>
        </Link>
        {base ? (
          <Paragraph>
            {t('cafe.checkin.when', {
              date: longDate(base.event.date, language),
              time: base.event.startTime.replace(':', '.'),
            })}
          </Paragraph>
        ) : null}
        {/* In the page from the start, so the first announcement is heard too. */}
        <div role="status" className="ds-sr-only checkin-announcement">
          {announcement}
        </div>
        <div aria-live="polite" className="checkin-pending">
          {queue.length > 0 ? (
            <Paragraph>
              <strong>{t('cafe.checkin.pending', { count: queue.length })}</strong>
            </Paragraph>
          ) : null}
        </div>
        {dropped.length > 0 ? (
          <Alert data-color="danger" role="alert">
            <ul style={{ margin: 0, paddingInlineStart: 'var(--ds-size-4)' }}>
              {dropped.map((d) => (
                <li key={d.tapId}>{t('cafe.checkin.dropped', { name: d.name, reason: d.reason })}</li>
              ))}
            </ul>
            <Button variant="tertiary" style={TAP_TARGET} onClick={() => setDropped([])}>
              {t('common.close')}
            </Button>
          </Alert>
        ) : null}
        {!base && loadError ? <CafeError error={loadError} /> : null}
        {!base && !loadError ? <Spinner aria-label={t('cafe.checkin.loading')} /> : null}
        {base ? (
          <>
            <Paragraph data-size="lg" className="checkin-counts">
              <strong>
                {t('cafe.checkin.counts', {
                  checkedIn: number(counts.checkedIn),
                  expected: t('cafe.checkin.households', { count: counts.expected }),
                  adults: t('cafe.checkin.adults', { count: counts.adults }),
                  children: t('cafe.checkin.children', { count: counts.children }),
                })}
              </strong>
            </Paragraph>
            <search>
              <Textfield
                label={t('cafe.checkin.search')}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                autoComplete="off"
              />
            </search>
            <Paragraph aria-live="polite" data-size="sm">
              {needle ? t('cafe.checkin.matches', { count: shown.length }) : ''}
            </Paragraph>
            <ul style={LIST} aria-label={t('cafe.checkin.listLabel')}>
              {shown.map((household) => (
                <HouseholdRow
                  key={household.id}
                  household={household}
                  onToggle={(taps) => toggle(household, taps)}
                />
              ))}
            </ul>
            {households.length === 0 ? <Paragraph>{t('cafe.checkin.empty')}</Paragraph> : null}
            <WalkIn
              presentIds={new Set(households.filter((h) => h.present).map((h) => h.id))}
              onAdd={addWalkIn}
            />
          </>
        ) : null}
      </div>
    </Page>
  );
}
