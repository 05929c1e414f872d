import { type FormEvent, useState } from 'react';
import type { HouseholdList, HouseholdSummary } from '../../features/registry/contract.js';
import { api, queryString } from './api.js';

/**
 * Searching the registry by name, as a form: the text typed, the households found (the first
 * ten; undefined before the first search) and the error of the last search. `search` also
 * returns what it found (undefined when it failed or there was nothing to search for).
 */
export function useHouseholdSearch() {
  const [text, setText] = useState('');
  const [found, setFound] = useState<HouseholdSummary[]>();
  const [error, setError] = useState<unknown>();

  const search = async (event: FormEvent): Promise<HouseholdSummary[] | undefined> => {
    event.preventDefault();
    if (!text.trim()) return undefined;
    setError(undefined);
    try {
      const answer = await api.get<HouseholdList>(
        `/api/households${queryString({ q: text.trim(), limit: 10 })}`,
      );
      setFound(answer.households);
      return answer.households;
    } catch (caught) {
      setError(caught);
      return undefined;
    }
  };

  return { text, setText, found, error, search };
}
