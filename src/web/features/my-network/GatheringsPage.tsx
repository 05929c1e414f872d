import { Card, Heading, Paragraph, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { GatheringOccasion } from '../../../domain/network.js';
import type { GatheringInput, GatheringList, GatheringView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { when } from '../../shared/dates.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { kroner } from '../networks/format.js';
import { MyNetworkNav } from './MyNetworkNav.js';
import { OccasionSelect } from './OccasionSelect.js';
import { useSave } from './use-save.js';
import './my-network.css';

/** /mitt-nettverk/samlinger: «4 av 6 i år», the Christmas and summer budgets, and a gathering planned. */
export function GatheringsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [reload, setReload] = useState(0);
  const { data, error } = useLoad<GatheringList>('/api/my-network/gatherings', reload);
  const [saved, setSaved] = useState('');

  return (
    <Page title={t('myNetwork.gatherings.title')}>
      <MyNetworkNav />
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <Paragraph className="measure">
            <strong>
              {t('myNetwork.gatherings.count', { count: data.thisYear, required: data.required })}
            </strong>{' '}
            {t('myNetwork.gatherings.countHint')}
          </Paragraph>
          {data.budgets.length ? (
            <section aria-labelledby="gatherings-budget-heading" className="stack">
              <Heading level={2} data-size="sm" id="gatherings-budget-heading">
                {t('myNetwork.gatherings.budgetHeading')}
              </Heading>
              <ul className="my-network-log">
                {data.budgets.map((budget) => (
                  <li key={`${budget.occasion}-${budget.year}`}>
                    <strong>
                      {t(`myNetwork.occasions.${budget.occasion}`)} {budget.year}:
                    </strong>{' '}
                    {t('myNetwork.gatherings.budget', {
                      budget: kroner(budget.budgetOre, language),
                      claimed: kroner(budget.claimedOre, language),
                    })}{' '}
                    {budget.overBudget ? (
                      <Tag data-size="sm" data-color="warning">
                        {t('myNetwork.gatherings.overBudget')}
                      </Tag>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {saved ? <Notice>{saved}</Notice> : null}
          <GatheringForm
            onSaved={(gathering) => {
              setSaved(t('myNetwork.gatherings.saved', { title: gathering.title }));
              setReload((count) => count + 1);
            }}
          />
          <section aria-labelledby="gatherings-list-heading" className="stack">
            <Heading level={2} data-size="sm" id="gatherings-list-heading">
              {t('myNetwork.gatherings.listHeading')}
            </Heading>
            {data.gatherings.length === 0 ? <Paragraph>{t('myNetwork.gatherings.none')}</Paragraph> : null}
            <ul className="my-network-cards">
              {data.gatherings.map((gathering) => (
                <li key={gathering.id}>
                  <Card data-color="neutral" className="my-network-card">
                    <Heading level={3} data-size="xs">
                      {gathering.title}
                    </Heading>
                    <Paragraph data-size="sm">{when(t, language, gathering)}</Paragraph>
                    {gathering.place ? <Paragraph data-size="sm">{gathering.place}</Paragraph> : null}
                    {gathering.occasion ? (
                      <p>
                        <Tag data-size="sm" data-color="info">
                          {t(`myNetwork.occasions.${gathering.occasion}`)}
                        </Tag>
                      </p>
                    ) : null}
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
}

type Errors = Partial<Record<'title' | 'date' | 'startTime' | 'endTime' | 'place', string>>;

function GatheringForm({ onSaved }: { onSaved: (gathering: GatheringView) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', date: '', startTime: '12:00', endTime: '15:00', place: '' });
  const [occasion, setOccasion] = useState<GatheringOccasion | ''>('');
  const [errors, setErrors] = useState<Errors>({});
  const { busy, error, begin, save } = useSave();
  const change = (field: keyof Errors, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!begin()) return;
    const found: Errors = {};
    if (!form.title.trim()) found.title = t('myNetwork.gatherings.errors.title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) found.date = t('myNetwork.gatherings.errors.date');
    else if (form.date < todayInOslo()) found.date = t('myNetwork.gatherings.errors.past');
    if (!/^\d{2}:\d{2}$/.test(form.startTime)) found.startTime = t('myNetwork.gatherings.errors.time');
    if (!/^\d{2}:\d{2}$/.test(form.endTime) || form.endTime <= form.startTime)
      found.endTime = t('myNetwork.gatherings.errors.endTime');
    if (!form.place.trim()) found.place = t('myNetwork.gatherings.errors.place');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`gathering-${first}`)?.focus();
      return;
    }
    const input: GatheringInput = {
      ...form,
      title: form.title.trim(),
      place: form.place.trim(),
      occasion: occasion || null,
    };
    await save(async () => {
      const saved = await api.post<GatheringView>('/api/my-network/gatherings', input);
      setForm({ title: '', date: '', startTime: '12:00', endTime: '15:00', place: '' });
      setOccasion('');
      onSaved(saved);
    });
  };

  return (
    <section aria-labelledby="gathering-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="gathering-form-heading">
        {t('myNetwork.gatherings.planHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="my-network-form">
        <Textfield
          id="gathering-title"
          label={t('myNetwork.gatherings.activity')}
          description={t('myNetwork.gatherings.activityHint')}
          value={form.title}
          maxLength={200}
          onChange={(event) => change('title', event.target.value)}
          error={errors.title}
          autoComplete="off"
        />
        <Textfield
          id="gathering-date"
          type="date"
          label={t('myNetwork.gatherings.date')}
          value={form.date}
          min={todayInOslo()}
          onChange={(event) => change('date', event.target.value)}
          error={errors.date}
        />
        <div className="form__row">
          <Textfield
            id="gathering-startTime"
            type="time"
            label={t('myNetwork.gatherings.start')}
            value={form.startTime}
            onChange={(event) => change('startTime', event.target.value)}
            error={errors.startTime}
          />
          <Textfield
            id="gathering-endTime"
            type="time"
            label={t('myNetwork.gatherings.end')}
            value={form.endTime}
            onChange={(event) => change('endTime', event.target.value)}
            error={errors.endTime}
          />
        </div>
        <Textfield
          id="gathering-place"
          label={t('myNetwork.gatherings.place')}
          value={form.place}
          maxLength={200}
          onChange={(event) => change('place', event.target.value)}
          error={errors.place}
          autoComplete="off"
        />
        <OccasionSelect
          id="gathering-occasion"
          label={t('myNetwork.gatherings.occasion')}
          description={t('myNetwork.gatherings.occasionHint')}
          noneLabel={t('myNetwork.occasions.none')}
          value={occasion}
          onChange={setOccasion}
        />
        <FormFoot error={error} busy={busy} label={t('myNetwork.gatherings.save')} />
      </form>
    </section>
  );
}
