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
