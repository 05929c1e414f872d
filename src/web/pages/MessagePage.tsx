import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Page } from '../components/Page.js';

/** A page that only says something went nowhere (404, no access) and leads back home. */
function MessagePage({ kind }: { kind: 'notFound' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`${kind}.title`)}>
      <Paragraph>{t(`${kind}.body`)}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

export const NotFoundPage = () => <MessagePage kind="notFound" />;
export const ForbiddenPage = () => <MessagePage kind="forbidden" />;
