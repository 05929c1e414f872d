import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { HouseholdPicker } from '../../shared/HouseholdPicker.js';

/**
 * Invites a household the rule does not pick (a family further away that would like to come):
 * search the registry by name and add it by hand.
 */
export function AddHousehold({
  includedIds,
  onAdd,
}: {
  includedIds: ReadonlySet<string>;
  onAdd: (householdId: string) => Promise<void>;
}) {
  const { t } = useTranslation();

  return (
    <section aria-labelledby="audience-add-heading" className="stack">
      <Heading level={2} data-size="sm" id="audience-add-heading">
        {t('cafe.audience.addHeading')}
      </Heading>
      <HouseholdPicker
        words={{
          search: t('cafe.audience.addSearch'),
          find: t('cafe.audience.addFind'),
          none: t('cafe.audience.addNone'),
          already: t('cafe.audience.addAlready'),
          add: t('cafe.audience.addButton'),
          addOne: (name) => t('cafe.audience.addOne', { name }),
        }}
        chosenIds={includedIds}
        onPick={(household) => onAdd(household.id)}
        variant="tertiary"
        notice={(searchError) =>
          searchError ? <Paragraph role="alert">{t('cafe.audience.addFailed')}</Paragraph> : null
        }
      />
    </section>
  );
}
