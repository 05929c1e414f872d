import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Page } from '../components/Page.js';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forbidden.title')}>
      <Paragraph>{t('forbidden.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('notFound.home')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
