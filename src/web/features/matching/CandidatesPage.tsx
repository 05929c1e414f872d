import {
  Button,
  Card,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Tag,
  Textarea,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import { CANDIDATE_STATUSES, type CandidateStatus, SUITABILITY_NOTE_MAX } from '../../../domain/matching.js';
import type { CandidateList, CandidateView } from '../../../features/matching/contract.js';
import { api } from '../../shared/api.js';
import { HouseholdPicker } from '../../shared/HouseholdPicker.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './matching.css';

/** /nettverk/kandidater: the short list of resource-family candidates, with Solid per adult. */
export function CandidatesPage() {
  const { t } = useTranslation();
  const { data, error, loading, load } = useLoad<CandidateList>('/api/resource-family-candidates');
  const [addError, setAddError] = useState<unknown>();
  const [adding, setAdding] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const chosen = new Set(data?.candidates.map((c) => c.householdId));

  const add = async (householdId: string) => {
    setAdding(householdId);
    setAddError(undefined);
    try {
      await api.put(`/api/resource-family-candidates/${householdId}`, {
        status: 'identified',
        statusOn: todayInOslo(),
      });
      load();
    } catch (caught) {
      setAddError(caught);
    } finally {
      setAdding(undefined);
    }
  };

  return (
    <Page title={t('matching.candidates.title')}>
      <Paragraph className="measure">{t('matching.candidates.intro')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk/sammensetting">{t('matching.candidates.back')}</RouterLink>
        </Link>
      </Paragraph>
      <section className="matching-step" aria-labelledby="candidates-add">
        <Heading level={2} data-size="sm" id="candidates-add">
          {t('matching.candidates.addHeading')}
        </Heading>
        <HouseholdPicker
          words={{
            search: t('matching.candidates.searchLabel'),
            find: t('matching.candidates.find'),
            none: t('matching.candidates.none'),
            already: t('matching.candidates.already'),
            add: t('matching.candidates.add'),
            addOne: (name) => t('matching.candidates.addOne', { name }),
          }}
          chosenIds={chosen}
          onPick={(household) => void add(household.id)}
          busyId={adding}
          variant="secondary"
          notice={(searchError) => <ErrorNotice error={searchError ?? addError} />}
        />
      </section>
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {data && data.candidates.length === 0 ? <Paragraph>{t('matching.candidates.empty')}</Paragraph> : null}
      {data && data.candidates.length > 0 ? (
        <ul className="matching-cards matching-step">
          {data.candidates.map((candidate) => (
            <li key={candidate.householdId}>
              <CandidateCard
                candidate={candidate}
                onChanged={(text) => {
                  setNotice(text);
                  load();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function CandidateCard({
  candidate,
  onChanged,
}: {
  candidate: CandidateView;
  onChanged: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CandidateStatus>(candidate.status);
  const [statusOn, setStatusOn] = useState(candidate.statusOn);
  const [note, setNote] = useState(candidate.suitabilityNote ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = `candidate-${candidate.householdId}`;

  const run = async (action: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await action());
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.put(`/api/resource-family-candidates/${candidate.householdId}`, {
        status,
        statusOn,
        suitabilityNote: note.trim() || null,
      });
      return t('matching.candidates.saved');
    });
  };

  return (
    <Card data-color="neutral" className="matching-card">
      <Heading level={2} data-size="xs" id={`${id}-name`}>
        {candidate.name}
      </Heading>
      <div>
        <Tag data-color={candidate.solid.status === 'complete' ? 'success' : 'warning'}>
          {t('matching.candidates.solid')}: {t(`matching.candidates.solidStatus.${candidate.solid.status}`)}
        </Tag>
        <ul className="matching-reasons">
          {candidate.solid.adults.map((adult) => (
            <li key={adult.name}>
              {adult.completedOn
                ? t('matching.candidates.solidAdult', { name: adult.name, date: adult.completedOn })
                : t('matching.candidates.solidMissing', { name: adult.name })}
            </li>
          ))}
        </ul>
      </div>
      <form noValidate onSubmit={save} className="candidate-grid" aria-labelledby={`${id}-name`}>
        <Field>
          <Label>{t('matching.candidates.status')}</Label>
          <Select value={status} onChange={(event) => setStatus(event.target.value as CandidateStatus)}>
            {CANDIDATE_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`matching.candidates.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          type="date"
          label={t('matching.candidates.statusOn')}
          value={statusOn}
          onChange={(event) => setStatusOn(event.target.value)}
        />
        <Field>
          <Label>{t('matching.candidates.note')}</Label>
          <Textarea
            value={note}
            maxLength={SUITABILITY_NOTE_MAX}
            rows={3}
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('matching.candidates.save')}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            aria-describedby={`${id}-name`}
            onClick={() =>
              void run(async () => {
                await api.delete(`/api/resource-family-candidates/${candidate.householdId}`);
                return t('matching.candidates.removed');
              })
            }
          >
            {t('matching.candidates.remove')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
