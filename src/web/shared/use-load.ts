import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

/**
 * Loads `path` (again when it or `reload` changes, or when `load()` is called); the answer, an
 * error, and a way to set the answer. An answer to an older request is dropped, and a new answer
 * clears the error; the answer before stays shown while the next one loads.
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
