import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';

/**
 * Gives a resource-family account this network (an account invited under Users whose e-mail is not
 * the household's); an account has one network, so linking it here moves it.
 */
export function ResourceFamilyUsers({
  network,
  onLinked,
}: {
  network: NetworkView;
  onLinked: (email: string) => void;
}) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (network.resourceFamilyCandidates.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = network.resourceFamilyCandidates.find((candidate) => candidate.id === userId);
    if (busy || !chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post<NetworkView>(`/api/networks/${encodeURIComponent(network.id)}/resource-family-users`, {
        userId,
      });
      setUserId('');
      onLinked(chosen.email);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="button-row network-link-user">
      <Field>
        <Label>{t('networks.link.label')}</Label>
        <Select value={userId} onChange={(event) => setUserId(event.target.value)}>
          <Select.Option value="">{t('networks.form.choose')}</Select.Option>
          {network.resourceFamilyCandidates.map((candidate) => (
            <Select.Option key={candidate.id} value={candidate.id}>
              {`${candidate.firstName} ${candidate.lastName} (${candidate.email})`}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary" loading={busy} aria-disabled={!userId || busy || undefined}>
        {t('networks.link.submit')}
      </Button>
      <ErrorNotice error={error} />
    </form>
  );
}
