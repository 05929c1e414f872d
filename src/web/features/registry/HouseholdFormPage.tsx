import { Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { HouseholdView } from '../../../features/registry/contract.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { emptyForm, formFromHousehold } from './form-state.js';
import { householdName, newId } from './format.js';
import { HouseholdMissing, isMissing } from './HouseholdPage.js';
import './registry.css';
import { useLoad } from '../../shared/use-load.js';
import { HouseholdFormView } from './HouseholdForm.js';

/** /register/ny: a new household. Its id is made here, once, so a second click cannot make a second household. */
export function NewHouseholdPage() {
  const { t } = useTranslation();
  const [id] = useState(newId);
  const [form] = useState(emptyForm);
  return <HouseholdFormView title={t('registry.form.newTitle')} id={id} initial={form} initialPlace="" />;
}

/** /register/:householdId/rediger */
export function EditHouseholdPage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const {
    data: household,
    error,
    setData: setHousehold,
    load,
  } = useLoad<HouseholdView>(`/api/households/${encodeURIComponent(householdId)}`);
  const [loads, setLoads] = useState(0);

  if (isMissing(error)) return <HouseholdMissing />;
  if (!household) {
    return (
      <Page title={t('registry.form.editTitleLoading')}>
        <ErrorNotice error={error} />
        {error ? null : <Spinner aria-label={t('app.loading')} />}
      </Page>
    );
  }
  const name = householdName(household.adults, t('registry.and'));
  return (
    <HouseholdFormView
      // A reload after a conflict starts the form again from what is saved now.
      key={`${household.id}:${household.version}:${loads}`}
      title={t('registry.form.editTitle', { name })}
      id={household.id}
      version={household.version}
      initial={formFromHousehold(household)}
      initialPlace={household.address.place ?? ''}
      tableMinutes={household.travelSource === 'postcode_table' ? household.travelMinutes : null}
      onReload={() => {
        setHousehold(undefined);
        setLoads((count) => count + 1);
        load();
      }}
    />
  );
}
