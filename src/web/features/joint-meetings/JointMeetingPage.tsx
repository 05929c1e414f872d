import { Button, Checkbox, Fieldset, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { AttendanceInput, JointMeetingView } from '../../../features/joint-meetings/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { meetingTitle, ParticipantTable } from './ParticipantTable.js';
import './joint-meetings.css';

/**
 * /nettverk/kvartalsmote/:meetingId: one joint meeting — its time and link, the counts of every
 * municipality, and the own municipality's people: invite them, record who came.
 */
export function JointMeetingPage() {
  const { t, i18n } = useTranslation();
  const { meetingId = '' } = useParams();
  const path = `/api/joint-meetings/${encodeURIComponent(meetingId)}`;
  const { data, error, setData } = useLoad<JointMeetingView>(path);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState(false);
  const [inviteError, setInviteError] = useState<unknown>();

  const back = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/nettverk/kvartalsmote">{t('jointMeetings.back')}</RouterLink>
      </Link>
    </Paragraph>
  );
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <Page title={t('jointMeetings.missing')}>
        <Paragraph>{t('jointMeetings.missingBody')}</Paragraph>
        {back}
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title={t('jointMeetings.title')}>
        <ErrorNotice error={error} />
        {error ? null : <Spinner aria-label={t('app.loading')} />}
        {back}
      </Page>
    );
  }
  const { meeting, invitees } = data;

  const invite = async () => {
    setInviteError(undefined);
    setInvited(false);
    setInviting(true);
    try {
      setData(await api.post<JointMeetingView>(`${path}/invitations`));
      setInvited(true);
    } catch (caught) {
      setInviteError(caught);
    } finally {
      setInviting(false);
    }
  };

  return (
    <Page title={meetingTitle(t, meeting.date)}>
      {back}
      <dl className="network-facts">
        <div>
          <dt>{t('jointMeetings.fields.date')}</dt>
          <dd>
            {t('jointMeetings.when', {
              date: shortDate(meeting.date, i18n.language),
              time: meeting.startTime,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('jointMeetings.meetingLink')}</dt>
          <dd className="joint-meeting-link">{meeting.link}</dd>
        </div>
        <div>
          <dt>{t('jointMeetings.planner')}</dt>
          <dd>{meeting.plannedBy.name}</dd>
        </div>
      </dl>
      <ParticipantTable meeting={meeting} />
      <Paragraph data-size="sm">{t('jointMeetings.othersNote')}</Paragraph>

      <section aria-labelledby="joint-meeting-own-heading" className="stack">
        <Heading level={2} data-size="sm" id="joint-meeting-own-heading">
          {t('jointMeetings.ownHeading')}
        </Heading>
        <Paragraph className="measure">{t('jointMeetings.inviteIntro')}</Paragraph>
        <div className="button-row">
          <Button variant={invitees.length ? 'secondary' : 'primary'} onClick={invite} loading={inviting}>
            {t('jointMeetings.invite')}
          </Button>
        </div>
        {invited ? <Notice>{t('jointMeetings.invitedNotice')}</Notice> : null}
        <ErrorNotice error={inviteError} />
        {invitees.length === 0 ? (
          <Paragraph>{t('jointMeetings.noInvitees')}</Paragraph>
        ) : (
          <AttendanceForm path={path} view={data} onSaved={setData} />
        )}
      </section>
    </Page>
  );
}

function AttendanceForm({
  path,
  view,
  onSaved,
}: {
  path: string;
  view: JointMeetingView;
  onSaved: (view: JointMeetingView) => void;
}) {
  const { t } = useTranslation();
  const [came, setCame] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setCame(view.invitees.filter((i) => i.attended).map((i) => i.userId));
  }, [view]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    setError(undefined);
    try {
      onSaved(
        await api.put<JointMeetingView>(`${path}/attendance`, { attended: came } satisfies AttendanceInput),
      );
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form">
      <Fieldset>
        <Fieldset.Legend>{t('jointMeetings.attendanceLegend')}</Fieldset.Legend>
        <Fieldset.Description>{t('jointMeetings.attendanceHint')}</Fieldset.Description>
        {view.invitees.map((invitee) => (
          <Checkbox
            key={invitee.userId}
            label={`${invitee.firstName} ${invitee.lastName} (${t(`jointMeetings.roles.${invitee.role}`)})`}
            value={invitee.userId}
            checked={came.includes(invitee.userId)}
            onChange={(event) => {
              setSaved(false);
              setCame((current) =>
                event.target.checked
                  ? [...current, invitee.userId]
                  : current.filter((id) => id !== invitee.userId),
              );
            }}
          />
        ))}
      </Fieldset>
      <FormFoot
        saved={saved ? t('jointMeetings.attendanceSaved') : undefined}
        error={error}
        busy={busy}
        label={t('jointMeetings.saveAttendance')}
      />
    </form>
  );
}
