import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

/**
 * Loads `path` (again when it or `reload` changes, or when `load()` is called); the answer, an
 * error, and a way to set the answer. An answer to an older request is dropped; a new request
 * clears the error of the one before (no stale error beside new results), while the answer
 * before stays shown until the next one arrives.
 */
export function useLoad<T>(path: string | null, reload = 0) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [again, setAgain] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload and again are counters that ask for a fresh answer
  useEffect(() => {
    if (!path) return;
    let current = true;
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path)
      .then((answer) => {
        if (!current) return;
        setData(answer);
        setError(undefined);
      })
      .catch((caught) => current && setError(caught))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [path, reload, again]);
  const load = useCallback(() => setAgain((count) => count + 1), []);
  return { data, error, loading, setData, load };
}
