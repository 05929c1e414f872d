import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { MIN_PASSWORD_LENGTH } from '../../../domain/limits.js';
import { useSession } from '../../app/session.js';
import { ApiError, api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';

interface FieldErrors {
  password?: string;
  repeat?: string;
}

/**
 * /tilbakestill-passord#token=… (forgotten password) and /velkommen#token=… (invitation). The
 * token is read from the #fragment, which browsers never send to a server, and then removed
 * from the address bar and history.
 */
export function SetPasswordPage({ mode }: { mode: 'reset' | 'welcome' }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token') ?? '');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (location.hash) navigate(location.pathname, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      password: password.length < MIN_PASSWORD_LENGTH ? t('password.tooShort') : undefined,
      repeat: !repeat
        ? t('password.repeatRequired')
        : repeat !== password
          ? t('password.mismatch')
          : undefined,
    };
    setFieldErrors(errors);
    if (errors.password) return passwordRef.current?.focus();
    if (errors.repeat) return repeatRef.current?.focus();

    setError(undefined);
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset/confirm', { token, password });
      navigate('/logg-inn', { state: { notice: 'passwordSaved' } });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const welcome = mode === 'welcome';
  const tokenRejected = error instanceof ApiError && error.code === 'auth.token_invalid';
  const newLink = (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/glemt-passord">{t('password.requestNewLink')}</RouterLink>
      </Link>
    </Paragraph>
  );

  return (
    <Page title={welcome ? t('password.welcomeTitle') : t('password.resetTitle')}>
      <Paragraph>{welcome ? t('password.welcomeIntro') : t('password.resetIntro')}</Paragraph>
      {!token ? (
        <>
          <Notice kind="danger">{t('password.missingToken')}</Notice>
          {newLink}
        </>
      ) : (
        <>
          <ErrorNotice error={error}>{tokenRejected ? newLink : null}</ErrorNotice>
          <form noValidate onSubmit={onSubmit} className="form">
            <Textfield
              ref={passwordRef}
              label={t('password.newPassword')}
              description={t('password.newPasswordHint')}
              type="password"
              name="new-password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
            />
            <Textfield
              ref={repeatRef}
              label={t('password.repeatPassword')}
              type="password"
              name="repeat-password"
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              error={fieldErrors.repeat}
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('password.submit')}
              </Button>
            </div>
          </form>
          {welcome && session.providers.entra ? (
            <div className="stack">
              <Paragraph>{t('password.entraInvite')}</Paragraph>
              <Paragraph>
                <Link href={`/api/auth/oidc/entra/start?invite=${encodeURIComponent(token)}`}>
                  {t('password.entraInviteLink')}
                </Link>
              </Paragraph>
            </div>
          ) : null}
        </>
      )}
    </Page>
  );
}
