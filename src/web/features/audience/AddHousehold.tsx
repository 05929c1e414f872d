import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useHouseholdSearch } from '../../shared/use-household-search.js';

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
  const { text, setText, found, error, search } = useHouseholdSearch();

  return (
    <section aria-labelledby="audience-add-heading" className="stack">
      <Heading level={2} data-size="sm" id="audience-add-heading">
        {t('cafe.audience.addHeading')}
      </Heading>
      <search>
        <form onSubmit={search} className="button-row">
          <Textfield
            label={t('cafe.audience.addSearch')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary">
            {t('cafe.audience.addFind')}
          </Button>
        </form>
      </search>
      {error ? <Paragraph role="alert">{t('cafe.audience.addFailed')}</Paragraph> : null}
      {found ? (
        <ul className="stack" aria-live="polite">
          {found.length === 0 ? <li>{t('cafe.audience.addNone')}</li> : null}
          {found.map((household) => (
            <li key={household.id} className="button-row">
              <span>
                {household.name}
                {household.place ? `, ${household.place}` : ''}
              </span>
              {includedIds.has(household.id) ? (
                <span>{t('cafe.audience.addAlready')}</span>
              ) : (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => onAdd(household.id)}
                  aria-label={t('cafe.audience.addOne', { name: household.name })}
                >
                  {t('cafe.audience.addButton')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
