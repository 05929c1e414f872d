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
import { Link as RouterLink } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type { NetworkFigures, NetworkInsight } from '../../../features/network-insight/contract.js';
import { api } from '../../shared/api.js';
import { Chart } from '../../shared/Chart.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { Figure } from '../insight/InsightFigure.js';
import '../insight/insight.css';

const BASE = '/api/insight/networks';

/**
 * /innsikt/nettverk: the team's figures on its resource-family networks, each a chart with its
 * table behind "Vis som tabell" and downloads, like the café's insight page; and each network's
 * yearly budget to set.
 */
export function NetworkInsightPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const thisYear = Number(todayInOslo().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useLoad<NetworkInsight>(`${BASE}?year=${year}`, reload);
  const query = `?year=${year}`;
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const kroner = (ore: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 }).format(
      ore / 100,
    );
  const pct = (x: number | null) => (x === null ? '–' : `${number(Math.round(x * 100))} %`);
  const months = Array.from({ length: 12 }, (_, i) =>
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, i, 15)),
    ),
  );
  const col = (name: string) => t(`networkInsight.columns.${name}`);

  const networks = data?.networks ?? [];
  const members = networks.flatMap((n) => n.members.map((m) => ({ ...m, network: n.name })));
  const totalContacts = members.reduce((sum, m) => sum + m.total, 0);
  const approved = networks.reduce((sum, n) => sum + n.budget.approvedOre, 0);
  const budget = networks.reduce((sum, n) => sum + n.budget.budgetOre, 0);

  return (
    <Page title={t('networkInsight.title')}>
      <Paragraph className="measure">{t('networkInsight.intro')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/innsikt">{t('insight.title')}</RouterLink>
        </Link>
      </Paragraph>
      <div className="insight-controls">
        <Field>
          <Label>{t('networkInsight.year')}</Label>
          <Select value={String(year)} onChange={(event) => setYear(Number(event.target.value))}>
            {[0, 1, 2, 3].map((back) => (
              <Select.Option key={back} value={String(thisYear - back)}>
                {thisYear - back}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data && networks.length === 0 ? <Paragraph>{t('networkInsight.empty')}</Paragraph> : null}
      {data && networks.length > 0 ? (
        <div className="insight-grid">
          <Figure
            id="contacts"
            base={BASE}
            query={query}
            title={t('networkInsight.contacts.title')}
            sentence={t('networkInsight.contacts.sentence', {
              total: number(totalContacts),
              members: members.length,
              year,
              perMonth:
                members.length === 0 || data.monthsCounted === 0
                  ? '–'
                  : number(totalContacts / members.length / data.monthsCounted, 1),
            })}
            chart={
              <Chart
                label={t('networkInsight.contacts.aria', { year })}
                rows={members.map((m) => ({ label: m.name, value: m.total, text: number(m.total) }))}
              />
            }
            header={[col('network'), col('household'), ...months, col('total'), col('perMonth')]}
            rows={members.map((m) => [
              m.network,
              m.name,
              ...m.months.map((n) => number(n)),
              number(m.total),
              m.perMonth === null ? '–' : number(m.perMonth, 1),
            ])}
          />
          <Figure
            id="gatherings"
            base={BASE}
            query={query}
            title={t('networkInsight.gatherings.title')}
            sentence={t('networkInsight.gatherings.sentence', {
              met: networks.filter((n) => n.gatherings.held + n.gatherings.planned >= n.gatherings.required)
                .length,
              networks: networks.length,
              year,
            })}
            chart={
              <Chart
                label={t('networkInsight.gatherings.aria', { year })}
                rows={networks.map((n) => ({
                  label: n.name,
                  value: n.gatherings.held,
                  text: `${number(n.gatherings.held)} / ${number(n.gatherings.required)}`,
                }))}
              />
            }
            header={[col('network'), col('held'), col('planned'), col('required')]}
            rows={networks.map((n) => [
              n.name,
              number(n.gatherings.held),
              number(n.gatherings.planned),
              number(n.gatherings.required),
            ])}
          />
          <Figure
            id="budget"
            base={BASE}
            query={query}
            title={t('networkInsight.budget.title')}
            sentence={t('networkInsight.budget.sentence', {
              approved: kroner(approved),
              budget: kroner(budget),
              year,
            })}
            chart={
              <Chart
                share
                label={t('networkInsight.budget.aria', { year })}
                rows={networks.map((n) => ({
                  label: n.name,
                  value: n.budget.used,
                  text: pct(n.budget.used),
                }))}
              />
            }
            header={[
              col('network'),
              col('budget'),
              col('source'),
              col('approved'),
              col('submitted'),
              col('used'),
            ]}
            rows={networks.map((n) => [
              n.name,
              kroner(n.budget.budgetOre),
              t(`networkInsight.sources.${n.budget.source}`),
              kroner(n.budget.approvedOre),
              kroner(n.budget.submittedOre),
              pct(n.budget.used),
            ])}
          />
          <Figure
            id="supervision"
            base={BASE}
            query={query}
            title={t('networkInsight.supervision.title')}
            sentence={t('networkInsight.supervision.sentence', {
              onTime: number(networks.reduce((sum, n) => sum + n.supervision.onTime, 0)),
              talks: number(networks.reduce((sum, n) => sum + n.supervision.talks, 0)),
              overdue: networks.filter((n) => n.supervision.overdue).length,
              year,
            })}
            chart={
              <Chart
                share
                label={t('networkInsight.supervision.aria', { year })}
                rows={networks.map((n) => ({
                  label: n.name,
                  value: n.supervision.share,
                  text: pct(n.supervision.share),
                }))}
              />
            }
            header={[
              col('network'),
              col('talks'),
              col('onTime'),
              col('onTimeShare'),
              col('nextDue'),
              col('overdue'),
            ]}
            rows={networks.map((n) => [
              n.name,
              number(n.supervision.talks),
              number(n.supervision.onTime),
              pct(n.supervision.share),
              n.supervision.nextDue,
              n.supervision.overdue ? t('networkInsight.exports.yes') : t('networkInsight.exports.no'),
            ])}
          />
        </div>
      ) : null}
      {data && networks.length > 0 ? (
        <section className="measure" aria-labelledby="budget-set">
          <Heading level={2} data-size="sm" id="budget-set">
            {t('networkInsight.budget.setHeading')}
          </Heading>
          <Paragraph data-size="sm">{t('networkInsight.budget.seedNote')}</Paragraph>
          {networks.map((n) => (
            <BudgetForm
              key={`${n.id}-${year}`}
              network={n}
              year={year}
              onSaved={() => setReload((r) => r + 1)}
            />
          ))}
        </section>
      ) : null}
    </Page>
  );
}

function BudgetForm({
  network,
  year,
  onSaved,
}: {
  network: NetworkFigures;
  year: number;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(
    network.budget.source === 'set' ? String(Math.round(network.budget.budgetOre / 100)) : '',
  );
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const kr = Number(amount.replace(/\s/g, ''));
    if (amount.trim() === '' || !Number.isInteger(kr) || kr < 0 || kr > 10_000_000) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api.put(`/api/network-budgets/${network.id}`, { year, amountKr: kr });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={save} className="form">
      <div className="button-row">
        <Textfield
          label={t('networkInsight.budget.amount', { name: network.name, year })}
          inputMode="numeric"
          value={amount}
          error={invalid ? t('errors.validation.invalid') : undefined}
          onChange={(event) => {
            setAmount(event.target.value);
            setInvalid(false);
          }}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary" loading={busy}>
          {t('networkInsight.budget.save', { name: network.name })}
        </Button>
      </div>
      {saved ? <Notice>{t('networkInsight.budget.saved')}</Notice> : null}
      <ErrorNotice error={error} />
    </form>
  );
}
