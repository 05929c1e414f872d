import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';
import { ErrorNotice } from './Notice.js';

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
