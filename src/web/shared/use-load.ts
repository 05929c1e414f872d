import { useEffect, useState } from 'react';
import { api } from './api.js';

/** Loads `path` (again when it or `reload` changes); the answer, an error, and a way to set the answer. */
export function useLoad<T>(path: string | null, reload = 0) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is a counter that asks for a fresh answer
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
  }, [path, reload]);
  return { data, error, loading, setData };
}
