import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Link as RouterLink } from 'react-router-dom';
import { SupervisedNetworks } from '../features/supervision/SupervisedNetworks.js';
import { Page } from '../shared/Page.js';
import { areasFor } from './navigation.js';
import { useUser } from './session.js';

/** A friendly welcome and a card for each programme the user may open. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const areas = areasFor(user);
  const isStaff = areas.some((area) => area.key === 'home');
  const cards = areas.filter((area) => area.key !== 'home');

  // Foster parents and resource families have one page of their own: go straight there.
  const ownPage = cards[0];
  if (!isStaff && ownPage) return <Navigate to={ownPage.path} replace />;

  return (
    <Page title={t('home.title')} heading={t('home.greeting', { firstName: user.firstName })}>
      <Paragraph>{t('home.intro')}</Paragraph>
      {cards.length === 0 ? <Paragraph>{t('home.noAreas')}</Paragraph> : null}
      <ul className="card-grid">
        {cards.map((area) => (
          <li key={area.key}>
            <Card data-color="neutral" className="area-card">
              <Heading level={2} data-size="xs">
                <Link asChild>
                  <RouterLink to={area.path}>{t(`nav.${area.key}`)}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">{t(`home.cards.${area.key}`)}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
      <SupervisedNetworks />
    </Page>
  );
}
