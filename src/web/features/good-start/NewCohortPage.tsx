import {
  Checkbox,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Select,
  Spinner,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CohortChoices, CohortInput, CohortView } from '../../../features/good-start/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import './good-start.css';

type Errors = Partial<Record<'name' | 'firstDate' | 'endTime', string>>;

/** /god-start/ny: a cohort — its name, the first session's date and time, every how many days, who leads, who takes part. */
export function NewCohortPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const choices = useLoad<CohortChoices>('/api/cohorts/choices');
  const [name, setName] = useState('');
  const [firstDate, setFirstDate] = useState('');
  const [startTime, setStartTime] = useState('18:00');
  const [endTime, setEndTime] = useState('20:30');
  const [intervalDays, setIntervalDays] = useState('14');
  const [programmeId, setProgrammeId] = useState('');
  const [leaders, setLeaders] = useState<string[]>([]);
  const [households, setHouseholds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error, begin, save } = useSave();

  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const found: Errors = {};
    if (!name.trim()) found.name = t('goodStart.form.errors.name');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDate)) found.firstDate = t('goodStart.form.errors.firstDate');
    if (endTime <= startTime) found.endTime = t('goodStart.form.errors.endTime');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`cohort-${first}`)?.focus();
      return;
    }
    const input: CohortInput = {
      name: name.trim(),
      firstDate,
      startTime,
      endTime,
      intervalDays: Number(intervalDays),
      programmeId: programmeId || null,
      leaderUserIds: leaders,
      householdIds: households,
    };
    void save(async () => {
      const created = await api.post<CohortView>('/api/cohorts', input);
      navigate(`/god-start/${created.id}`);
    });
  };

  return (
    <Page title={t('goodStart.form.title')}>
      <Paragraph className="measure">{t('goodStart.form.intro')}</Paragraph>
      <ErrorNotice error={choices.error} />
      {!choices.data && !choices.error ? <Spinner aria-label={t('app.loading')} /> : null}
      {choices.data ? (
        <form noValidate onSubmit={submit} className="form">
          <Textfield
            id="cohort-name"
            label={t('goodStart.form.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            maxLength={100}
            autoComplete="off"
          />
          <Textfield
            id="cohort-firstDate"
            type="date"
            label={t('goodStart.form.firstDate')}
            value={firstDate}
            onChange={(e) => setFirstDate(e.target.value)}
            error={errors.firstDate}
          />
          <Textfield
            id="cohort-startTime"
            type="time"
            label={t('goodStart.form.startTime')}
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
          />
          <Textfield
            id="cohort-endTime"
            type="time"
            label={t('goodStart.form.endTime')}
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
            error={errors.endTime}
          />
          <Field>
            <Label>{t('goodStart.form.interval')}</Label>
            <Select
              id="cohort-interval"
              value={intervalDays}
              onChange={(e) => setIntervalDays(e.target.value)}
            >
              {[7, 14, 21, 28].map((days) => (
                <Select.Option key={days} value={String(days)}>
                  {t('goodStart.form.everyDays', { count: days })}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {choices.data.programmes.length > 0 ? (
            <Field>
              <Label>{t('goodStart.form.programme')}</Label>
              <Select
                id="cohort-programme"
                value={programmeId}
                onChange={(e) => setProgrammeId(e.target.value)}
              >
                <Select.Option value="">{t('goodStart.form.noProgramme')}</Select.Option>
                {choices.data.programmes.map((p) => (
                  <Select.Option key={p.id} value={p.id}>
                    {p.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Fieldset>
            <Fieldset.Legend>{t('goodStart.form.leaders')}</Fieldset.Legend>
            <Fieldset.Description>{t('goodStart.form.leadersHint')}</Fieldset.Description>
            {choices.data.staff.map((s) => (
              <Checkbox
                key={s.id}
                label={`${s.name}${s.trained ? '' : ` (${t('goodStart.untrained')})`}`}
                value={s.id}
                checked={leaders.includes(s.id)}
                onChange={(e) => setLeaders((current) => toggle(current, s.id, e.target.checked))}
              />
            ))}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('goodStart.form.households')}</Fieldset.Legend>
            <div className="good-start-choices">
              {choices.data.households.map((h) => (
                <Checkbox
                  key={h.id}
                  label={h.name}
                  value={h.id}
                  checked={households.includes(h.id)}
                  onChange={(e) => setHouseholds((current) => toggle(current, h.id, e.target.checked))}
                />
              ))}
            </div>
          </Fieldset>
          <FormFoot error={error} busy={busy} label={t('goodStart.form.submit')} />
        </form>
      ) : null}
    </Page>
  );
}
