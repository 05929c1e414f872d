import { Button, Textfield } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { HouseholdSummary } from '../../features/registry/contract.js';
import { useHouseholdSearch } from './use-household-search.js';

/** The words of one picker: what the search field, the buttons and the result lines say. */
export interface HouseholdPickerWords {
  search: string;
  find: string;
  none: string;
  already: string;
  add: string;
  addOne: (name: string) => string;
}

/**
 * Search the registry by name and pick a household from the results; a household already
 * chosen says so instead of offering the button. `notice` renders the search's error (and
 * whatever else the caller wants said) between the form and the results.
 */
export function HouseholdPicker({
  words,
  chosenIds,
  onPick,
  busyId,
  variant,
  notice,
}: {
  words: HouseholdPickerWords;
  chosenIds: ReadonlySet<string>;
  onPick: (household: HouseholdSummary) => void;
  busyId?: string;
  variant: 'secondary' | 'tertiary';
  notice: (searchError: unknown) => ReactNode;
}) {
  const { text, setText, found, error, search } = useHouseholdSearch();

  return (
    <>
      <search>
        <form onSubmit={search} className="button-row">
          <Textfield
            label={words.search}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
          <Button type="submit" variant="secondary">
            {words.find}
          </Button>
        </form>
      </search>
      {notice(error)}
      {found ? (
        <ul className="stack" aria-live="polite">
          {found.length === 0 ? <li>{words.none}</li> : null}
          {found.map((household) => (
            <li key={household.id} className="button-row">
              <span>
                {household.name}
                {household.place ? `, ${household.place}` : ''}
              </span>
              {chosenIds.has(household.id) ? (
                <span>{words.already}</span>
              ) : (
                <Button
                  variant={variant}
                  data-size="sm"
                  loading={busyId === household.id}
                  onClick={() => onPick(household)}
                  aria-label={words.addOne(household.name)}
                >
                  {words.add}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
