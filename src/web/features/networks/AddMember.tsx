import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../features/networks/contract.js';
import { api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useHouseholdSearch } from '../../shared/use-household-search.js';

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
  const { text, setText, found, error, search } = useHouseholdSearch();
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
      <search>
        <form onSubmit={search} className="button-row">
          <Textfield
            label={t('networks.add.search')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary">
            {t('networks.add.find')}
          </Button>
        </form>
      </search>
      <ErrorNotice error={error ?? addError} />
      {found ? (
        <ul className="stack" aria-live="polite">
          {found.length === 0 ? <li>{t('networks.add.none')}</li> : null}
          {found.map((household) => (
            <li key={household.id} className="button-row">
              <span>
                {household.name}
                {household.place ? `, ${household.place}` : ''}
              </span>
              {memberIds.has(household.id) ? (
                <span>{t('networks.add.already')}</span>
              ) : (
                <Button
                  variant="secondary"
                  data-size="sm"
                  loading={busy === household.id}
                  onClick={() => add(household.id, household.name)}
                  aria-label={t('networks.add.addOne', { name: household.name })}
                >
                  {t('networks.add.add')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
