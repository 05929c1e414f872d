import { useEffect, useState, useSyncExternalStore } from 'react';

/** True while the media query matches, e.g. '(max-width: 37.5rem)' for a phone. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Phones: the width at which the household table becomes a list of cards. */
export const NARROW = '(max-width: 37.5rem)';

/** `value`, but only after it has stayed the same for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Session storage that fails quietly (private browsing may refuse it). */
export const sessionStore = {
  get(key: string): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      if (value) sessionStorage.setItem(key, value);
      else sessionStorage.removeItem(key);
    } catch {
      // The value then lasts as long as the page.
    }
  },
};

/** The search text of the list: kept in this tab only, never in the address (it holds names). */
export const SEARCH_KEY = 'landsby.registry.q';
/** The list's filters and page as last seen, so «Tilbake til registeret» returns to the same place. */
export const LIST_KEY = 'landsby.registry.list';
