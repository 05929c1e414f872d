import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Link as RouterLink, useLocation, useSearchParams } from 'react-router-dom';
import { safeNext } from '../../app/navigation.js';
import { useSession } from '../../app/session.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';

interface FieldErrors {
  email?: string;
  password?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, session } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (user) return <Navigate to={safeNext(params.get('neste'))} replace />;

  const passwordSaved = (location.state as { notice?: string } | null)?.notice === 'passwordSaved';
  const { providers } = session;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: email.trim() ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    setBusy(true);
    setError(undefined);
    try {
      await login(email.trim(), password);
    } catch (caught) {
      setError(caught);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <Page title={t('login.title')}>
      <Paragraph>{t('login.intro')}</Paragraph>
      {passwordSaved ? <Notice>{t('login.passwordSaved')}</Notice> : null}
      <ErrorNotice error={error ?? params.get('feil')} />
      <form noValidate onSubmit={onSubmit} className="form">
        <Textfield
          ref={emailRef}
          label={t('login.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
        />
        <Textfield
          ref={passwordRef}
          label={t('login.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/glemt-passord">{t('login.forgotPassword')}</RouterLink>
        </Link>
      </Paragraph>
      {providers.entra || providers.idporten ? (
        <section aria-labelledby="login-providers" className="stack">
          <Heading level={2} data-size="xs" id="login-providers">
            {t('login.or')}
          </Heading>
          <div className="button-row">
            {providers.entra ? (
              <Button asChild variant="secondary">
                <a href="/api/auth/oidc/entra/start">{t('login.entra')}</a>
              </Button>
            ) : null}
            {providers.idporten ? (
              <Button asChild variant="secondary">
                <a href="/api/auth/oidc/idporten/start">{t('login.idporten')}</a>
              </Button>
            ) : null}
          </div>
        </section>
      ) : null}
    </Page>
  );
}
