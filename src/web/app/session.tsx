import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fetchSession, setSessionLostHandler } from '../shared/api.js';
import type { Locale, Session, SessionUser } from '../shared/types.js';
import { applyLanguage } from './i18n.js';

interface SessionContextValue {
  session: Session;
  user: SessionUser | null;
  /** Why the user is logged out: 'logout' when they chose to, or the error code when the server ended it. */
  endReason: string | undefined;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  changeLanguage: (language: Locale) => void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The logged-in user; only for pages inside <RequireAuth>. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [endReason, setEndReason] = useState<string>();

  /** Reads /api/session (and with it a fresh CSRF token); a logged-in user's saved language wins. */
  const reload = useCallback(async () => {
    const fresh = await fetchSession();
    if (fresh.user) applyLanguage(fresh.user.locale);
    setSession(fresh);
  }, []);

  const load = useCallback(() => {
    setLoadFailed(false);
    reload().catch(() => setLoadFailed(true));
  }, [reload]);

  useEffect(() => {
    load();
    setSessionLostHandler((code) => {
      setEndReason(code);
      setSession((current) => current && { ...current, user: null });
      reload().catch(() => setLoadFailed(true));
    });
    return () => setSessionLostHandler(undefined);
  }, [load, reload]);

  const value = useMemo<SessionContextValue | undefined>(() => {
    if (!session) return undefined;
    return {
      session,
      user: session.user,
      endReason,
      login: async (email, password) => {
        await api.post('/api/auth/login', { email, password });
        setEndReason(undefined);
        await reload();
      },
      logout: async () => {
        await api.post('/api/auth/logout');
        setEndReason('logout');
        await reload();
      },
      changeLanguage: (language) => {
        applyLanguage(language);
        if (!session.user) return;
        setSession({ ...session, user: { ...session.user, locale: language } });
        // The choice is already shown and remembered in this browser; the server copy is best effort.
        api.put('/api/me/locale', { locale: language }).catch(() => undefined);
      },
    };
  }, [session, endReason, reload]);

  if (!value) {
    return (
      <main id="main" className="page-main">
        {loadFailed ? (
          <>
            <Heading level={1} data-size="lg">
              {t('app.name')}
            </Heading>
            <Alert data-color="danger" role="alert">
              <Paragraph>{t('common.networkError')}</Paragraph>
            </Alert>
            <Button onClick={load}>{t('common.retry')}</Button>
          </>
        ) : (
          <Spinner aria-label={t('app.loading')} data-size="lg" />
        )}
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
