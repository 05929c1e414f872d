import { useTranslation } from 'react-i18next';
import { ApiError } from './api.js';

/**
 * Turns an ApiError (or a bare error code, as in /logg-inn?feil=CODE) into a sentence in the
 * user's language: the catalogue's `errors.<code>` first, then the server's own message.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    const code = error instanceof ApiError ? error.code : typeof error === 'string' ? error : undefined;
    if (code === 'network') return t('common.networkError');
    if (code && i18n.exists(`errors.${code}`)) return t(`errors.${code}`);
    if (error instanceof ApiError && error.message) return error.message;
    return t('common.unknownError');
  };
}
