import { Button, Fieldset, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { KsRates } from '../../../features/agreements/contract.js';
import { api } from '../../shared/api.js';
import { FormFoot } from '../../shared/FormFoot.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { oreOf } from '../networks/format.js';
import './agreements.css';

interface Row {
  year: string;
  amount: string;
}

const amountText = (ore: number) => (ore / 100).toFixed(ore % 100 === 0 ? 0 : 2).replace('.', ',');

/** The row's problem, if any: a year outside 2000–2100 or given twice, or no amount. */
function problemOf(rows: Row[], index: number): 'year' | 'twice' | 'amount' | undefined {
  const row = rows[index] as Row;
  const year = Number(row.year);
  if (!/^\d{4}$/.test(row.year.trim()) || year < 2000 || year > 2100) return 'year';
  if (rows.findIndex((r) => r.year.trim() === row.year.trim()) !== index) return 'twice';
  return oreOf(row.amount) === undefined ? 'amount' : undefined;
}

/** /nettverk/ks-satser: the KS rate per year (kroner per month) the agreements are paid in. */
export function KsRatesPage() {
  const { t } = useTranslation();
  const { data, error } = useLoad<KsRates>('/api/ks-rates');
  const [rows, setRows] = useState<Row[]>([]);
  const [checked, setChecked] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (data) setRows(data.rates.map((r) => ({ year: String(r.year), amount: amountText(r.amountOre) })));
  }, [data]);

  const problems = rows.map((_, index) => problemOf(rows, index));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setChecked(true);
    setSaved(false);
    const first = problems.findIndex(Boolean);
    if (first >= 0) {
      document.getElementById(`ks-${problems[first] === 'amount' ? 'amount' : 'year'}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setSaveError(undefined);
    try {
      const answer = await api.put<KsRates>('/api/ks-rates', {
        rates: rows.map((r) => ({ year: Number(r.year), amountOre: oreOf(r.amount) as number })),
      } satisfies KsRates);
      setRows(answer.rates.map((r) => ({ year: String(r.year), amount: amountText(r.amountOre) })));
      setSaved(true);
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  const change = (index: number, key: keyof Row, value: string) => {
    setSaved(false);
    setRows((all) => all.map((row, at) => (at === index ? { ...row, [key]: value } : row)));
  };

  return (
    <Page title={t('agreements.ksRates.title')}>
      <Paragraph className="measure">{t('agreements.ksRates.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {!data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <form noValidate onSubmit={submit} className="form">
          <Fieldset>
            <Fieldset.Legend>{t('agreements.ksRates.legend')}</Fieldset.Legend>
            {rows.length === 0 ? <Paragraph>{t('agreements.ksRates.empty')}</Paragraph> : null}
            <ol className="ks-rates">
              {rows.map((row, index) => {
                const problem = checked ? problems[index] : undefined;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list while it is typed
                  <li key={index}>
                    <Textfield
                      id={`ks-year-${index}`}
                      label={t('agreements.ksRates.year')}
                      inputMode="numeric"
                      value={row.year}
                      error={
                        problem === 'year' || problem === 'twice'
                          ? t(problem === 'year' ? 'agreements.ksRates.badYear' : 'agreements.ksRates.twice')
                          : undefined
                      }
                      onChange={(event) => change(index, 'year', event.target.value)}
                      autoComplete="off"
                    />
                    <Textfield
                      id={`ks-amount-${index}`}
                      label={t('agreements.ksRates.amount')}
                      inputMode="decimal"
                      value={row.amount}
                      error={problem === 'amount' ? t('agreements.ksRates.badAmount') : undefined}
                      onChange={(event) => change(index, 'amount', event.target.value)}
                      autoComplete="off"
                    />
                    <Button
                      data-size="sm"
                      variant="tertiary"
                      data-color="danger"
                      onClick={() => setRows((all) => all.filter((_, at) => at !== index))}
                      aria-label={t('agreements.ksRates.removeOne', { year: row.year || index + 1 })}
                    >
                      {t('agreements.ksRates.remove')}
                    </Button>
                  </li>
                );
              })}
            </ol>
            <div className="button-row">
              <Button
                data-size="sm"
                variant="secondary"
                onClick={() => {
                  const last = Number(rows[rows.length - 1]?.year);
                  const year = Number.isInteger(last) && last > 0 ? last + 1 : new Date().getFullYear();
                  setRows((all) => [...all, { year: String(year), amount: '' }]);
                  setTimeout(() => document.getElementById(`ks-amount-${rows.length}`)?.focus(), 0);
                }}
              >
                {t('agreements.ksRates.add')}
              </Button>
            </div>
          </Fieldset>
          <FormFoot
            saved={saved ? t('agreements.ksRates.saved') : undefined}
            error={saveError}
            busy={busy}
            label={t('common.save')}
          />
        </form>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk">{t('networks.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
