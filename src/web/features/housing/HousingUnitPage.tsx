import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type {
  HousingStatus,
  HousingStatusChange,
  HousingUnitDetail,
  HousingUnitList,
  HousingUnitUpdate,
  HousingUnitView,
} from '../../../features/housing/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { ScrollTable } from '../../shared/ScrollTable.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { STATUS_COLOUR } from './HousingPage.js';
import { UnitFields, type UnitForm, unitInput, unitProblems } from './UnitFields.js';
import './housing.css';

const formOf = (unit: HousingUnitView): UnitForm => ({
  line: unit.address.line ?? '',
  postcode: unit.address.postcode ?? '',
  rooms: unit.rooms === null ? '' : String(unit.rooms),
  areaM2: unit.areaM2 === null ? '' : String(unit.areaM2),
  owner: unit.owner ?? '',
});

/** /familiehjem/boliger/:unitId: the unit's status and how to move it on, its facts, its history. */
export function HousingUnitPage() {
  const { t, i18n } = useTranslation();
  const { unitId = '' } = useParams();
  const location = useLocation();
  const { data, error, loading, setData } = useLoad<HousingUnitDetail>(`/api/housing-units/${unitId}`);
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  // The sections start afresh from each saved version (their keys), so what was saved is said here.
  const [notice, setNotice] = useState('');
  const saved = (detail: HousingUnitDetail, message: string) => {
    setData(detail);
    setNotice(message);
  };
  const title = data ? (data.unit.address.line ?? t('housing.list.noAddress')) : t('housing.title');

  return (
    <Page title={title}>
      <p>
        <Link asChild>
          <RouterLink to="/familiehjem/boliger">{t('housing.detail.back')}</RouterLink>
        </Link>
      </p>
      {created && !notice ? <Notice>{t('housing.new.created')}</Notice> : null}
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <p>
            <Tag data-color={STATUS_COLOUR[data.unit.status]}>
              {t('housing.detail.statusNow', {
                status: t(`housing.statuses.${data.unit.status}`),
                date: shortDate(data.unit.statusOn, i18n.language),
              })}
            </Tag>
          </p>
          {data.unit.familyHome ? (
            <Paragraph>
              <Link asChild>
                <RouterLink to={`/familiehjem/${data.unit.familyHome.id}`}>
                  {t('housing.list.livesHere', { name: data.unit.familyHome.name })}
                </RouterLink>
              </Link>
            </Paragraph>
          ) : null}
          {notice ? <Notice>{notice}</Notice> : null}
          <StatusSection key={`status-${data.unit.version}`} unit={data.unit} onSaved={saved} />
          <FactsSection key={`facts-${data.unit.version}`} unit={data.unit} onSaved={saved} />
          <section aria-labelledby="history-heading" className="housing-section">
            <Heading level={2} data-size="sm" id="history-heading">
              {t('housing.history.heading')}
            </Heading>
            <ScrollTable label={t('housing.history.heading')}>
              <Table data-size="sm" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('housing.history.on')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housing.history.change')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housing.history.familyHome')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('housing.history.by')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.history.map((change) => (
                    <Table.Row key={change.at + change.to}>
                      <Table.Cell className="nowrap">{shortDate(change.on, i18n.language)}</Table.Cell>
                      <Table.Cell>
                        {change.from
                          ? t('housing.history.moved', {
                              from: t(`housing.statuses.${change.from}`),
                              to: t(`housing.statuses.${change.to}`),
                            })
                          : t('housing.history.created', { to: t(`housing.statuses.${change.to}`) })}
                      </Table.Cell>
                      <Table.Cell>{change.familyHome?.name ?? '–'}</Table.Cell>
                      <Table.Cell>
                        <span title={formatDateTime(change.at, i18n.language)}>
                          {change.by ?? t('housing.history.system')}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollTable>
          </section>
        </>
      ) : null}
    </Page>
  );
}

/** «Endre status»: the statuses the unit may go to, the day, and the family home when it moves in. */
type OnSaved = (detail: HousingUnitDetail, message: string) => void;

function StatusSection({ unit, onSaved }: { unit: HousingUnitView; onSaved: OnSaved }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<HousingStatus | ''>(unit.nextStatuses[0] ?? '');
  const [on, setOn] = useState(() => todayInOslo());
  const [home, setHome] = useState('');
  const [homeProblem, setHomeProblem] = useState(false);
  const { busy, error, begin, save } = useSave();
  const movingIn = to === 'occupied' && unit.status !== 'ending';
  const homes = useLoad<HousingUnitList>(movingIn ? '/api/housing-units' : null);

  if (unit.nextStatuses.length === 0) {
    return <Paragraph>{t('housing.status.none')}</Paragraph>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!to) return;
    if (movingIn && !home) {
      setHomeProblem(true);
      document.getElementById('status-home')?.focus();
      return;
    }
    if (!begin()) return;
    const change: HousingStatusChange = {
      status: to,
      on,
      householdId: movingIn ? home : null,
      version: unit.version,
    };
    await save(async () => {
      const after = await api.post<HousingUnitDetail>(`/api/housing-units/${unit.id}/status`, change);
      onSaved(after, t('housing.status.moved', { status: t(`housing.statuses.${after.unit.status}`) }));
    });
  };

  return (
    <section aria-labelledby="status-heading" className="housing-section">
      <Heading level={2} data-size="sm" id="status-heading">
        {t('housing.status.heading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form housing-form">
        <Field>
          <Label htmlFor="status-to">{t('housing.status.to')}</Label>
          <Select id="status-to" value={to} onChange={(event) => setTo(event.target.value as HousingStatus)}>
            {unit.nextStatuses.map((status) => (
              <Select.Option key={status} value={status}>
                {t(`housing.statuses.${status}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {movingIn ? (
          <Field>
            <Label htmlFor="status-home">{t('housing.status.familyHome')}</Label>
            <Select
              id="status-home"
              value={home}
              aria-invalid={homeProblem ? true : undefined}
              aria-describedby={homeProblem ? 'status-home-error' : undefined}
              onChange={(event) => {
                setHome(event.target.value);
                setHomeProblem(false);
              }}
            >
              <Select.Option value="">{t('housing.status.choose')}</Select.Option>
              {(homes.data?.familyHomes ?? [])
                .filter((h) => h.unitId === null)
                .map((h) => (
                  <Select.Option key={h.id} value={h.id}>
                    {h.name}
                  </Select.Option>
                ))}
            </Select>
            {homeProblem ? (
              <p id="status-home-error" className="housing-error">
                {t('housing.status.errors.familyHome')}
              </p>
            ) : null}
          </Field>
        ) : null}
        <Textfield
          id="status-on"
          type="date"
          label={t('housing.status.on')}
          value={on}
          max={todayInOslo()}
          min={unit.statusOn}
          onChange={(event) => setOn(event.target.value)}
        />
        <ErrorNotice error={error ?? homes.error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('housing.status.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** «Om boligen»: the facts, saved on the version read. */
function FactsSection({ unit, onSaved }: { unit: HousingUnitView; onSaved: OnSaved }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<UnitForm>(() => formOf(unit));
  const [problems, setProblems] = useState<ReturnType<typeof unitProblems>>({});
  const { busy, error, begin, save } = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = unitProblems(form);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`unit-${first}`)?.focus();
      return;
    }
    if (!begin()) return;
    const body: HousingUnitUpdate = { ...unitInput(form), version: unit.version };
    await save(async () => {
      onSaved(
        await api.put<HousingUnitDetail>(`/api/housing-units/${unit.id}`, body),
        t('housing.detail.saved'),
      );
    });
  };

  return (
    <section aria-labelledby="facts-heading" className="housing-section">
      <Heading level={2} data-size="sm" id="facts-heading">
        {t('housing.detail.facts')}
      </Heading>
      <form noValidate onSubmit={submit} className="form housing-form">
        <UnitFields id="unit" form={form} onChange={setForm} problems={problems} />
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('housing.detail.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
