import { Button, Card, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type {
  HousingStatus,
  HousingUnitDetail,
  HousingUnitList,
} from '../../../features/housing/contract.js';
import { api } from '../../shared/api.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { useSave } from '../my-network/use-save.js';
import { emptyUnitForm, UnitFields, type UnitForm, unitInput, unitProblems } from './UnitFields.js';
import './housing.css';

/** Ready is what the team looks for first; searching and ended are quieter. */
export const STATUS_COLOUR: Record<HousingStatus, 'success' | 'info' | 'warning' | 'neutral'> = {
  searching: 'warning',
  offered: 'info',
  approved: 'info',
  furnished: 'success',
  occupied: 'neutral',
  ending: 'warning',
  ended: 'neutral',
};

/** The family homes without a unit named in the summary; the rest are counted. */
const NAMES_SHOWN = 5;

/** /familiehjem/boliger: at a glance what is ready and what is missing, then every unit, and a form for a new one. */
export function HousingPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useLoad<HousingUnitList>('/api/housing-units');

  return (
    <Page title={t('housing.title')}>
      <Paragraph className="measure">{t('housing.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <section aria-labelledby="housing-summary" className="stack">
            <Heading level={2} data-size="sm" id="housing-summary">
              {t('housing.summary.heading')}
            </Heading>
            <ul className="housing-summary">
              <li>
                <Card data-color="success" className="housing-summary__card">
                  <span className="housing-summary__number">{data.summary.ready}</span>
                  <span>{t('housing.summary.ready')}</span>
                  <span className="housing-muted">{t('housing.summary.readyHint')}</span>
                </Card>
              </li>
              <li>
                <Card data-color="warning" className="housing-summary__card">
                  <span className="housing-summary__number">{data.summary.searching}</span>
                  <span>{t('housing.summary.searching')}</span>
                </Card>
              </li>
              <li>
                <Card
                  data-color={data.summary.homesWithoutUnit.length > 0 ? 'danger' : 'neutral'}
                  className="housing-summary__card"
                >
                  <span className="housing-summary__number">{data.summary.homesWithoutUnit.length}</span>
                  <span>{t('housing.summary.homesWithout')}</span>
                  {data.summary.homesWithoutUnit.length === 0 ? (
                    <span className="housing-muted">{t('housing.summary.allHoused')}</span>
                  ) : (
                    <ul className="housing-names">
                      {data.summary.homesWithoutUnit.slice(0, NAMES_SHOWN).map((home) => (
                        <li key={home.id}>
                          <Link asChild>
                            <RouterLink to={`/familiehjem/${home.id}`}>{home.name}</RouterLink>
                          </Link>
                        </li>
                      ))}
                      {data.summary.homesWithoutUnit.length > NAMES_SHOWN ? (
                        <li>
                          {t('housing.summary.more', {
                            count: data.summary.homesWithoutUnit.length - NAMES_SHOWN,
                          })}
                        </li>
                      ) : null}
                    </ul>
                  )}
                </Card>
              </li>
            </ul>
          </section>
          <section aria-labelledby="housing-list" className="stack">
            <Heading level={2} data-size="sm" id="housing-list">
              {t('housing.list.heading')}
            </Heading>
            {data.units.length === 0 ? <Paragraph>{t('housing.list.empty')}</Paragraph> : null}
            <ul className="housing-list">
              {data.units.map((unit) => (
                <li key={unit.id}>
                  <Card className="housing-card">
                    <Heading level={3} data-size="2xs">
                      <Link asChild>
                        <RouterLink to={unit.id}>
                          {unit.address.line ?? t('housing.list.noAddress')}
                        </RouterLink>
                      </Link>
                    </Heading>
                    <div>
                      <Tag data-color={STATUS_COLOUR[unit.status]}>
                        {t('housing.list.since', {
                          status: t(`housing.statuses.${unit.status}`),
                          date: shortDate(unit.statusOn, i18n.language),
                        })}
                      </Tag>
                    </div>
                    <ul className="housing-facts">
                      {unit.address.postcode ? (
                        <li>{[unit.address.postcode, unit.address.place].filter(Boolean).join(' ')}</li>
                      ) : null}
                      {unit.rooms ? <li>{t('housing.list.rooms', { count: unit.rooms })}</li> : null}
                      {unit.areaM2 ? <li>{t('housing.list.area', { area: unit.areaM2 })}</li> : null}
                      {unit.owner ? <li>{t('housing.list.owner', { owner: unit.owner })}</li> : null}
                      {unit.familyHome ? (
                        <li>{t('housing.list.livesHere', { name: unit.familyHome.name })}</li>
                      ) : null}
                    </ul>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
          <NewUnit />
        </>
      ) : null}
    </Page>
  );
}

function NewUnit() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<UnitForm>(emptyUnitForm);
  const [problems, setProblems] = useState<ReturnType<typeof unitProblems>>({});
  const { busy, error, begin, save } = useSave();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = unitProblems(form);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`new-unit-${first}`)?.focus();
      return;
    }
    if (!begin()) return;
    await save(async () => {
      const created = await api.post<HousingUnitDetail>('/api/housing-units', unitInput(form));
      navigate(created.unit.id, { state: { notice: 'created' } });
    });
  };

  return (
    <section aria-labelledby="new-unit-heading" className="stack">
      <Heading level={2} data-size="sm" id="new-unit-heading">
        {t('housing.new.heading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form housing-form">
        <UnitFields id="new-unit" form={form} onChange={setForm} problems={problems} />
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('housing.new.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
