import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import {
  type CafeEvent,
  type EventInput,
  type Host,
  PROGRAMME_KINDS,
  type Problem,
  type ProgrammeKind,
  REGISTRATIONS,
  type Registration,
  type Venue,
} from '../../shared/cafe-types.js';
import { shortDate, when } from '../../shared/dates.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useFocusLater } from '../../shared/use-focus-later.js';
import { useLoad } from '../../shared/use-load.js';
import { EvaluationSection } from '../feedback/EvaluationSection.js';
import { ProblemList } from '../season/ProblemList.js';

interface ProgrammeRow {
  key: string;
  kind: ProgrammeKind;
  title: string;
  minutes: string;
  speaker: string;
}

interface EventForm {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venueId: string;
  capacity: string;
  food: boolean;
  registration: Registration;
  deadline: string;
  programme: ProgrammeRow[];
  hostUserIds: string[];
}

let rowCounter = 0;
const rowKey = () => `row-${++rowCounter}`;

const formOf = (event: CafeEvent): EventForm => ({
  title: event.title,
  date: event.date,
  startTime: event.startTime,
  endTime: event.endTime,
  venueId: event.venue?.id ?? '',
  capacity: event.capacity === null ? '' : String(event.capacity),
  food: event.food,
  registration: event.registration,
  deadline: event.deadline ?? '',
  programme: event.programme.map((item) => ({
    key: rowKey(),
    kind: item.kind,
    title: item.title,
    minutes: item.minutes === null ? '' : String(item.minutes),
    speaker: item.speaker ?? '',
  })),
  hostUserIds: event.hosts.map((host) => host.id),
});

type Errors = Record<string, string>;

/** /kafe/ny: a café outside the season plan (or a gathering). */
export function NewEventPage() {
  const { t } = useTranslation();
  const [initial] = useState<EventForm>(() => ({
    title: t('cafe.event.defaultTitle'),
    date: '',
    startTime: '18:00',
    endTime: '20:00',
    venueId: '',
    capacity: '',
    food: true,
    registration: 'optional',
    deadline: '',
    programme: [],
    hostUserIds: [],
  }));
  return (
    <Page title={t('cafe.event.newTitle')}>
      <EventFormView initial={initial} />
    </Page>
  );
}

/** The pages of one café, in the order the team works: who, what, send, answers, the evening, after. */
const EVENT_PAGES = [
  ['mottakere', 'cafe.event.audience'],
  ['invitasjon', 'cafe.invitation.link'],
  ['utsending', 'cafe.sending.link'],
  ['oversikt', 'cafe.overview.event.link'],
  ['innsjekk', 'cafe.checkin.link'],
  ['velkomst', 'cafe.welcome.link'],
  ['tilbakemelding', 'cafe.feedback.link'],
] as const;

/** /kafe/:eventId: one café — what, when, where, who hosts — its form, and cancelling it. */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [reload, setReload] = useState(0);
  const {
    data: event,
    error,
    loading,
  } = useLoad<CafeEvent>(`/api/events/${encodeURIComponent(eventId)}`, reload);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState((location.state as { notice?: string } | null)?.notice === 'created');

  if (!event) {
    return (
      <Page title={t('cafe.event.title')}>
        <CafeError error={error} />
        {loading && !error ? <Spinner aria-label={t('app.loading')} /> : null}
        <Paragraph>
          <Link asChild>
            <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
          </Link>
        </Paragraph>
      </Page>
    );
  }

  const heading = when(t, i18n.language, event);
  const cancelled = event.status === 'cancelled';
  return (
    <Page title={`${event.title} ${shortDate(event.date, i18n.language)}`} heading={heading}>
      {saved ? <Notice>{t('cafe.event.saved')}</Notice> : null}
      <Card data-color="neutral" className="cafe-card">
        <Heading level={2} data-size="xs">
          {event.title}{' '}
          <Tag data-size="sm" data-color={cancelled ? 'danger' : 'success'}>
            {t(`cafe.status.${event.status}`)}
          </Tag>
        </Heading>
        <dl className="cafe-facts">
          <div>
            <dt>{t('cafe.event.venue')}</dt>
            <dd>
              {event.venue
                ? [event.venue.name, event.venue.place].filter(Boolean).join(', ')
                : t('cafe.noVenue')}
            </dd>
          </div>
          <div>
            <dt>{t('cafe.event.food')}</dt>
            <dd>{event.food ? t('cafe.yes') : t('cafe.no')}</dd>
          </div>
          <div>
            <dt>{t('cafe.event.registration')}</dt>
            <dd>
              {t(`cafe.registration.${event.registration}`)}
              {event.registration === 'required' && event.deadline
                ? ` (${t('cafe.event.deadlineShort', { date: shortDate(event.deadline, i18n.language) })})`
                : ''}
            </dd>
          </div>
          <div>
            <dt>{t('cafe.event.capacity')}</dt>
            <dd>{event.capacity ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('cafe.event.hosts')}</dt>
            <dd>{event.hosts.map((host) => host.firstName).join(', ') || '–'}</dd>
          </div>
        </dl>
        {event.programme.length ? (
          <div>
            <Heading level={3} data-size="2xs">
              {t('cafe.event.programme')}
            </Heading>
            <ul className="cafe-programme">
              {event.programme.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; their order is their identity
                <li key={index}>
                  {[
                    t(`cafe.programmeKinds.${item.kind}`),
                    item.title,
                    item.minutes === null ? '' : t('cafe.audience.travelMinutes', { minutes: item.minutes }),
                    item.speaker ?? '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <ProblemList problems={event.problems} />
        {cancelled ? null : (
          <div className="button-row">
            {EVENT_PAGES.map(([path, label], index) => (
              <Button asChild key={path} variant={index === 0 ? 'primary' : 'secondary'}>
                <RouterLink to={`/kafe/${event.id}/${path}`}>{t(label)}</RouterLink>
              </Button>
            ))}
            <Button variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('cafe.event.cancel')}
            </Button>
          </div>
        )}
      </Card>
      <EvaluationSection key={`evaluation-${event.id}`} event={event} />
      {cancelled ? null : <EventImageSection key={event.id} event={event} />}
      {cancelled ? null : (
        <EventFormView
          key={event.version}
          event={event}
          initial={formOf(event)}
          onSaved={() => {
            setSaved(true);
            setReload((count) => count + 1);
          }}
          onReload={() => setReload((count) => count + 1)}
        />
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
        </Link>
      </Paragraph>
      {confirming ? (
        <ConfirmDialog
          title={t('cafe.event.cancelTitle')}
          body={t('cafe.event.cancelBody', { when: heading })}
          confirmLabel={t('cafe.event.cancelConfirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.post(`/api/events/${encodeURIComponent(event.id)}/cancel`);
            navigate('/kafe', { state: { notice: 'cancelled' } });
          }}
        />
      ) : null}
    </Page>
  );
}

function EventFormView({
  event,
  initial,
  onSaved,
  onReload,
}: {
  event?: CafeEvent;
  initial: EventForm;
  onSaved?: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const venues = useLoad<{ venues: Venue[] }>('/api/venues?archived=false');
  const hosts = useLoad<{ hosts: Host[] }>('/api/cafe/hosts');
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [confirmDate, setConfirmDate] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const focusLater = useFocusLater();

  const change = (next: Partial<EventForm>, ...fields: string[]) => {
    setForm((current) => ({ ...current, ...next }));
    if (fields.length)
      setErrors((current) =>
        Object.fromEntries(Object.entries(current).filter(([key]) => !fields.includes(key))),
      );
  };
  const setRow = (key: string, next: Partial<ProgrammeRow>) =>
    change({ programme: form.programme.map((row) => (row.key === key ? { ...row, ...next } : row)) });
  const addRow = () => {
    const row: ProgrammeRow = { key: rowKey(), kind: 'talk', title: '', minutes: '', speaker: '' };
    change({ programme: [...form.programme, row] });
    focusLater(`programme-${row.key}-kind`);
  };
  const removeRow = (key: string) => {
    change({ programme: form.programme.filter((row) => row.key !== key) });
    focusLater('programme-add');
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (!form.title.trim()) found.title = t('cafe.event.errors.title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) found.date = t('cafe.event.errors.date');
    if (!/^\d{2}:\d{2}$/.test(form.startTime)) found.startTime = t('cafe.event.errors.time');
    if (!/^\d{2}:\d{2}$/.test(form.endTime) || form.endTime <= form.startTime)
      found.endTime = t('cafe.event.errors.endTime');
    if (form.capacity.trim() && !/^\d+$/.test(form.capacity.trim()))
      found.capacity = t('cafe.event.errors.capacity');
    if (form.registration === 'required') {
      if (!form.deadline) found.deadline = t('cafe.event.errors.deadline');
      else if (form.date && form.deadline >= form.date)
        found.deadline = t('cafe.event.errors.deadlineBefore');
    }
    form.programme.forEach((row, index) => {
      if (!row.title.trim()) found[`programme.${index}.title`] = t('cafe.event.errors.programmeTitle');
      if (row.minutes.trim() && !/^\d+$/.test(row.minutes.trim()))
        found[`programme.${index}.minutes`] = t('cafe.event.errors.minutes');
    });
    return found;
  };

  const idOf = (field: string) => {
    const match = /^programme\.(\d+)\.(\w+)$/.exec(field);
    if (match) {
      const row = form.programme[Number(match[1])];
      return row ? `programme-${row.key}-${match[2]}` : 'programme-add';
    }
    return `event-${field}`;
  };

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    setConflict(false);
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      focusLater(idOf(first));
      return;
    }
    const input: EventInput = {
      title: form.title.trim(),
      date: form.date,
      startTime: form.startTime,
      endTime: form.endTime,
      venueId: form.venueId || null,
      capacity: form.capacity.trim() ? Number(form.capacity) : null,
      food: form.food,
      registration: form.registration,
      deadline: form.registration === 'required' ? form.deadline : null,
      programme: form.programme.map((row) => ({
        kind: row.kind,
        title: row.title.trim(),
        minutes: row.minutes.trim() ? Number(row.minutes) : null,
        speaker: row.speaker.trim() || null,
      })),
      hostUserIds: form.hostUserIds,
      ...(confirmDate ? { confirmDate: true } : {}),
    };
    busyRef.current = true;
    setBusy(true);
    try {
      if (event) {
        await api.put<CafeEvent>(`/api/events/${encodeURIComponent(event.id)}`, {
          ...input,
          version: event.version,
        });
        onSaved?.();
      } else {
        const created = await api.post<CafeEvent>('/api/events', input);
        navigate(`/kafe/${created.id}`, { state: { notice: 'created' } });
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cafe.date_not_allowed') {
        const details = caught.details as { problems?: Problem[] } | undefined;
        setRefused(details?.problems ?? []);
        focusLater('event-date');
      } else if (caught instanceof ApiError && caught.code === 'cafe.conflict') {
        setConflict(true);
      } else if (
        caught instanceof ApiError &&
        caught.code === 'validation.invalid' &&
        Array.isArray(caught.details)
      ) {
        const fromServer: Errors = {};
        for (const detail of caught.details as { field?: string }[]) {
          const field = (detail.field ?? '').replace(/^\/?/, '').replace(/\//g, '.');
          if (field) fromServer[field] = t('cafe.event.errors.invalid');
        }
        setErrors(fromServer);
        const firstField = Object.keys(fromServer)[0];
        if (firstField) focusLater(idOf(firstField));
        else setError(caught);
      } else setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const venueList = venues.data?.venues ?? [];
  const hostList = hosts.data?.hosts ?? [];

  return (
    <section aria-labelledby="event-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="event-form-heading">
        {event ? t('cafe.event.editHeading') : t('cafe.event.newHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form">
        <Textfield
          id="event-title"
          label={t('cafe.event.titleLabel')}
          value={form.title}
          onChange={(e) => change({ title: e.target.value }, 'title')}
          error={errors.title}
          autoComplete="off"
        />
        <div className="form__row">
          <Textfield
            id="event-date"
            type="date"
            label={t('cafe.event.date')}
            value={form.date}
            onChange={(e) => {
              change({ date: e.target.value }, 'date');
              setRefused(null);
              setConfirmDate(false);
            }}
            error={errors.date}
          />
          <Textfield
            id="event-startTime"
            type="time"
            label={t('cafe.event.start')}
            value={form.startTime}
            onChange={(e) => change({ startTime: e.target.value }, 'startTime')}
            error={errors.startTime}
          />
          <Textfield
            id="event-endTime"
            type="time"
            label={t('cafe.event.end')}
            value={form.endTime}
            onChange={(e) => change({ endTime: e.target.value }, 'endTime')}
            error={errors.endTime}
          />
        </div>
        {refused ? (
          <div className="stack" role="alert">
            <Paragraph>{t('cafe.event.dateRefused')}</Paragraph>
            <ProblemList problems={refused} />
            <Checkbox
              label={t('cafe.event.confirmDate')}
              checked={confirmDate}
              onChange={(e) => setConfirmDate(e.target.checked)}
            />
          </div>
        ) : null}
        <div className="form__row">
          <Field>
            <Label>{t('cafe.event.venue')}</Label>
            <Select
              id="event-venueId"
              value={form.venueId}
              onChange={(e) => change({ venueId: e.target.value })}
            >
              <Select.Option value="">{t('cafe.noVenue')}</Select.Option>
              {venueList.map((venue) => (
                <Select.Option key={venue.id} value={venue.id}>
                  {venue.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            id="event-capacity"
            label={t('cafe.event.capacity')}
            description={t('cafe.event.capacityHint')}
            inputMode="numeric"
            value={form.capacity}
            onChange={(e) => change({ capacity: e.target.value }, 'capacity')}
            error={errors.capacity}
            autoComplete="off"
          />
        </div>
        <Checkbox
          id="event-food"
          label={t('cafe.event.foodLabel')}
          checked={form.food}
          onChange={(e) => change({ food: e.target.checked })}
        />
        <Fieldset>
          <Fieldset.Legend>{t('cafe.event.registration')}</Fieldset.Legend>
          <Fieldset.Description>{t('cafe.event.registrationHint')}</Fieldset.Description>
          {REGISTRATIONS.map((registration, index) => (
            <Radio
              key={registration}
              id={index === 0 ? 'event-registration' : undefined}
              name="registration"
              value={registration}
              label={t(`cafe.registration.${registration}`)}
              checked={form.registration === registration}
              onChange={() => change({ registration }, 'deadline')}
            />
          ))}
        </Fieldset>
        {form.registration === 'required' ? (
          <Textfield
            id="event-deadline"
            type="date"
            label={t('cafe.event.deadline')}
            value={form.deadline}
            onChange={(e) => change({ deadline: e.target.value }, 'deadline')}
            error={errors.deadline}
          />
        ) : null}

        <Fieldset>
          <Fieldset.Legend>{t('cafe.event.programme')}</Fieldset.Legend>
          <Fieldset.Description>{t('cafe.event.programmeHint')}</Fieldset.Description>
          <div className="stack">
            {form.programme.map((row, index) => (
              <Fieldset key={row.key} className="cafe-programme-row">
                <Fieldset.Legend>{t('cafe.event.programmeItem', { number: index + 1 })}</Fieldset.Legend>
                <div className="form__row">
                  <Field>
                    <Label>{t('cafe.event.programmeKind')}</Label>
                    <Select
                      id={`programme-${row.key}-kind`}
                      value={row.kind}
                      onChange={(e) => setRow(row.key, { kind: e.target.value as ProgrammeKind })}
                    >
                      {PROGRAMME_KINDS.map((kind) => (
                        <Select.Option key={kind} value={kind}>
                          {t(`cafe.programmeKinds.${kind}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                  <Textfield
                    id={`programme-${row.key}-minutes`}
                    label={t('cafe.event.programmeMinutes')}
                    inputMode="numeric"
                    value={row.minutes}
                    onChange={(e) => setRow(row.key, { minutes: e.target.value })}
                    error={errors[`programme.${index}.minutes`]}
                    autoComplete="off"
                  />
                </div>
                <Textfield
                  id={`programme-${row.key}-title`}
                  label={t('cafe.event.programmeTitle')}
                  value={row.title}
                  onChange={(e) => setRow(row.key, { title: e.target.value })}
                  error={errors[`programme.${index}.title`]}
                  autoComplete="off"
                />
                <Textfield
                  id={`programme-${row.key}-speaker`}
                  label={t('cafe.event.programmeSpeaker')}
                  value={row.speaker}
                  onChange={(e) => setRow(row.key, { speaker: e.target.value })}
                  autoComplete="off"
                />
                <div>
                  <Button variant="tertiary" data-size="sm" onClick={() => removeRow(row.key)}>
                    {t('cafe.event.programmeRemove', { number: index + 1 })}
                  </Button>
                </div>
              </Fieldset>
            ))}
            <div>
              <Button id="programme-add" variant="secondary" onClick={addRow}>
                {t('cafe.event.programmeAdd')}
              </Button>
            </div>
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('cafe.event.hosts')}</Fieldset.Legend>
          <Fieldset.Description>{t('cafe.event.hostsHint')}</Fieldset.Description>
          <CafeError error={hosts.error} />
          {hostList.map((host) => (
            <Checkbox
              key={host.id}
              label={`${host.firstName} ${host.lastName}`}
              checked={form.hostUserIds.includes(host.id)}
              onChange={(e) =>
                change({
                  hostUserIds: e.target.checked
                    ? [...form.hostUserIds, host.id]
                    : form.hostUserIds.filter((id) => id !== host.id),
                })
              }
            />
          ))}
        </Fieldset>

        {conflict ? (
          <Notice kind="warning">
            {t('cafe.event.conflict')}{' '}
            <Button variant="secondary" data-size="sm" onClick={onReload}>
              {t('cafe.event.reload')}
            </Button>
          </Notice>
        ) : null}
        <CafeError error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {event ? t('cafe.event.save') : t('cafe.event.create')}
          </Button>
          {event ? null : (
            <Button asChild variant="secondary">
              <RouterLink to="/kafe">{t('common.cancel')}</RouterLink>
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

/** The event's image as the event view gives it (GET /api/events/:eventId), without its bytes. */
interface EventImageInfo {
  alt: string;
  updatedAt: string;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const ALT_MAX = 300;

/**
 * «Bilde»: the picture for the invitation and the answer page, with the description a screen
 * reader reads out. Upload, replace (or only change the description), and remove it.
 */
function EventImageSection({ event }: { event: CafeEvent }) {
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const fileErrorId = useId();
  const imagePath = `/api/events/${encodeURIComponent(event.id)}/image`;
  const [image, setImage] = useState<EventImageInfo | null>(
    (event as CafeEvent & { image?: EventImageInfo | null }).image ?? null,
  );
  const [file, setFile] = useState<File>();
  const [fileKey, setFileKey] = useState(0);
  const [alt, setAlt] = useState(image?.alt ?? '');
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const focusLater = useFocusLater();

  const megabytes = (bytes: number) =>
    `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

  const fileProblem = (chosen: File | undefined): string | undefined => {
    if (!chosen) return image ? undefined : t('cafe.event.image.errors.file');
    if (!IMAGE_TYPES.includes(chosen.type)) return t('cafe.event.image.errors.type');
    if (chosen.size > IMAGE_MAX_BYTES)
      return t('cafe.event.image.errors.tooLarge', { size: megabytes(chosen.size) });
    return undefined;
  };

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setDone(undefined);
    setError(undefined);
    setErrors((current) => ({ ...current, file: chosen ? fileProblem(chosen) : undefined }));
  };

  const submit = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (busy) return;
    setDone(undefined);
    setError(undefined);
    const description = alt.replace(/\s+/g, ' ').trim();
    const found = {
      file: fileProblem(file),
      alt: !description
        ? t('cafe.event.image.errors.alt')
        : [...description].length > ALT_MAX
          ? t('cafe.event.image.errors.altTooLong')
          : undefined,
    };
    setErrors(found);
    if (found.file || found.alt) {
      focusLater(found.file ? fileId : 'event-image-alt');
      return;
    }
    setBusy(true);
    try {
      // Only the description changed: the stored image is sent again with it.
      const body = file ?? (await fetchImage(imagePath));
      const saved = await api.put<EventImageInfo>(
        `${imagePath}?alt=${encodeURIComponent(description)}`,
        body,
      );
      setImage({ alt: saved.alt, updatedAt: saved.updatedAt });
      setAlt(saved.alt);
      setFile(undefined);
      setFileKey((count) => count + 1);
      setDone(t('cafe.event.image.uploaded'));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'image.unsupported') {
        setErrors({ file: t('cafe.event.image.errors.unsupported') });
        focusLater(fileId);
      } else if (caught instanceof ApiError && (caught.status === 413 || caught.code === 'image.too_large')) {
        setErrors({ file: t('cafe.event.image.errors.tooLarge', { size: megabytes(file?.size ?? 0) }) });
        focusLater(fileId);
      } else if (caught instanceof ApiError && caught.code === 'validation.invalid') {
        setErrors({ alt: t('cafe.event.image.errors.alt') });
        focusLater('event-image-alt');
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="event-image-heading" className="stack">
      <Heading level={2} data-size="sm" id="event-image-heading">
        {t('cafe.event.image.heading')}
      </Heading>
      <Paragraph className="measure">{t('cafe.event.image.hint')}</Paragraph>
      {image ? (
        <figure className="stack" style={{ margin: 0 }}>
          <img
            src={`${imagePath}?v=${encodeURIComponent(image.updatedAt)}`}
            alt={image.alt}
            style={{ display: 'block', maxWidth: '100%', maxHeight: '20rem', height: 'auto', width: 'auto' }}
          />
          <figcaption>
            <Paragraph data-size="sm">
              {t('cafe.event.image.current')}: {image.alt}
            </Paragraph>
          </figcaption>
        </figure>
      ) : (
        <Paragraph>{t('cafe.event.image.none')}</Paragraph>
      )}
      <form noValidate onSubmit={submit} className="form">
        <div className="stack">
          <label htmlFor={fileId} className="ds-label">
            {image ? t('cafe.event.image.fileReplace') : t('cafe.event.image.file')}
          </label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept={IMAGE_TYPES.join(',')}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? fileErrorId : undefined}
            onChange={(changeEvent) => choose(changeEvent.target.files?.[0])}
            style={{ maxWidth: '100%' }}
          />
          {errors.file ? <ValidationMessage id={fileErrorId}>{errors.file}</ValidationMessage> : null}
        </div>
        <Textfield
          id="event-image-alt"
          label={t('cafe.event.image.alt')}
          description={t('cafe.event.image.altHint')}
          value={alt}
          required
          onChange={(changeEvent) => {
            setAlt(changeEvent.target.value);
            setErrors((current) => ({ ...current, alt: undefined }));
          }}
          error={errors.alt}
          autoComplete="off"
        />
        {done ? <Notice>{done}</Notice> : null}
        <CafeError error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {!image
              ? t('cafe.event.image.upload')
              : file
                ? t('cafe.event.image.replace')
                : t('cafe.event.image.saveAlt')}
          </Button>
          {image ? (
            <Button variant="tertiary" data-color="danger" onClick={() => setRemoving(true)}>
              {t('cafe.event.image.remove')}
            </Button>
          ) : null}
        </div>
      </form>
      {removing ? (
        <ConfirmDialog
          title={t('cafe.event.image.removeTitle')}
          body={t('cafe.event.image.removeBody')}
          confirmLabel={t('cafe.event.image.removeConfirm')}
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await api.delete(imagePath);
            setImage(null);
            setAlt('');
            setErrors({});
            setRemoving(false);
            setDone(t('cafe.event.image.removed'));
            // The button that opened the dialog is gone: the keyboard continues at the file field.
            focusLater(fileId);
          }}
        />
      ) : null}
    </section>
  );
}

/** The stored image as a file again (to save it with a new description). */
async function fetchImage(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', 'No answer from the server', 0);
  }
  if (!response.ok)
    throw new ApiError(response.status === 404 ? 'not_found' : 'internal', '', response.status);
  return response.blob();
}
