import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { HouseholdPicker } from '../../shared/HouseholdPicker.js';
import { ErrorNotice } from '../../shared/Notice.js';

/**
 * Proposes a household of the municipality's registry: it comes in as «waiting», and joins once
 * every adult has signed and every child aged 15 or more has consented.
 */
export function AddMember({
  path,
  memberIds,
  onAdded,
}: {
  path: string;
  memberIds: ReadonlySet<string>;
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [addError, setAddError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  const add = async (householdId: string, name: string) => {
    if (busy) return;
    setBusy(householdId);
    setAddError(undefined);
    try {
      await api.post<MemberView>(path, { householdId });
      onAdded(name);
    } catch (caught) {
      setAddError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="network-add-heading" className="stack">
      <Heading level={2} data-size="sm" id="network-add-heading">
        {t('networks.add.heading')}
      </Heading>
      <Paragraph className="measure">{t('networks.add.intro')}</Paragraph>
      <HouseholdPicker
        words={{
          search: t('networks.add.search'),
          find: t('networks.add.find'),
          none: t('networks.add.none'),
          already: t('networks.add.already'),
          add: t('networks.add.add'),
          addOne: (name) => t('networks.add.addOne', { name }),
        }}
        chosenIds={memberIds}
        onPick={(household) => add(household.id, household.name)}
        busyId={busy}
        variant="secondary"
        notice={(searchError) => <ErrorNotice error={searchError ?? addError} />}
      />
    </section>
  );
}
