import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type {
  CandidateStage,
  CandidateStageChange,
  CandidateUpdate,
  CandidateView,
} from '../../../features/family-home-recruiting/contract.js';
import { api } from '../../shared/api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { ReasonField } from '../networks/ReasonField.js';
import {
  CandidateFields,
  type CandidateForm,
  candidateInput,
  candidateProblems,
  formOf,
  serverProblems,
} from './CandidateFields.js';
import './recruiting.css';

type OnSaved = (candidate: CandidateView, message: string) => void;

/** /familiehjem/rekruttering/:candidateId: the steps with their dates, the next step, contact and notes. */
export function CandidatePage() {
  const { t, i18n } = useTranslation();
  const { candidateId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data, error, loading, setData } = useLoad<CandidateView>(
    `/api/family-home-candidates/${candidateId}`,
  );
  const [notice, setNotice] = useState(
    (location.state as { notice?: string } | null)?.notice === 'created' ? t('recruiting.new.created') : '',
  );
  const [confirming, setConfirming] = useState(false);
  const saved: OnSaved = (candidate, message) => {
    setData(candidate);
    setNotice(message);
  };
  const steps = data
    ? (
        [
          ['first_contact', data.dates.firstContact],
          ['assessment', data.dates.assessment],
          ['training', data.dates.training],
          ['approved', data.dates.approved],
          ['stopped', data.dates.stopped],
        ] as const
      ).filter(([, date]) => date !== null)
    : [];

  const remove = async () => {
    await api.delete(`/api/family-home-candidates/${candidateId}`);
    navigate('/familiehjem/rekruttering', { state: { notice: 'deleted' } });
  };

  return (
    <Page title={data?.name ?? t('recruiting.title')}>
      <p>
        <Link asChild>
          <RouterLink to="/familiehjem/rekruttering">{t('recruiting.detail.back')}</RouterLink>
        </Link>
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <section aria-labelledby="dates-heading" className="recruiting-section">
            <Heading level={2} data-size="sm" id="dates-heading">
              {t('recruiting.detail.dates')}
            </Heading>
            <ol className="recruiting-dates">
              {steps.map(([stage, date]) => (
                <li key={stage}>
                  {t(`recruiting.stages.${stage}`)}: {shortDate(date as string, i18n.language)}
                </li>
              ))}
            </ol>
            {data.stopReason ? (
              <Paragraph>{t('recruiting.detail.stopReason', { reason: data.stopReason })}</Paragraph>
            ) : null}
          </section>
          <StageSection key={`stage-${data.version}`} candidate={data} onSaved={saved} />
          <FactsSection key={`facts-${data.version}`} candidate={data} onSaved={saved} />
          <div className="button-row">
            <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('recruiting.detail.delete')}
            </Button>
          </div>
          {confirming ? (
            <ConfirmDialog
              title={t('recruiting.detail.deleteTitle')}
              body={t('recruiting.detail.deleteText', { name: data.name })}
              confirmLabel={t('recruiting.detail.deleteConfirm')}
              onConfirm={remove}
              onClose={() => setConfirming(false)}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

/** «Neste steg»: the next step or stopped (with why), on a day. */
function StageSection({ candidate, onSaved }: { candidate: CandidateView; onSaved: OnSaved }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<CandidateStage | ''>(candidate.nextStages[0] ?? '');
  const [on, setOn] = useState(() => todayInOslo());
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, begin, save } = useSave();

  if (candidate.nextStages.length === 0) {
    return (
      <Paragraph>
        {t('recruiting.stage.done', { stage: t(`recruiting.stages.${candidate.stage}`).toLowerCase() })}
      </Paragraph>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    if (to === 'stopped' && !reason.trim()) {
      setMissing(true);
      document.getElementById('stage-reason')?.focus();
      return;
    }
    if (!begin()) return;
    const change: CandidateStageChange = {
      stage: to,
      on,
      reason: to === 'stopped' ? reason.trim() : null,
      version: candidate.version,
    };
    await save(async () => {
      const after = await api.post<CandidateView>(
        `/api/family-home-candidates/${candidate.id}/stage`,
        change,
      );
      onSaved(after, t('recruiting.stage.moved', { stage: t(`recruiting.stages.${after.stage}`) }));
    });
  };

  return (
    <section aria-labelledby="stage-heading" className="recruiting-section">
      <Heading level={2} data-size="sm" id="stage-heading">
        {t('recruiting.stage.heading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form">
        <Field>
          <Label htmlFor="stage-to">{t('recruiting.stage.to')}</Label>
          <Select id="stage-to" value={to} onChange={(event) => setTo(event.target.value as CandidateStage)}>
            {candidate.nextStages.map((stage) => (
              <Select.Option key={stage} value={stage}>
                {t(`recruiting.stages.${stage}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {to === 'stopped' ? (
          <ReasonField
            id="stage-reason"
            label={t('recruiting.stage.reason')}
            rows={2}
            value={reason}
            missing={missing}
            missingText={t('recruiting.errors.reason')}
            onChange={(value) => {
              setReason(value);
              setMissing(false);
            }}
          />
        ) : null}
        <Textfield
          id="stage-on"
          type="date"
          label={t('recruiting.stage.on')}
          value={on}
          max={todayInOslo()}
          onChange={(event) => setOn(event.target.value)}
        />
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('recruiting.stage.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** «Kontakt og notater»: the candidate's facts and the staff-only notes, saved on the version read. */
function FactsSection({ candidate, onSaved }: { candidate: CandidateView; onSaved: OnSaved }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CandidateForm>(() => formOf(candidate));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, error, begin, save } = useSave();
  const fromServer = serverProblems(error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = candidateProblems(form, t);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`candidate-${first}`)?.focus();
      return;
    }
    if (!begin()) return;
    const body: CandidateUpdate = { ...candidateInput(form), version: candidate.version };
    await save(async () => {
      onSaved(
        await api.put<CandidateView>(`/api/family-home-candidates/${candidate.id}`, body),
        t('recruiting.detail.saved'),
      );
    });
  };

  return (
    <section aria-labelledby="facts-heading" className="recruiting-section">
      <Heading level={2} data-size="sm" id="facts-heading">
        {t('recruiting.detail.facts')}
      </Heading>
      <form noValidate onSubmit={submit} className="form">
        <CandidateFields
          id="candidate"
          form={form}
          onChange={setForm}
          problems={{ ...fromServer, ...problems }}
        />
        <ErrorNotice error={Object.keys(fromServer).length > 0 ? undefined : error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('recruiting.detail.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
