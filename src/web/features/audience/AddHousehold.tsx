import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../shared/api.js';

interface Found {
  id: string;
  name: string;
  place: string | null;
}

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
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>();
  const [error, setError] = useState<unknown>();

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setError(undefined);
    try {
      const answer = await api.get<{ households: Found[] }>(
        `/api/households${queryString({ q: text.trim(), limit: 10 })}`,
      );
      setFound(answer.households);
    } catch (caught) {
      setError(caught);
    }
  };

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
