import { Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { FamilyHomeList, FamilyHomeSummary } from '../../../features/family-homes/contract.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './family-homes.css';

/** /familiehjem: the family homes — every home for the team, their own for a family counsellor. */
export function FamilyHomesPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useLoad<FamilyHomeList>('/api/family-homes');
  const counsellor = data?.scope === 'counsellor';

  return (
    <Page title={t('familyHomes.title')}>
      <Paragraph className="measure">
        {t(counsellor ? 'familyHomes.introCounsellor' : 'familyHomes.intro')}
      </Paragraph>
      {data?.scope === 'team' ? <TeamLinks /> : null}
      <section aria-labelledby="family-homes-heading" className="stack">
        <Heading level={2} data-size="sm" id="family-homes-heading">
          {t(counsellor ? 'familyHomes.ownHeading' : 'familyHomes.listHeading')}
        </Heading>
        <ErrorNotice error={error} />
        {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
        {data && data.homes.length === 0 ? (
          <Paragraph>{t(counsellor ? 'familyHomes.emptyCounsellor' : 'familyHomes.empty')}</Paragraph>
        ) : null}
        <ul className="family-home-cards">
          {data?.homes.map((home) => (
            <li key={home.id}>
              <HomeCard home={home} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function HomeCard({ home }: { home: FamilyHomeSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Card data-color="neutral" className="family-home-card">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/familiehjem/${home.id}`}>{home.name}</RouterLink>
        </Link>
      </Heading>
      <ul className="family-home-facts">
        {home.place ? <li>{home.place}</li> : null}
        <li>
          {home.counsellor
            ? t('familyHomes.counsellorFact', { name: home.counsellor.name })
            : t('familyHomes.noCounsellor')}
        </li>
        <li>{t('familyHomes.youthCount', { count: home.youthCount })}</li>
        <li>
          {home.lastFollowUpOn
            ? t('familyHomes.lastFollowUp', { date: shortDate(home.lastFollowUpOn, i18n.language) })
            : t('familyHomes.noFollowUp')}
        </li>
        {home.nextMeetingOn ? (
          <li>{t('familyHomes.nextMeeting', { date: shortDate(home.nextMeetingOn, i18n.language) })}</li>
        ) : null}
      </ul>
    </Card>
  );
}

/** The team's other family-home pages, above the homes: housing, recruiting and costs. */
function TeamLinks() {
  const { t } = useTranslation();
  const links = [
    { path: '/familiehjem/boliger', title: t('housing.title'), intro: t('housing.intro') },
    { path: '/familiehjem/rekruttering', title: t('recruiting.title'), intro: t('recruiting.intro') },
    { path: '/familiehjem/kostnader', title: t('familyHomeCosts.title'), intro: t('familyHomeCosts.intro') },
  ];
  return (
    <section aria-labelledby="family-homes-more-heading" className="stack">
      <Heading level={2} data-size="sm" id="family-homes-more-heading">
        {t('familyHomes.moreHeading')}
      </Heading>
      <ul className="family-home-cards">
        {links.map((link) => (
          <li key={link.path}>
            <Card data-color="neutral" className="family-home-card">
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={link.path}>{link.title}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">{link.intro}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
