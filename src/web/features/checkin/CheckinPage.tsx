import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type CSSProperties, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { intlLocale } from '../../app/i18n.js';
import { api, queryString } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { longDate } from '../../shared/dates.js';
import { Page } from '../../shared/Page.js';
import {
  type AttendanceHousehold,
  type AttendanceView,
  applyQueue,
  countsOf,
  loadQueue,
  type NewHousehold,
  type QueuedTap,
  saveQueue,
  sendTap,
} from './checkin-queue.js';

/** Taps still waiting are tried again this often, and at once when the browser says it is online. */
const RETRY_MS = 10_000;
/**
 * A second tap on the same household this soon after the first is a double tap, not an undo (for
 * browsers that do not count the taps of a double tap in the click's `detail`).
 */
const DOUBLE_TAP_MS = 400;

/** Tap targets of at least 44 × 44 px (WCAG 2.5.5), on a phone too. */
const TAP_TARGET: CSSProperties = { minHeight: '2.75rem', minWidth: '2.75rem' };
const LIST: CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: 'var(--ds-size-3)',
};
const ROW: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 'var(--ds-size-3)',
  padding: 'var(--ds-size-3) var(--ds-size-4)',
  // Longhands only, the same in both styles: React cannot undo a longhand over a shorthand.
  borderStyle: 'solid',
  borderWidth: '1px',
  borderInlineStartWidth: '1px',
  borderColor: 'var(--ds-color-neutral-border-subtle)',
  borderRadius: 'var(--ds-border-radius-md)',
  background: 'var(--ds-color-neutral-background-default)',
};
const ROW_PRESENT: CSSProperties = {
  ...ROW,
  borderColor: 'var(--ds-color-success-border-default)',
  borderInlineStartWidth: '0.5rem',
  background: 'var(--ds-color-success-surface-tinted)',
};
const ROW_TEXT: CSSProperties = { flex: '1 1 12rem', minWidth: 0, display: 'grid', gap: 'var(--ds-size-1)' };
const NAME: CSSProperties = { margin: 0, fontWeight: 600, overflowWrap: 'anywhere' };
const TAGS: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-2)' };
const STACK: CSSProperties = { display: 'grid', gap: 'var(--ds-size-4)', minWidth: 0 };
const FIELDS: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
  gap: 'var(--ds-size-3)',
  alignItems: 'end',
};

const byName = (language: string) => {
  const collator = new Intl.Collator(intlLocale(language), { sensitivity: 'base', numeric: true });
  return (a: AttendanceHousehold, b: AttendanceHousehold) => collator.compare(a.name, b.name);
};

/** "2 voksne, 1 barn". */
function persons(t: TFunction, household: { adults: number; children: number }): string {
  return t('cafe.checkin.persons', {
    adults: t('cafe.checkin.adults', { count: household.adults }),
    children: t('cafe.checkin.children', { count: household.children }),
  });
}

function responseText(t: TFunction, household: AttendanceHousehold): string {
  if (household.waiting) return t('cafe.checkin.responses.waiting');
  return t(`cafe.checkin.responses.${household.response ?? 'none'}`);
}

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
  const [base, setBase] = useState<AttendanceView>();
  const [loadError, setLoadError] = useState<unknown>();
  const [queue, setQueueState] = useState<QueuedTap[]>(() => loadQueue(eventId));
  const queueRef = useRef(queue);
  const [dropped, setDropped] = useState<Dropped[]>([]);
  const [query, setQuery] = useState('');
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
      const view = await api.get<AttendanceView>(path);
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

  const enqueue = (tap: QueuedTap) => {
    setQueue([...queueRef.current, tap]);
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

  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);
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

function HouseholdRow({
  household,
  onToggle,
}: {
  household: AttendanceHousehold;
  onToggle: (taps: number) => void;
}) {
  const { t } = useTranslation();
  const nameId = `checkin-name-${household.id}`;
  return (
    <li style={household.present ? ROW_PRESENT : ROW} data-household={household.id}>
      <div style={ROW_TEXT}>
        <p style={NAME} id={nameId}>
          {household.name}
        </p>
        <Paragraph data-size="sm" style={{ margin: 0 }}>
          {persons(t, household)} · {responseText(t, household)}
        </Paragraph>
        {household.firstTime || household.walkIn ? (
          <div style={TAGS}>
            {household.firstTime ? (
              <Tag data-color="info" data-size="sm">
                {t('cafe.checkin.firstTime')}
              </Tag>
            ) : null}
            {household.walkIn ? (
              <Tag data-color="neutral" data-size="sm">
                {t('cafe.checkin.walkIn')}
              </Tag>
            ) : null}
          </div>
        ) : null}
      </div>
      <Button
        variant={household.present ? 'secondary' : 'primary'}
        data-color={household.present ? 'success' : undefined}
        aria-describedby={nameId}
        onClick={(event) => onToggle(event.detail)}
        style={TAP_TARGET}
      >
        {household.present ? t('cafe.checkin.checkedIn') : t('cafe.checkin.checkIn')}
      </Button>
    </li>
  );
}

interface Found {
  id: string;
  name: string;
  place: string | null;
}

/** "Legg til som ikke har svart": a household of the registry, or a new one with one adult. */
function WalkIn({
  presentIds,
  onAdd,
}: {
  presentIds: ReadonlySet<string>;
  onAdd: (walkIn: { householdId?: string; name: string; newHousehold?: NewHousehold }) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>();
  const [searchError, setSearchError] = useState(false);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [mobile, setMobile] = useState('');
  const [missing, setMissing] = useState<{ firstName?: boolean; lastName?: boolean }>({});
  const [added, setAdded] = useState('');

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setSearchError(false);
    try {
      const answer = await api.get<{ households: Found[] }>(
        `/api/households${queryString({ q: text.trim(), limit: 10 })}`,
      );
      setFound(answer.households);
    } catch {
      setSearchError(true);
    }
  };

  const addNew = (event: FormEvent) => {
    event.preventDefault();
    const first = firstName.trim();
    const last = lastName.trim();
    setMissing({ firstName: !first, lastName: !last });
    if (!first || !last) return;
    const name = `${first} ${last}`;
    onAdd({ name, newHousehold: { firstName: first, lastName: last, mobile: mobile.trim() || null } });
    setFirstName('');
    setLastName('');
    setMobile('');
    setAdded(t('cafe.checkin.added', { name }));
  };

  return (
    <section aria-labelledby="checkin-walkin-heading" style={STACK}>
      <Heading level={2} data-size="xs" id="checkin-walkin-heading">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls="checkin-walkin"
          onClick={() => setOpen((value) => !value)}
          style={{ ...TAP_TARGET, width: '100%', justifyContent: 'flex-start' }}
        >
          {t('cafe.checkin.walkInOpen')}
        </Button>
      </Heading>
      <div id="checkin-walkin" hidden={!open} style={STACK}>
        <Paragraph aria-live="polite">{added}</Paragraph>
        <search style={STACK}>
          <form onSubmit={search} style={FIELDS}>
            <Textfield
              label={t('cafe.checkin.registrySearch')}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary" style={TAP_TARGET}>
              {t('cafe.checkin.registryFind')}
            </Button>
          </form>
        </search>
        {searchError ? <Paragraph role="alert">{t('cafe.checkin.registryFailed')}</Paragraph> : null}
        {found ? (
          <ul style={LIST} aria-live="polite" aria-label={t('cafe.checkin.registryResults')}>
            {found.length === 0 ? <li>{t('cafe.checkin.registryNone')}</li> : null}
            {found.map((household) => (
              <li key={household.id} style={ROW}>
                <span style={NAME}>
                  {household.name}
                  {household.place ? `, ${household.place}` : ''}
                </span>
                {presentIds.has(household.id) ? (
                  <span>{t('cafe.checkin.already')}</span>
                ) : (
                  <Button
                    variant="secondary"
                    style={TAP_TARGET}
                    aria-label={t('cafe.checkin.addOne', { name: household.name })}
                    onClick={() => {
                      onAdd({ householdId: household.id, name: household.name });
                      setAdded(t('cafe.checkin.added', { name: household.name }));
                    }}
                  >
                    {t('cafe.checkin.checkIn')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={addNew} style={STACK} noValidate>
          <Heading level={3} data-size="xs">
            {t('cafe.checkin.newHeading')}
          </Heading>
          <div style={FIELDS}>
            <Textfield
              label={t('cafe.checkin.firstName')}
              value={firstName}
              onChange={(event) => setFirstName(event.target.value)}
              autoComplete="off"
              required
              error={missing.firstName ? t('cafe.checkin.required') : undefined}
            />
            <Textfield
              label={t('cafe.checkin.lastName')}
              value={lastName}
              onChange={(event) => setLastName(event.target.value)}
              autoComplete="off"
              required
              error={missing.lastName ? t('cafe.checkin.required') : undefined}
            />
            <Textfield
              label={t('cafe.checkin.mobile')}
              type="tel"
              value={mobile}
              onChange={(event) => setMobile(event.target.value)}
              autoComplete="off"
            />
          </div>
          <div>
            <Button type="submit" style={TAP_TARGET}>
              {t('cafe.checkin.addNew')}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
