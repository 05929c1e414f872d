import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostList } from '../../../features/events/contract.js';
import type { ChoiceInput, ChoiceResult } from '../../../features/matching/contract.js';
import type { NetworkList } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';

type Errors = Partial<Record<'homes' | 'family' | 'name' | 'caseworkers' | 'network', string>>;

/** Step 3: a new network around the chosen resource family, or an existing network to fill. */
export function ChooseNetwork({
  homes,
  family,
  onDone,
}: {
  homes: string[];
  family: string;
  onDone: (result: ChoiceResult) => void;
}) {
  const { t } = useTranslation();
  const hosts = useLoad<HostList>('/api/cafe/hosts');
  const networks = useLoad<NetworkList>('/api/networks');
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [name, setName] = useState('');
  const [caseworkers, setCaseworkers] = useState<string[]>([]);
  const [network, setNetwork] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const check = (): Errors => {
    const found: Errors = {};
    if (homes.length === 0) found.homes = t('matching.needHomes');
    if (mode === 'new') {
      if (!family) found.family = t('matching.needResourceFamily');
      if (!name.trim()) found.name = t('matching.needName');
      if (caseworkers.length === 0) found.caseworkers = t('matching.needCaseworker');
    } else if (!network) found.network = t('matching.needNetwork');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`choice-${first}`)?.focus();
      return;
    }
    const input: ChoiceInput =
      mode === 'new'
        ? {
            name: name.trim(),
            resourceFamilyHouseholdId: family,
            caseworkerUserIds: caseworkers,
            householdIds: homes,
          }
        : { networkId: network, householdIds: homes };
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.post<ChoiceResult>('/api/matching/choice', input));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="form matching-choose" aria-labelledby="matching-choose">
      <Heading level={3} data-size="xs" id="matching-choose">
        {t('matching.chooseHeading')}
      </Heading>
      {errors.homes ? <Notice kind="warning">{errors.homes}</Notice> : null}
      {errors.family ? <Notice kind="warning">{errors.family}</Notice> : null}
      <Fieldset>
        <Fieldset.Legend className="matching-sr">{t('matching.chooseHeading')}</Fieldset.Legend>
        <Radio
          name="matching-mode"
          label={t('matching.newNetwork')}
          value="new"
          checked={mode === 'new'}
          onChange={() => setMode('new')}
        />
        <Radio
          name="matching-mode"
          label={t('matching.existingNetwork')}
          value="existing"
          checked={mode === 'existing'}
          onChange={() => setMode('existing')}
        />
      </Fieldset>
      {mode === 'new' ? (
        <>
          <Textfield
            id="choice-name"
            label={t('matching.networkName')}
            value={name}
            maxLength={100}
            autoComplete="off"
            error={errors.name}
            onChange={(event) => setName(event.target.value)}
          />
          <Fieldset>
            <Fieldset.Legend>{t('matching.caseworkers')}</Fieldset.Legend>
            {hosts.data?.hosts.map((host, index) => (
              <Checkbox
                key={host.id}
                id={index === 0 ? 'choice-caseworkers' : undefined}
                label={`${host.firstName} ${host.lastName}`}
                value={host.id}
                checked={caseworkers.includes(host.id)}
                aria-invalid={errors.caseworkers ? true : undefined}
                onChange={(event) =>
                  setCaseworkers((current) =>
                    event.target.checked
                      ? [...current, host.id].slice(-2)
                      : current.filter((id) => id !== host.id),
                  )
                }
              />
            ))}
            {errors.caseworkers ? <ValidationMessage>{errors.caseworkers}</ValidationMessage> : null}
          </Fieldset>
        </>
      ) : (
        <Field>
          <Label>{t('matching.network')}</Label>
          <Select
            id="choice-network"
            value={network}
            aria-invalid={errors.network ? true : undefined}
            onChange={(event) => setNetwork(event.target.value)}
          >
            <Select.Option value="">{t('networks.form.choose')}</Select.Option>
            {networks.data?.networks.map((n) => (
              <Select.Option key={n.id} value={n.id}>
                {n.name}
              </Select.Option>
            ))}
          </Select>
          {errors.network ? <ValidationMessage>{errors.network}</ValidationMessage> : null}
        </Field>
      )}
      <ErrorNotice error={error ?? hosts.error ?? networks.error} />
      <div className="button-row">
        <Button type="submit" loading={busy}>
          {mode === 'new' ? t('matching.create') : t('matching.fill')}
        </Button>
      </div>
    </form>
  );
}
