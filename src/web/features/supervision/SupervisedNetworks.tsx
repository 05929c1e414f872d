import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { SupervisedList } from '../../../features/supervision/contract.js';
import { useUser } from '../../app/session.js';
import { longDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';
import { DueStatus } from './DueStatus.js';
import './supervision.css';

/** The start page's list of the networks the caseworker supervises, with the next talk due. */
export function SupervisedNetworks() {
  const user = useUser();
  const may = user.permissions.includes('networks:supervise');
  return may ? <DueList /> : null;
}

function DueList() {
  const { t, i18n } = useTranslation();
  const { data, error } = useLoad<SupervisedList>('/api/supervision');
  if (error) return <ErrorNotice error={error} />;
  if (!data || data.networks.length === 0) return null;
  return (
    <section aria-labelledby="supervised-heading" className="stack">
      <Heading level={2} data-size="sm" id="supervised-heading">
        {t('supervision.homeHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('supervision.homeIntro')}</Paragraph>
      <ul className="supervised-list">
        {data.networks.map((network) => (
          <li key={network.networkId}>
            <Card data-color={network.due.daysOverdue > 0 ? 'danger' : 'neutral'} className="supervised-card">
              <Heading level={3} data-size="xs">
                <Link asChild>
                  <RouterLink to={`/nettverk/${network.networkId}#veiledning`}>{network.name}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                <DueStatus due={network.due} />
              </Paragraph>
              <Paragraph data-size="sm">
                {network.due.lastTalkOn
                  ? t('supervision.lastTalk', { date: longDate(network.due.lastTalkOn, i18n.language) })
                  : t('supervision.noTalkYet')}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
