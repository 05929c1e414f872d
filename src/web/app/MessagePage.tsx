import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Page } from '../shared/Page.js';

/** A page that only says something went nowhere (404, no access) and leads back home. */
function MessagePage({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Paragraph>{body}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <MessagePage title={t('forbidden.title')} body={t('forbidden.body')} />;
}
