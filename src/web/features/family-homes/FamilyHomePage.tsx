import { Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { FamilyHomeView } from '../../../features/family-homes/contract.js';
import { NotFoundPage } from '../../app/MessagePage.js';
import { ApiError } from '../../shared/api.js';
import { longDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { MeetingsSection } from '../family-home-meetings/MeetingsSection.js';
import { CounsellorSection } from './CounsellorSection.js';
import { FollowUpSection } from './FollowUpSection.js';
import { ParentsSection } from './ParentsSection.js';
import { YouthsSection } from './YouthsSection.js';
import './family-homes.css';

/** /familiehjem/:householdId: one family home — parents, youths, counsellor, follow-up, meetings. */
export function FamilyHomePage() {
  const { t } = useTranslation();
  const { householdId = '' } = useParams();
  const { data: home, error, loading, setData } = useLoad<FamilyHomeView>(`/api/family-homes/${householdId}`);

  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  const team = home?.scope === 'team';
  const address = home
    ? [home.address.line, [home.address.postcode, home.address.place].filter(Boolean).join(' ')]
    : [];

  return (
    <Page title={home?.name ?? t('familyHomes.title')}>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/familiehjem">{t('familyHomes.allHomes')}</RouterLink>
        </Link>
      </Paragraph>
      <ErrorNotice error={error} />
      {loading && !home ? <Spinner aria-label={t('app.loading')} /> : null}
      {home ? (
        <>
          {address.some(Boolean) ? (
            <Paragraph>
              <span className="family-home-item__title">{t('familyHomes.address')}: </span>
              {address.filter(Boolean).join(', ')}
            </Paragraph>
          ) : null}
          <HousingUnitLine home={home} />
          <FollowUpSection home={home} onSaved={setData} />
          <MeetingsSection householdId={home.id} />
          <ParentsSection parents={home.parents} />
          <YouthsSection home={home} editable={team} onSaved={setData} />
          <CounsellorSection home={home} editable={team} onSaved={setData} />
          <section aria-labelledby="follow-up-log-heading" className="family-home-section">
            <Heading level={2} data-size="sm" id="follow-up-log-heading">
              {t('familyHomes.followUps.heading')}
            </Heading>
            <FollowUpLog home={home} />
          </section>
        </>
      ) : null}
    </Page>
  );
}

function FollowUpLog({ home }: { home: FamilyHomeView }) {
  const { t, i18n } = useTranslation();
  if (home.followUps.length === 0) return <Paragraph>{t('familyHomes.followUps.empty')}</Paragraph>;
  return (
    <ul className="family-home-list">
      {home.followUps.map((entry) => (
        <li key={entry.id} className="family-home-item">
          <span className="family-home-item__title">
            {`${longDate(entry.date, i18n.language)}: ${t(`familyHomes.followUps.kinds.${entry.kind}`)}`}
          </span>
          {entry.note ? <span>{entry.note}</span> : null}
          {entry.by ? <span>{t('familyHomes.followUps.by', { name: entry.by })}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The housing unit the home lives in; the team follows the link to the unit's page. */
function HousingUnitLine({ home }: { home: FamilyHomeView }) {
  const { t } = useTranslation();
  const unit = home.housingUnit;
  if (!unit) return <Paragraph>{t('familyHomes.noHousingUnit')}</Paragraph>;
  const where = [unit.address.line, [unit.address.postcode, unit.address.place].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const text = `${where} (${t(`housing.statuses.${unit.status}`)})`;
  return (
    <Paragraph>
      <span className="family-home-item__title">{t('familyHomes.housingUnit')}: </span>
      {home.scope === 'team' ? (
        <Link asChild>
          <RouterLink to={`/familiehjem/boliger/${unit.id}`}>{text}</RouterLink>
        </Link>
      ) : (
        text
      )}
    </Paragraph>
  );
}
