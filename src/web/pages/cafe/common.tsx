import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { ErrorNotice } from '../../components/Notice.js';
import { problemText } from './format.js';
import type { Problem } from './types.js';

/** An API error, with the café's own wording for its codes first. */
export function CafeError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  if (code && i18n.exists(`cafe.errors.${code}`))
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t(`cafe.errors.${code}`)}</Paragraph>
      </Alert>
    );
  return <ErrorNotice error={error} />;
}

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

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'info' } as const;

/** The problems of a date as a short list in plain words; nothing when there are none. */
export function ProblemList({ problems, id }: { problems: Problem[]; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!problems.length) return null;
  return (
    <ul className="cafe-problems" id={id}>
      {problems.map((problem, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same code can occur twice with other params
        <li key={`${problem.code}-${index}`}>
          <Tag data-size="sm" data-color={SEVERITY_COLOR[problem.severity] ?? 'neutral'}>
            {t(`cafe.severity.${problem.severity}`)}
          </Tag>{' '}
          {problemText(t, i18n.language, problem)}
        </li>
      ))}
    </ul>
  );
}
