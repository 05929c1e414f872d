import { Card, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type {
  JointMeeting,
  JointMeetingInput,
  JointMeetingList,
} from '../../../features/joint-meetings/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { meetingTitle, ParticipantTable } from './ParticipantTable.js';
import './joint-meetings.css';

/**
 * /nettverk/kvartalsmote: the quarterly joint meetings the municipality takes part in (counts per
 * municipality), and planning a new one with the municipalities that take part.
 */
export function JointMeetingsPage() {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const { data, error } = useLoad<JointMeetingList>('/api/joint-meetings', reload);

  return (
    <Page title={t('jointMeetings.title')}>
      <Paragraph className="measure">{t('jointMeetings.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <section aria-labelledby="joint-meetings-heading" className="stack">
            <Heading level={2} data-size="sm" id="joint-meetings-heading">
              {t('jointMeetings.listHeading')}
            </Heading>
            {data.meetings.length === 0 ? <Paragraph>{t('jointMeetings.empty')}</Paragraph> : null}
            <ul className="joint-meetings">
              {data.meetings.map((meeting) => (
                <li key={meeting.id}>
                  <MeetingCard meeting={meeting} />
                </li>
              ))}
            </ul>
          </section>
          <PlanForm onPlanned={() => setReload((n) => n + 1)} />
        </>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk">{t('networks.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

function MeetingCard({ meeting }: { meeting: JointMeeting }) {
  const { t, i18n } = useTranslation();
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/nettverk/kvartalsmote/${meeting.id}`}>{meetingTitle(t, meeting.date)}</RouterLink>
        </Link>
      </Heading>
      <Paragraph>
        {t('jointMeetings.when', { date: shortDate(meeting.date, i18n.language), time: meeting.startTime })}
        {' · '}
        {t('jointMeetings.plannedBy', { name: meeting.plannedBy.name })}
      </Paragraph>
      <ParticipantTable meeting={meeting} />
    </Card>
  );
}

/** «3405, 0301» → ['3405', '0301']; undefined when one of them is no kommunenummer. */
function numbersOf(text: string): string[] | undefined {
  const numbers = text.split(/[\s,;]+/).filter(Boolean);
  return numbers.every((n) => /^\d{4}$/.test(n)) ? numbers : undefined;
}

function PlanForm({ onPlanned }: { onPlanned: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('19:00');
  const [link, setLink] = useState('');
  const [others, setOthers] = useState('');
  const [wrong, setWrong] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const today = todayInOslo();
    const found = [
      (!date || date < today) && 'date',
      !/^([01]\d|2[0-3]):[0-5]\d$/.test(time) && 'time',
      !link.trim() && 'link',
      !numbersOf(others) && 'numbers',
    ].filter((x): x is string => Boolean(x));
    setWrong(found);
    setSaved(false);
    if (found.length) {
      document.getElementById(`joint-meeting-${found[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post<JointMeeting>('/api/joint-meetings', {
        date,
        startTime: time,
        link: link.trim(),
        municipalityNumbers: numbersOf(others) ?? [],
      } satisfies JointMeetingInput);
      setSaved(true);
      setLink('');
      setDate('');
      setOthers('');
      onPlanned();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (key: string) => (wrong.includes(key) ? t(`jointMeetings.invalid.${key}`) : undefined);

  return (
    <form noValidate onSubmit={submit} className="form" aria-labelledby="joint-meeting-plan-heading">
      <Heading level={2} data-size="sm" id="joint-meeting-plan-heading">
        {t('jointMeetings.planHeading')}
      </Heading>
      <Textfield
        id="joint-meeting-date"
        type="date"
        label={t('jointMeetings.fields.date')}
        value={date}
        error={fieldError('date')}
        onChange={(event) => setDate(event.target.value)}
      />
      <Textfield
        id="joint-meeting-time"
        type="time"
        label={t('jointMeetings.fields.time')}
        value={time}
        error={fieldError('time')}
        onChange={(event) => setTime(event.target.value)}
      />
      <Textfield
        id="joint-meeting-link"
        label={t('jointMeetings.fields.link')}
        description={t('jointMeetings.fields.linkHint')}
        value={link}
        maxLength={500}
        error={fieldError('link')}
        onChange={(event) => setLink(event.target.value)}
        autoComplete="off"
      />
      <Textfield
        id="joint-meeting-numbers"
        label={t('jointMeetings.fields.municipalities')}
        description={t('jointMeetings.fields.municipalitiesHint')}
        value={others}
        inputMode="numeric"
        error={fieldError('numbers')}
        onChange={(event) => setOthers(event.target.value)}
        autoComplete="off"
      />
      <FormFoot
        saved={saved ? t('jointMeetings.planned') : undefined}
        error={error}
        busy={busy}
        label={t('jointMeetings.plan')}
      />
    </form>
  );
}
