import { useSyncExternalStore } from 'react';

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
