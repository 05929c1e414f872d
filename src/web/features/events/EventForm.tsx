import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { REGISTRATIONS, type Registration } from '../../../domain/event.js';
import type { DateProblem, EventInput, EventView, HostList } from '../../../features/events/contract.js';
import type { VenueList } from '../../../features/venues/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { SaveBar } from '../../shared/SaveBar.js';
import { useFocusLater } from '../../shared/use-focus-later.js';
import { useLoad } from '../../shared/use-load.js';
import { ProblemList } from './ProblemList.js';
import { ProgrammeFields, type ProgrammeRow, rowKey } from './ProgrammeFields.js';

export interface EventForm {
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

export const formOf = (event: EventView): EventForm => ({
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

export type Errors = Record<string, string>;

export function EventFormView({
  event,
  initial,
  onSaved,
  onReload,
}: {
  event?: EventView;
  initial: EventForm;
  onSaved?: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const venues = useLoad<VenueList>('/api/venues?archived=false');
  const hosts = useLoad<HostList>('/api/cafe/hosts');
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<DateProblem[] | null>(null);
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
        await api.put<EventView>(`/api/events/${encodeURIComponent(event.id)}`, {
          ...input,
          version: event.version,
        });
        onSaved?.();
      } else {
        const created = await api.post<EventView>('/api/events', input);
        navigate(`/kafe/${created.id}`, { state: { notice: 'created' } });
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cafe.date_not_allowed') {
        const details = caught.details as { problems?: DateProblem[] } | undefined;
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

        <ProgrammeFields
          rows={form.programme}
          errors={errors}
          onChange={setRow}
          onAdd={addRow}
          onRemove={removeRow}
        />

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

        <SaveBar
          conflict={conflict}
          conflictText={t('cafe.event.conflict')}
          reloadText={t('cafe.event.reload')}
          onReload={onReload}
          error={error}
          busy={busy}
          label={event ? t('cafe.event.save') : t('cafe.event.create')}
        >
          {event ? null : (
            <Button asChild variant="secondary">
              <RouterLink to="/kafe">{t('common.cancel')}</RouterLink>
            </Button>
          )}
        </SaveBar>
      </form>
    </section>
  );
}
