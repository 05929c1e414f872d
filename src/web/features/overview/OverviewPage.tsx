import {
  Button,
  Checkbox,
  Dialog,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { Diet, Response } from '../../../domain/answer.js';
import { intlLocale } from '../../app/i18n.js';
import {
  type AnswerErrors,
  type AnswerField,
  AnswerFields,
  type AnswerForm,
  answerBody,
  answerFieldId,
  answerFormOf,
  checkAnswerForm,
} from '../../shared/AnswerFields.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import type { CafeEvent, Channel } from '../../shared/cafe-types.js';
import { osloTime, shortDate, when } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { useReturnFocus } from '../../shared/use-return-focus.js';
import './overview.css';

/** The days before a café a reminder may go, as the server allows them. */
const REMINDER_DAYS = [14, 10, 7, 6, 5, 4, 3, 2, 1] as const;
const GROUPS = ['silent', 'coming', 'maybe'] as const;
type Group = (typeof GROUPS)[number];
const FILTERS = ['all', 'coming', 'waiting', 'maybe', 'not_coming', 'silent'] as const;
type Filter = (typeof FILTERS)[number];

export interface OverviewHousehold {
  id: string;
  name: string;
  channel: Channel;
  response: Response | null;
  adults: number;
  children: number;
  diet: Diet[];
  dietNote: string | null;
  comment: string | null;
  place: number | null;
  firstTime: boolean;
  answeredBy: 'household' | 'team' | null;
}

export interface EventOverview {
  eventId: string;
  capacity: number | null;
  free: number | null;
  reminders: number[];
  remindersSent: { key: string; households: number; at: string }[];
  counts: {
    invited: number;
    answered: number;
    coming: { households: number; adults: number; children: number };
    notComing: number;
    maybe: number;
    silent: number;
    waiting: { households: number; persons: number };
  };
  food: {
    served: boolean;
    persons: number;
    adults: number;
    children: number;
    diets: { diet: Diet; households: number; persons: number }[];
    notes: string[];
  };
  byChannel: { channel: Channel; invited: number; answered: number; coming: number }[];
  households: OverviewHousehold[];
}

/** The household's answer in one word: coming, waiting, maybe, not coming, or silent. */
function answerOf(household: OverviewHousehold): Exclude<Filter, 'all'> {
  if (!household.response) return 'silent';
  if (household.response === 'coming' && household.place !== null) return 'waiting';
  return household.response;
}

const ANSWER_COLOR: Record<Exclude<Filter, 'all'>, 'success' | 'warning' | 'info' | 'neutral' | 'danger'> = {
  coming: 'success',
  waiting: 'warning',
  maybe: 'info',
  not_coming: 'neutral',
  silent: 'neutral',
};

function persons(t: TFunction, adults: number, children: number): string {
  return t('cafe.overview.event.persons', {
    adults: t('cafe.overview.event.adults', { count: adults }),
    children: t('cafe.overview.event.children', { count: children }),
  });
}

/** What a sent reminder was: «7 dager før» or «Nå, til dem som ikke har svart». */
function reminderName(t: TFunction, key: string): string {
  const days = /^\d+$/.test(key) ? Number(key) : undefined;
  if (days !== undefined) return t('cafe.overview.event.daysBefore', { count: days });
  const group = /^now-(silent|coming|maybe)-/.exec(key)?.[1];
  return group
    ? t('cafe.overview.event.sentNow', { group: t(`cafe.overview.event.groupNames.${group}`) })
    : key;
}

/**
 * /kafe/:eventId/oversikt: the team's overview of the answers at a glance — the figures, the
 * waiting list, per channel, each household with its answer (filtered), the reminder schedule,
 * a reminder now to one group (two clicks), and noting an answer given on the phone.
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { eventId = '' } = useParams();
  const eventPath = `/api/events/${encodeURIComponent(eventId)}`;
  const [reload, setReload] = useState(0);
  const event = useLoad<CafeEvent>(eventPath);
  const overview = useLoad<EventOverview>(`${eventPath}/overview`, reload);
  const [announcement, setAnnouncement] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [noting, setNoting] = useState<OverviewHousehold>();
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);
  const view = overview.data;

  const heading = event.data
    ? t('cafe.overview.event.heading', {
        title: event.data.title,
        date: shortDate(event.data.date, language),
      })
    : t('cafe.overview.event.title');
  const closed =
    event.data && (event.data.status === 'cancelled' || Date.parse(event.data.startsAt) < Date.now());
  const shown = view
    ? filter === 'all'
      ? view.households
      : view.households.filter((h) => answerOf(h) === filter)
    : [];

  return (
    <Page
      title={
        event.data
          ? `${t('cafe.overview.event.title')} – ${event.data.title}`
          : t('cafe.overview.event.title')
      }
      heading={heading}
    >
      {event.data ? <Paragraph className="measure">{when(t, language, event.data)}</Paragraph> : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <CafeError error={overview.error ?? event.error} />
      {overview.loading && !view ? <Spinner aria-label={t('app.loading')} /> : null}
      {view ? (
        <>
          <section aria-labelledby="overview-counts-heading" className="stack">
            <Heading level={2} data-size="sm" id="overview-counts-heading">
              {t('cafe.overview.event.countsHeading')}
            </Heading>
            {view.counts.invited === 0 ? (
              <Paragraph className="measure">
                {t('cafe.overview.event.notSent')}{' '}
                <Link asChild>
                  <RouterLink to={`/kafe/${eventId}/utsending`}>{t('cafe.sending.link')}</RouterLink>
                </Link>
              </Paragraph>
            ) : null}
            <Counts view={view} number={number} />
            <div className="button-row">
              <Button asChild variant="secondary">
                <RouterLink to={`/kafe/${eventId}/mat`}>
                  {t('cafe.overview.event.foodLink', {
                    count: view.food.persons,
                    number: number(view.food.persons),
                  })}
                </RouterLink>
              </Button>
            </div>
          </section>
          <WaitingList view={view} />
          <Channels view={view} number={number} />
          <Reminders
            view={view}
            eventPath={eventPath}
            closed={Boolean(closed)}
            announce={setAnnouncement}
            onChanged={() => setReload((n) => n + 1)}
          />
          <section aria-labelledby="overview-households-heading" className="stack">
            <Heading level={2} data-size="sm" id="overview-households-heading">
              {t('cafe.overview.event.householdsHeading', { number: number(view.households.length) })}
            </Heading>
            {view.households.length === 0 ? (
              <Paragraph>{t('cafe.overview.event.noHouseholds')}</Paragraph>
            ) : (
              <>
                <Field className="overview-filter">
                  <Label>{t('cafe.overview.event.filter')}</Label>
                  <Select
                    id="overview-filter"
                    value={filter}
                    onChange={(e) => {
                      const next = e.target.value as Filter;
                      setFilter(next);
                      const count =
                        next === 'all'
                          ? view.households.length
                          : view.households.filter((h) => answerOf(h) === next).length;
                      setAnnouncement(t('cafe.overview.event.filtered', { count, number: number(count) }));
                    }}
                  >
                    {FILTERS.map((f) => (
                      <Select.Option key={f} value={f}>
                        {t(`cafe.overview.event.filters.${f}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Households households={shown} closed={Boolean(closed)} onNote={setNoting} />
              </>
            )}
          </section>
        </>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${eventId}`}>{t('cafe.overview.event.back')}</RouterLink>
        </Link>
      </Paragraph>
      {noting ? (
        <NoteAnswerDialog
          household={noting}
          eventPath={eventPath}
          onClose={() => setNoting(undefined)}
          onSaved={(message) => {
            setNoting(undefined);
            setAnnouncement(message);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </Page>
  );
}

/** The figures at a glance, each with its label. */
function Counts({ view, number }: { view: EventOverview; number: (value: number) => string }) {
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

/** The waiting list in order: the first moves up when room comes free. */
function WaitingList({ view }: { view: EventOverview }) {
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
function Channels({ view, number }: { view: EventOverview; number: (value: number) => string }) {
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

/** The reminder schedule (days before), the reminders that went, and a reminder now to one group. */
function Reminders({
  view,
  eventPath,
  closed,
  announce,
  onChanged,
}: {
  view: EventOverview;
  eventPath: string;
  closed: boolean;
  announce: (text: string) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number[]>(view.reminders);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [group, setGroup] = useState<Group>('silent');
  const [confirming, setConfirming] = useState(false);
  const size: Record<Group, number> = {
    silent: view.counts.silent,
    coming: view.counts.coming.households,
    maybe: view.counts.maybe,
  };
  const changed = [...days].sort().join() !== [...view.reminders].sort().join();

  const save = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.put<{ reminders: number[] }>(`${eventPath}/reminders`, { days });
      setDays(answer.reminders);
      announce(
        answer.reminders.length > 0
          ? t('cafe.overview.event.remindersSaved')
          : t('cafe.overview.event.remindersOff'),
      );
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const sendNow = async () => {
    const answer = await api.post<{ queued: number; at: string }>(`${eventPath}/reminders/now`, { group });
    setConfirming(false);
    const later = Date.parse(answer.at) > Date.now() + 60_000;
    announce(
      answer.queued === 0
        ? t('cafe.overview.event.nowNone')
        : later
          ? t('cafe.overview.event.nowLater', {
              count: answer.queued,
              time: osloTime(answer.at, i18n.language),
            })
          : t('cafe.overview.event.nowDone', { count: answer.queued }),
    );
    onChanged();
  };

  return (
    <section aria-labelledby="overview-reminders-heading" className="stack">
      <Heading level={2} data-size="sm" id="overview-reminders-heading">
        {t('cafe.overview.event.remindersHeading')}
      </Heading>
      <Paragraph className="measure">{t('cafe.overview.event.remindersIntro')}</Paragraph>
      <form noValidate onSubmit={save} className="stack">
        <Fieldset>
          <Fieldset.Legend>{t('cafe.overview.event.daysLegend')}</Fieldset.Legend>
          <div className="overview-days">
            {REMINDER_DAYS.map((d) => (
              <Checkbox
                key={d}
                label={t('cafe.overview.event.daysBefore', { count: d })}
                value={String(d)}
                checked={days.includes(d)}
                onChange={(e) =>
                  setDays((current) => (e.target.checked ? [...current, d] : current.filter((x) => x !== d)))
                }
              />
            ))}
          </div>
        </Fieldset>
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button
            type="submit"
            variant="secondary"
            loading={saving}
            aria-disabled={saving || !changed || undefined}
          >
            {t('cafe.overview.event.saveReminders')}
          </Button>
        </div>
      </form>
      {view.remindersSent.length > 0 ? (
        <div className="stack">
          <Heading level={3} data-size="xs">
            {t('cafe.overview.event.sentHeading')}
          </Heading>
          <ul className="overview-sent">
            {view.remindersSent.map((r) => (
              <li key={r.key}>
                {t('cafe.overview.event.sentItem', {
                  what: reminderName(t, r.key),
                  households: t('cafe.overview.event.households', { count: r.households }),
                  when: `${shortDate(r.at.slice(0, 10), i18n.language)} ${osloTime(r.at, i18n.language)}`,
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {closed ? null : (
        <div className="stack">
          <Heading level={3} data-size="xs">
            {t('cafe.overview.event.nowHeading')}
          </Heading>
          <div className="overview-now">
            <Field>
              <Label>{t('cafe.overview.event.group')}</Label>
              <Select id="overview-group" value={group} onChange={(e) => setGroup(e.target.value as Group)}>
                {GROUPS.map((g) => (
                  <Select.Option key={g} value={g}>
                    {t(`cafe.overview.event.groups.${g}`, { count: size[g] })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Button onClick={() => setConfirming(true)}>{t('cafe.overview.event.nowButton')}</Button>
          </div>
        </div>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('cafe.overview.event.confirmTitle')}
          body={t('cafe.overview.event.confirmBody', {
            group: t(`cafe.overview.event.groupNames.${group}`),
            households: t('cafe.overview.event.households', { count: size[group] }),
          })}
          confirmLabel={t('cafe.overview.event.confirm')}
          onConfirm={sendNow}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

/** Each household with its answer; a table on a wide screen, cards on a phone. */
function Households({
  households,
  closed,
  onNote,
}: {
  households: OverviewHousehold[];
  closed: boolean;
  onNote: (household: OverviewHousehold) => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW);
  const name = (h: OverviewHousehold) => h.name || t('registry.noName');
  if (households.length === 0) return <Paragraph>{t('cafe.overview.event.noneMatch')}</Paragraph>;

  const answer = (h: OverviewHousehold) => {
    const a = answerOf(h);
    return (
      <span className="overview-tags">
        <Tag data-size="sm" data-color={ANSWER_COLOR[a]}>
          {t(`cafe.overview.event.answers.${a}`, { place: h.place })}
        </Tag>
        {h.firstTime ? (
          <Tag data-size="sm" data-color="accent">
            {t('cafe.overview.event.firstTime')}
          </Tag>
        ) : null}
        {h.answeredBy === 'team' ? (
          <span className="overview-hint">{t('cafe.overview.event.byTeam')}</span>
        ) : null}
      </span>
    );
  };
  const people = (h: OverviewHousehold) => (h.response === 'coming' ? persons(t, h.adults, h.children) : '');
  const food = (h: OverviewHousehold) =>
    [...h.diet.map((d) => t(`my.diets.${d}`)), h.dietNote].filter(Boolean).join(', ');
  const note = (h: OverviewHousehold) =>
    closed ? null : (
      <Button
        variant="secondary"
        data-size="sm"
        className="overview-note"
        onClick={() => onNote(h)}
        aria-label={t('cafe.overview.event.noteFor', { name: name(h) })}
      >
        {t('cafe.overview.event.note')}
      </Button>
    );

  if (narrow)
    return (
      <ul className="cafe-audience-cards" aria-label={t('cafe.overview.event.householdTable')}>
        {households.map((h) => (
          <li key={h.id} className="cafe-audience-card">
            <strong>{name(h)}</strong>
            {answer(h)}
            {people(h) ? <span>{people(h)}</span> : null}
            {food(h) ? <span>{t('cafe.overview.event.foodIs', { food: food(h) })}</span> : null}
            {h.comment ? <span className="overview-comment">«{h.comment}»</span> : null}
            <div>{note(h)}</div>
          </li>
        ))}
      </ul>
    );

  return (
    <ScrollTable label={t('cafe.overview.event.householdTable')}>
      <Table zebra className="data-table overview-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('cafe.overview.event.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.answer')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.persons')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.diet')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cafe.overview.event.columns.comment')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('cafe.overview.event.columns.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {households.map((h) => (
            <Table.Row key={h.id}>
              <Table.HeaderCell scope="row">{name(h)}</Table.HeaderCell>
              <Table.Cell>{answer(h)}</Table.Cell>
              <Table.Cell>{people(h)}</Table.Cell>
              <Table.Cell>{food(h)}</Table.Cell>
              <Table.Cell className="overview-comment">{h.comment ?? ''}</Table.Cell>
              <Table.Cell>{note(h)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

/** «Noter svar»: the team writes down an answer given on the phone; the household gets its confirmation. */
function NoteAnswerDialog({
  household,
  eventPath,
  onClose,
  onSaved,
}: {
  household: OverviewHousehold;
  eventPath: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  useReturnFocus();
  const id = useId();
  const name = household.name || t('registry.noName');
  const [form, setForm] = useState<AnswerForm>(() =>
    answerFormOf(household.response ? { ...household, response: household.response } : null),
  );
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<AnswerForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };

  const save = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (saving) return;
    const found = checkAnswerForm(form, (rule) =>
      t(
        rule === 'response' || rule === 'persons'
          ? `cafe.overview.event.form.errors.${rule}`
          : rule === 'adults' || rule === 'children'
            ? 'cafe.overview.event.form.errors.range'
            : `my.fieldErrors.${rule}`,
      ),
    );
    setErrors(found);
    const first = (Object.keys(found) as AnswerField[])[0];
    if (first) {
      document.getElementById(answerFieldId(id, first))?.focus();
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const answer = await api.put<{ status: string; place: number | null }>(
        `${eventPath}/answers/${encodeURIComponent(household.id)}`,
        answerBody(form),
      );
      onSaved(
        answer.status === 'waiting'
          ? t('cafe.overview.event.form.savedWaiting', { name, place: answer.place })
          : t('cafe.overview.event.form.saved', { name }),
      );
    } catch (caught) {
      setError(caught);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={`${id}-heading`}>
      <form noValidate onSubmit={save} className="stack">
        <Heading level={2} data-size="sm" id={`${id}-heading`}>
          {t('cafe.overview.event.form.title', { name })}
        </Heading>
        <Paragraph>{t('cafe.overview.event.form.intro')}</Paragraph>
        <AnswerFields
          id={id}
          form={form}
          errors={errors}
          onChange={change}
          labels={{
            question: t('cafe.overview.event.form.response'),
            response: (response) => t(`cafe.overview.event.form.responses.${response}`),
            adults: t('cafe.overview.event.form.adults'),
            children: t('cafe.overview.event.form.children'),
            diet: t('cafe.overview.event.form.diet'),
            dietNote: t('cafe.overview.event.form.dietNote'),
            comment: t('cafe.overview.event.form.comment'),
          }}
        />
        <ErrorNotice
          error={error instanceof ApiError && error.code === 'validation.invalid' ? undefined : error}
        />
        {error instanceof ApiError && error.code === 'validation.invalid' ? (
          <p className="overview-error">{t('cafe.overview.event.form.errors.invalid')}</p>
        ) : null}
        <div className="button-row">
          <Button type="submit" loading={saving} aria-disabled={saving || undefined}>
            {t('cafe.overview.event.form.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
