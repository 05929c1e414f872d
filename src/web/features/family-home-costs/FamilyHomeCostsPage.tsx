import {
  Button,
  Card,
  Details,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { CostComparison, CostSettingsInput } from '../../../features/family-home-costs/contract.js';
import { useUser } from '../../app/session.js';
import { api } from '../../shared/api.js';
import { Chart } from '../../shared/Chart.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import { useSave } from '../my-network/use-save.js';
import './family-home-costs.css';

/** /familiehjem/kostnader: cost per youth per year of each arrangement, as a chart, a table and downloads; the unit costs below. */
export function FamilyHomeCostsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const locale = intlLocale(i18n.language);
  const narrow = useMediaQuery(NARROW);
  const thisYear = Number(todayInOslo().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, loading, setData } = useLoad<CostComparison>(`/api/family-home-costs?year=${year}`);
  const mayEdit = user.permissions.includes('reports:read');
  const nok = (amount: number) =>
    t('familyHomeCosts.nok', {
      amount: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount),
    });
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i);
  const name = (arrangement: string) => t(`familyHomeCosts.arrangements.${arrangement}`);
  const perYouth = (arrangement: string) =>
    data?.arrangements.find((a) => a.arrangement === arrangement)?.perYouthNok ?? 0;
  const percent = (part: number, whole: number) =>
    whole > 0
      ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format((part / whole) * 100)} %`
      : '–';
  const s = data?.settings;
  const how = (arrangement: string) =>
    s && arrangement === 'family_home'
      ? t('familyHomeCosts.how.family_home', {
          home: nok(s.familyHomeNok),
          share: nok(s.counsellorShareNok),
          youths: new Intl.NumberFormat(locale).format(s.youthsPerHome),
        })
      : t(`familyHomeCosts.how.${arrangement}`);
  const query = `?year=${year}`;

  return (
    <Page title={t('familyHomeCosts.title')} heading={t('familyHomeCosts.heading')}>
      <Paragraph className="measure">{t('familyHomeCosts.intro')}</Paragraph>
      <Field className="costs-year">
        <Label htmlFor="costs-year">{t('familyHomeCosts.year')}</Label>
        <Select
          id="costs-year"
          value={String(year)}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data && !s ? <Paragraph>{t('familyHomeCosts.none', { year: data.year })}</Paragraph> : null}
      {data && s ? (
        <>
          {s.example ? <Notice kind="warning">{t('familyHomeCosts.example')}</Notice> : null}
          {s.year !== data.year ? (
            <Paragraph>{t('familyHomeCosts.carried', { from: s.year, year: data.year })}</Paragraph>
          ) : null}
          <Card className="costs-card" data-color="neutral">
            <figure className="costs-figure" aria-labelledby="costs-figure-title">
              <figcaption>
                <Heading level={2} data-size="xs" id="costs-figure-title">
                  {t('familyHomeCosts.heading')} {data.year}
                </Heading>
                <Paragraph data-size="sm">
                  {t('familyHomeCosts.sentence', {
                    familyHome: nok(perYouth('family_home')),
                    groupShare: percent(perYouth('family_home'), perYouth('group_home')),
                    institutionShare: percent(perYouth('family_home'), perYouth('institution')),
                  })}
                </Paragraph>
              </figcaption>
              <Chart
                label={t('familyHomeCosts.chartLabel', {
                  summary: data.arrangements
                    .map((a) => `${name(a.arrangement)} ${nok(a.perYouthNok)}`)
                    .join(', '),
                })}
                rows={data.arrangements.map((a) => ({
                  label: name(a.arrangement),
                  value: a.perYouthNok / 1_000_000,
                  // On a phone the amounts do not fit beside the bars: the sentence and the table have them.
                  text: narrow ? '' : nok(a.perYouthNok),
                }))}
              />
              <Paragraph data-size="xs" className="costs-axis">
                {t('familyHomeCosts.axis')}
              </Paragraph>
              <Details>
                <Details.Summary>{t('familyHomeCosts.showTable')}</Details.Summary>
                <Details.Content>
                  <ScrollTable label={t('familyHomeCosts.heading')}>
                    <Table data-size="sm" zebra>
                      <caption className="costs-sr">{t('familyHomeCosts.heading')}</caption>
                      <Table.Head>
                        <Table.Row>
                          <Table.HeaderCell>{t('familyHomeCosts.columns.arrangement')}</Table.HeaderCell>
                          <Table.HeaderCell>{t('familyHomeCosts.columns.perYouth')}</Table.HeaderCell>
                          <Table.HeaderCell>{t('familyHomeCosts.columns.how')}</Table.HeaderCell>
                        </Table.Row>
                      </Table.Head>
                      <Table.Body>
                        {data.arrangements.map((a) => (
                          <Table.Row key={a.arrangement}>
                            <Table.HeaderCell scope="row">{name(a.arrangement)}</Table.HeaderCell>
                            <Table.Cell className="nowrap">{nok(a.perYouthNok)}</Table.Cell>
                            <Table.Cell>{how(a.arrangement)}</Table.Cell>
                          </Table.Row>
                        ))}
                      </Table.Body>
                    </Table>
                  </ScrollTable>
                </Details.Content>
              </Details>
              <p className="costs-downloads">
                <Link href={`/api/family-home-costs.xlsx${query}`} download>
                  {t('familyHomeCosts.downloadXlsx')}
                </Link>
                <Link href={`/api/family-home-costs.csv${query}`} download>
                  {t('familyHomeCosts.downloadCsv')}
                </Link>
              </p>
            </figure>
          </Card>
        </>
      ) : null}
      <section aria-labelledby="costs-how" className="costs-section">
        <Heading level={2} data-size="sm" id="costs-how">
          {t('familyHomeCosts.howHeading')}
        </Heading>
        <Paragraph className="measure">{t('familyHomeCosts.howText')}</Paragraph>
      </section>
      {data && mayEdit ? (
        <SettingsForm key={`${data.year}-${s?.year ?? 'none'}`} comparison={data} onSaved={setData} />
      ) : null}
    </Page>
  );
}

type Fields = Record<
  'familyHomeNok' | 'counsellorShareNok' | 'youthsPerHome' | 'groupHomePlaceNok' | 'institutionPlaceNok',
  string
>;
const NOK_FIELDS = [
  'familyHomeNok',
  'counsellorShareNok',
  'groupHomePlaceNok',
  'institutionPlaceNok',
] as const;

/** The unit costs of the year shown (starting from those that apply to it), for the team leader. */
function SettingsForm({
  comparison,
  onSaved,
}: {
  comparison: CostComparison;
  onSaved: (c: CostComparison) => void;
}) {
  const { t, i18n } = useTranslation();
  const s = comparison.settings;
  const [fields, setFields] = useState<Fields>(() => ({
    familyHomeNok: s ? String(s.familyHomeNok) : '',
    counsellorShareNok: s ? String(s.counsellorShareNok) : '',
    youthsPerHome: s ? String(s.youthsPerHome).replace('.', i18n.language === 'en' ? '.' : ',') : '',
    groupHomePlaceNok: s ? String(s.groupHomePlaceNok) : '',
    institutionPlaceNok: s ? String(s.institutionPlaceNok) : '',
  }));
  const [problems, setProblems] = useState<Partial<Record<keyof Fields, string>>>({});
  const [saved, setSaved] = useState('');
  const { busy, error, begin, save } = useSave();
  const whole = (value: string) => Number(value.replace(/[\s\u00a0.]/g, ''));
  const decimal = (value: string) => Number(value.trim().replace(',', '.'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<keyof Fields, string>> = {};
    for (const key of NOK_FIELDS) {
      const n = whole(fields[key]);
      if (fields[key].trim() === '' || !Number.isInteger(n) || n < 0 || n > 100_000_000) {
        found[key] = t('familyHomeCosts.settings.invalid');
      }
    }
    const youths = decimal(fields.youthsPerHome);
    if (fields.youthsPerHome.trim() === '' || !(youths >= 1 && youths <= 6)) {
      found.youthsPerHome = t('familyHomeCosts.settings.invalidYouths');
    }
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`costs-${first}`)?.focus();
      return;
    }
    if (!begin()) return;
    const input: CostSettingsInput = {
      year: comparison.year,
      familyHomeNok: whole(fields.familyHomeNok),
      counsellorShareNok: whole(fields.counsellorShareNok),
      youthsPerHome: youths,
      groupHomePlaceNok: whole(fields.groupHomePlaceNok),
      institutionPlaceNok: whole(fields.institutionPlaceNok),
    };
    await save(async () => {
      onSaved(await api.put<CostComparison>('/api/family-home-costs', input));
      setSaved(t('familyHomeCosts.settings.saved', { year: comparison.year }));
    });
  };

  const field = (key: keyof Fields, hint?: string) => (
    <Textfield
      id={`costs-${key}`}
      label={t(`familyHomeCosts.settings.${key}`)}
      description={hint}
      inputMode={key === 'youthsPerHome' ? 'decimal' : 'numeric'}
      value={fields[key]}
      error={problems[key]}
      onChange={(event) => {
        setFields({ ...fields, [key]: event.target.value });
        setProblems({ ...problems, [key]: undefined });
      }}
      autoComplete="off"
    />
  );

  return (
    <section aria-labelledby="costs-settings" className="costs-section">
      <Heading level={2} data-size="sm" id="costs-settings">
        {t('familyHomeCosts.settings.heading', { year: comparison.year })}
      </Heading>
      <Paragraph className="measure">{t('familyHomeCosts.settings.intro')}</Paragraph>
      <form noValidate onSubmit={submit} className="form costs-form">
        {field('familyHomeNok', t('familyHomeCosts.settings.familyHomeHint'))}
        {field('counsellorShareNok', t('familyHomeCosts.settings.counsellorHint'))}
        {field('youthsPerHome', t('familyHomeCosts.settings.youthsHint'))}
        {field('groupHomePlaceNok')}
        {field('institutionPlaceNok')}
        {saved ? <Notice>{saved}</Notice> : null}
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('familyHomeCosts.settings.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
