import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { HostList } from '../../../features/events/contract.js';
import type { NetworkInput, NetworkView } from '../../../features/networks/contract.js';
import type { HouseholdList } from '../../../features/registry/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './networks.css';

type Errors = Partial<Record<'name' | 'family' | 'caseworkers' | 'partner', string>>;

/** /nettverk/ny: a network — its name, the resource family, the two caseworkers, a partner municipality (by its number). */
export function NewNetworkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const families = useLoad<HouseholdList>('/api/households?kind=resource_family&limit=200');
  const hosts = useLoad<HostList>('/api/cafe/hosts');
  const [name, setName] = useState('');
  const [family, setFamily] = useState('');
  const [caseworkers, setCaseworkers] = useState<string[]>([]);
  const [partner, setPartner] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const check = (): Errors => {
    const found: Errors = {};
    if (!name.trim()) found.name = t('networks.form.errors.name');
    if (!family) found.family = t('networks.form.errors.family');
    if (caseworkers.length === 0 || caseworkers.length > 2)
      found.caseworkers = t('networks.form.errors.caseworkers');
    if (partner.trim() && !/^\d{4}$/.test(partner.trim())) found.partner = t('networks.form.errors.partner');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`network-${first}`)?.focus();
      return;
    }
    const input: NetworkInput = {
      name: name.trim(),
      resourceFamilyHouseholdId: family,
      caseworkerUserIds: caseworkers,
      partnerMunicipalityNumber: partner.trim() || null,
    };
    busyRef.current = true;
    setBusy(true);
    try {
      const created = await api.post<NetworkView>('/api/networks', input);
      navigate(`/nettverk/${created.id}`, { state: { notice: 'created' } });
    } catch (caught) {
      const partnerRule = partnerProblem(caught);
      if (partnerRule) {
        setErrors({
          partner:
            partnerRule === 'own'
              ? t('networks.form.errors.partner_own')
              : t('networks.form.errors.partner_unknown'),
        });
        document.getElementById('network-partner')?.focus();
      } else setError(caught);
      busyRef.current = false;
      setBusy(false);
    }
  };

  const loading = !families.data || !hosts.data;
  const loadError = families.error ?? hosts.error;

  return (
    <Page title={t('networks.form.title')}>
      <Paragraph className="measure">{t('networks.form.intro')}</Paragraph>
      <ErrorNotice error={loadError} />
      {loading && !loadError ? <Spinner aria-label={t('app.loading')} /> : null}
      {loading ? null : (
        <form noValidate onSubmit={submit} className="form">
          <Textfield
            id="network-name"
            label={t('networks.form.name')}
            description={t('networks.form.nameHint')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setErrors((current) => ({ ...current, name: undefined }));
            }}
            error={errors.name}
            maxLength={100}
            autoComplete="off"
          />
          <Field>
            <Label>{t('networks.form.family')}</Label>
            <Field.Description>{t('networks.form.familyHint')}</Field.Description>
            <Select
              id="network-family"
              value={family}
              aria-invalid={errors.family ? true : undefined}
              onChange={(event) => {
                setFamily(event.target.value);
                setErrors((current) => ({ ...current, family: undefined }));
              }}
            >
              <Select.Option value="">{t('networks.form.choose')}</Select.Option>
              {families.data?.households.map((household) => (
                <Select.Option key={household.id} value={household.id}>
                  {household.place ? `${household.name}, ${household.place}` : household.name}
                </Select.Option>
              ))}
            </Select>
            {errors.family ? <ValidationMessage>{errors.family}</ValidationMessage> : null}
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t('networks.form.caseworkers')}</Fieldset.Legend>
            <Fieldset.Description>{t('networks.form.caseworkersHint')}</Fieldset.Description>
            {hosts.data?.hosts.map((host, index) => (
              <Checkbox
                key={host.id}
                id={index === 0 ? 'network-caseworkers' : undefined}
                label={`${host.firstName} ${host.lastName}`}
                value={host.id}
                checked={caseworkers.includes(host.id)}
                aria-invalid={errors.caseworkers ? true : undefined}
                onChange={(event) => {
                  setCaseworkers((current) =>
                    event.target.checked ? [...current, host.id] : current.filter((id) => id !== host.id),
                  );
                  setErrors((current) => ({ ...current, caseworkers: undefined }));
                }}
              />
            ))}
            {errors.caseworkers ? <ValidationMessage>{errors.caseworkers}</ValidationMessage> : null}
          </Fieldset>
          <Textfield
            id="network-partner"
            label={t('networks.form.partner')}
            description={t('networks.form.partnerHint')}
            inputMode="numeric"
            maxLength={4}
            value={partner}
            onChange={(event) => {
              setPartner(event.target.value);
              setErrors((current) => ({ ...current, partner: undefined }));
            }}
            error={errors.partner}
            autoComplete="off"
          />
          <ErrorNotice error={error} />
          <div className="button-row">
            <Button type="submit" loading={busy}>
              {t('networks.form.create')}
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to="/nettverk">{t('common.cancel')}</RouterLink>
            </Button>
          </div>
        </form>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/nettverk">{t('networks.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

/** The server's word on the partner's number: no such municipality, or our own. */
function partnerProblem(error: unknown): 'unknown' | 'own' | undefined {
  if (!(error instanceof ApiError) || error.code !== 'validation.invalid' || !Array.isArray(error.details))
    return undefined;
  const detail = (error.details as { field?: string; rule?: string }[]).find((d) =>
    d.field?.endsWith('partnerMunicipalityNumber'),
  );
  if (!detail) return undefined;
  return detail.rule === 'own' ? 'own' : 'unknown';
}
