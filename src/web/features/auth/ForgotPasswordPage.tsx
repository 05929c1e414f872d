import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { api } from '../../shared/api.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setFieldError(t('forgot.emailRequired'));
      emailRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      await api.post('/api/auth/password-reset', { email: email.trim() });
      setSent(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('forgot.title')}>
      {sent ? (
        <Notice>{t('forgot.sent')}</Notice>
      ) : (
        <>
          <Paragraph>{t('forgot.intro')}</Paragraph>
          <ErrorNotice error={error} />
          <form noValidate onSubmit={onSubmit} className="form">
            <Textfield
              ref={emailRef}
              label={t('forgot.email')}
              type="email"
              name="email"
              autoComplete="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldError}
            />
            <div>
              <Button type="submit" loading={busy}>
                {t('forgot.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/logg-inn">{t('forgot.backToLogin')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
