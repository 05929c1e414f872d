import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import { MEETING_KINDS, type MeetingKind } from '../../../domain/family-home.js';
import type {
  Meeting,
  MeetingCalendar,
  MeetingInput,
} from '../../../features/family-home-meetings/contract.js';
import { useUser } from '../../app/session.js';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { longDate, shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';
import { fieldErrors } from '../family-homes/field-errors.js';
import { useSave } from '../my-network/use-save.js';

/** The home's calendar of meetings the team joins: upcoming, a form for a new one, the past. */
export function MeetingsSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, setData } = useLoad<MeetingCalendar>(`/api/family-homes/${householdId}/meetings`);
  const [cancelling, setCancelling] = useState<Meeting | null>(null);
  const [adding, setAdding] = useState(false);
  const what = (meeting: Meeting) =>
    `${t(`familyHomes.meetings.kinds.${meeting.kind}`)} ${shortDate(meeting.date, i18n.language)}`;

  return (
    <section aria-labelledby="meetings-heading" className="family-home-section">
      <Heading level={2} data-size="sm" id="meetings-heading">
        {t('familyHomes.meetings.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('familyHomes.meetings.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <Heading level={3} data-size="xs">
            {t('familyHomes.meetings.upcoming')}
          </Heading>
          {data.upcoming.length === 0 ? <Paragraph>{t('familyHomes.meetings.empty')}</Paragraph> : null}
          <MeetingList meetings={data.upcoming} onCancel={setCancelling} what={what} />
          {adding ? (
            <MeetingForm
              householdId={householdId}
              calendar={data}
              onSaved={(next) => {
                setData(next);
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <div className="button-row">
              <Button variant="secondary" onClick={() => setAdding(true)}>
                {t('familyHomes.meetings.add')}
              </Button>
            </div>
          )}
          {data.past.length > 0 ? (
            <>
              <Heading level={3} data-size="xs">
                {t('familyHomes.meetings.past')}
              </Heading>
              <MeetingList meetings={data.past} what={what} />
            </>
          ) : null}
        </>
      ) : null}
      {cancelling ? (
        <ConfirmDialog
          title={t('familyHomes.meetings.cancel', { what: what(cancelling) })}
          body={t('familyHomes.meetings.cancelConfirm', { what: what(cancelling) })}
          confirmLabel={t('familyHomes.meetings.cancel', { what: what(cancelling) })}
          onConfirm={async () => {
            setData(
              await api.delete<MeetingCalendar>(`/api/family-homes/${householdId}/meetings/${cancelling.id}`),
            );
            setCancelling(null);
          }}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </section>
  );
}

function MeetingList({
  meetings,
  onCancel,
  what,
}: {
  meetings: Meeting[];
  onCancel?: (meeting: Meeting) => void;
  what: (meeting: Meeting) => string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="family-home-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="family-home-item">
          <span className="family-home-item__title">
            {t(`familyHomes.meetings.kinds.${meeting.kind}`)}:{' '}
            {t('familyHomes.meetings.at', {
              date: longDate(meeting.date, i18n.language),
              time: meeting.startTime,
            })}
          </span>
          <span>{meeting.place}</span>
          <span>
            {t('familyHomes.meetings.with', {
              names: meeting.participants.map((person) => person.name).join(', '),
            })}
          </span>
          {onCancel ? (
            <div className="button-row">
              <Button variant="tertiary" data-size="sm" onClick={() => onCancel(meeting)}>
                {t('familyHomes.meetings.cancel', { what: what(meeting) })}
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MeetingForm({
  householdId,
  calendar,
  onSaved,
  onCancel,
}: {
  householdId: string;
  calendar: MeetingCalendar;
  onSaved: (calendar: MeetingCalendar) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const me = useUser();
  const [date, setDate] = useState(() => addDays(todayInOslo(), 1));
  const [startTime, setStartTime] = useState('');
  const [kind, setKind] = useState<MeetingKind>('school');
  const [place, setPlace] = useState('');
  const [participants, setParticipants] = useState<string[]>(() =>
    calendar.staff.some((person) => person.id === me.id) ? [me.id] : [],
  );
  const [missing, setMissing] = useState<Record<string, string>>({});
  const { busy, error, begin, save } = useSave();
  const errors = { ...fieldErrors(error, t), ...missing };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const required = t('familyHomes.fieldErrors.required');
    const found: Record<string, string> = {
      ...(date ? {} : { date: required }),
      ...(/^\d{2}:\d{2}$/.test(startTime) ? {} : { startTime: required }),
      ...(place.trim() ? {} : { place: required }),
      ...(participants.length > 0 ? {} : { participantUserIds: required }),
    };
    setMissing(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`meeting-${first}`)?.focus();
      return;
    }
    const input: MeetingInput = {
      date,
      startTime,
      kind,
      place: place.trim(),
      participantUserIds: participants,
    };
    await save(async () => {
      onSaved(await api.post<MeetingCalendar>(`/api/family-homes/${householdId}/meetings`, input));
    });
  };

  return (
    <form noValidate onSubmit={submit} className="family-home-form" aria-labelledby="meeting-form-heading">
      <Heading level={3} data-size="xs" id="meeting-form-heading">
        {t('familyHomes.meetings.addHeading')}
      </Heading>
      <Field>
        <Label>{t('familyHomes.meetings.kind')}</Label>
        <Select
          id="meeting-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as MeetingKind)}
        >
          {MEETING_KINDS.map((option) => (
            <Select.Option key={option} value={option}>
              {t(`familyHomes.meetings.kinds.${option}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        id="meeting-date"
        type="date"
        label={t('familyHomes.meetings.date')}
        value={date}
        min={todayInOslo()}
        onChange={(event) => setDate(event.target.value)}
        error={errors.date}
      />
      <Textfield
        id="meeting-startTime"
        type="time"
        label={t('familyHomes.meetings.time')}
        value={startTime}
        onChange={(event) => setStartTime(event.target.value)}
        error={errors.startTime}
      />
      <Textfield
        id="meeting-place"
        label={t('familyHomes.meetings.place')}
        value={place}
        maxLength={200}
        onChange={(event) => setPlace(event.target.value)}
        error={errors.place}
      />
      <Fieldset>
        <Fieldset.Legend>{t('familyHomes.meetings.participants')}</Fieldset.Legend>
        <div className="family-home-choices">
          {calendar.staff.map((person, index) => (
            <Checkbox
              key={person.id}
              id={index === 0 ? 'meeting-participantUserIds' : undefined}
              value={person.id}
              label={person.name}
              checked={participants.includes(person.id)}
              aria-invalid={errors.participantUserIds ? true : undefined}
              onChange={(event) =>
                setParticipants((current) =>
                  event.target.checked ? [...current, person.id] : current.filter((id) => id !== person.id),
                )
              }
            />
          ))}
        </div>
        {errors.participantUserIds ? (
          <ValidationMessage>{errors.participantUserIds}</ValidationMessage>
        ) : null}
      </Fieldset>
      <FormFoot error={error} busy={busy} label={t('familyHomes.meetings.add')} />
      <div className="button-row">
        <Button variant="tertiary" onClick={onCancel}>
          {t('familyHomes.youths.cancel')}
        </Button>
      </div>
    </form>
  );
}
