import { Button, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type {
  CandidateList,
  CandidateStage,
  CandidateView,
} from '../../../features/family-home-recruiting/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import {
  CandidateFields,
  type CandidateForm,
  candidateInput,
  candidateProblems,
  serverProblems,
} from './CandidateFields.js';
import './recruiting.css';

/** The pipeline's columns in order (a record, so a stage added to the contract must be placed here). */
const COLUMN: Record<CandidateStage, number> = {
  first_contact: 0,
  assessment: 1,
  training: 2,
  approved: 3,
  stopped: 4,
};
const STAGES = (Object.keys(COLUMN) as CandidateStage[]).sort((a, b) => COLUMN[a] - COLUMN[b]);

/** The day a candidate reached their stage. */
export const stageDate = (c: CandidateView): string =>
  ({
    first_contact: c.dates.firstContact,
    assessment: c.dates.assessment,
    training: c.dates.training,
    approved: c.dates.approved,
    stopped: c.dates.stopped,
  })[c.stage] ?? c.dates.firstContact;

/** /familiehjem/rekruttering: the pipeline, one column a step on a wide screen, and a form for a new candidate. */
export function RecruitingPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad<CandidateList>('/api/family-home-candidates');
  const deleted = (useLocation().state as { notice?: string } | null)?.notice === 'deleted';

  return (
    <Page title={t('recruiting.title')} heading={t('recruiting.heading')}>
      <Paragraph className="measure">{t('recruiting.intro')}</Paragraph>
      {deleted ? <Notice>{t('recruiting.detail.deleted')}</Notice> : null}
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <div className="recruiting-pipeline">
          {STAGES.map((stage) => {
            const here = data.candidates.filter((c) => c.stage === stage);
            return (
              <section key={stage} aria-labelledby={`stage-${stage}`} className="recruiting-stage">
                <Heading level={2} data-size="2xs" id={`stage-${stage}`}>
                  {t('recruiting.stageCount', { stage: t(`recruiting.stages.${stage}`), count: here.length })}
                </Heading>
                {here.length === 0 ? <Paragraph data-size="sm">{t('recruiting.empty')}</Paragraph> : null}
                <ul className="recruiting-list">
                  {here.map((c) => (
                    <li key={c.id}>
                      <Card className="recruiting-card">
                        <Link asChild>
                          <RouterLink to={c.id}>{c.name}</RouterLink>
                        </Link>
                        <span>{t('recruiting.since', { date: shortDate(stageDate(c), i18n.language) })}</span>
                        {c.languages.length > 0 ? (
                          <span>{t('recruiting.languages', { languages: c.languages.join(', ') })}</span>
                        ) : null}
                      </Card>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : null}
      <NewCandidate />
    </Page>
  );
}

function NewCandidate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<CandidateForm>(() => ({
    name: '',
    phone: '',
    email: '',
    languages: '',
    firstContactOn: todayInOslo(),
    notes: '',
  }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { busy, error, begin, save } = useSave();
  const shown = { ...serverProblems(error, t), ...problems };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = candidateProblems(form, t);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`new-candidate-${first}`)?.focus();
      return;
    }
    if (!begin()) return;
    await save(async () => {
      const created = await api.post<CandidateView>('/api/family-home-candidates', candidateInput(form));
      navigate(created.id, { state: { notice: 'created' } });
    });
  };

  return (
    <section aria-labelledby="new-candidate-heading" className="recruiting-section">
      <Heading level={2} data-size="sm" id="new-candidate-heading">
        {t('recruiting.new.heading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form">
        <CandidateFields id="new-candidate" form={form} onChange={setForm} problems={shown} />
        <ErrorNotice error={Object.keys(serverProblems(error, t)).length > 0 ? undefined : error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('recruiting.new.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
