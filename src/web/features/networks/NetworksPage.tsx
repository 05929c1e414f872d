import { Button, Card, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { NetworkList, NetworkSummary } from '../../../features/networks/contract.js';
import { shortDate } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { ClaimsSection } from './ClaimsSection.js';
import { CaseworkersFact, GatheringsFact, MunicipalitiesFact } from './NetworkFacts.js';
import './networks.css';

/** /nettverk: the team's view of every network — members, gatherings, consents, claims. */
export function NetworksPage() {
  const { t } = useTranslation();
  const { data, error, loading } = useLoad<NetworkList>('/api/networks');

  return (
    <Page title={t('networks.title')}>
      <Paragraph className="measure">{t('networks.intro')}</Paragraph>
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/nettverk/ny">{t('networks.new')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/nettverk/sammensetting">{t('matching.link')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/nettverk/kandidater">{t('matching.candidatesLink')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/innsikt/nettverk">{t('networkInsight.link')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/nettverk/kategorier">{t('networks.settings.link')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/nettverk/kvartalsmote">{t('jointMeetings.link')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/nettverk/ks-satser">{t('agreements.ksRates.link')}</RouterLink>
        </Button>
      </div>
      <section aria-labelledby="networks-list-heading" className="stack">
        <Heading level={2} data-size="sm" id="networks-list-heading">
          {t('networks.listHeading')}
        </Heading>
        <ErrorNotice error={error} />
        {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
        {data && data.networks.length === 0 ? <Paragraph>{t('networks.empty')}</Paragraph> : null}
        <ul className="network-cards">
          {data?.networks.map((network) => (
            <li key={network.id}>
              <NetworkCard network={network} />
            </li>
          ))}
        </ul>
      </section>
      <ClaimsSection />
    </Page>
  );
}

function NetworkCard({ network }: { network: NetworkSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card data-color="neutral" className="network-card">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/nettverk/${network.id}`}>{network.name}</RouterLink>
        </Link>
      </Heading>
      <dl className="network-facts">
        <div>
          <dt>{t('networks.resourceFamily')}</dt>
          <dd>{network.resourceFamily.name}</dd>
        </div>
        <CaseworkersFact caseworkers={network.caseworkers} />
        {network.municipalities.length > 1 ? (
          <MunicipalitiesFact municipalities={network.municipalities} />
        ) : null}
        <GatheringsFact network={network} />
      </dl>
      <NetworkAttention network={network} />
      <Heading level={4} data-size="2xs">
        {t('networks.membersHeading', { count: network.memberCount })}
      </Heading>
      {network.members.length === 0 ? (
        <Paragraph data-size="sm">{t('networks.noMembers')}</Paragraph>
      ) : (
        <ul className="network-members">
          {network.members.map((member) => (
            <li key={member.id}>
              <span className="network-members__name">{member.name}</span>{' '}
              <Tag data-size="sm" data-color={STATUS_COLOR[member.status]}>
                {t(`networks.status.${member.status}`)}
              </Tag>
              <span className="network-members__contact">
                {member.lastContactOn
                  ? t('networks.lastContact', { date: shortDate(member.lastContactOn, language) })
                  : t('networks.noContact')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export const STATUS_COLOR = {
  pending: 'info',
  active: 'success',
  consent_missing: 'warning',
  left: 'neutral',
} as const;

/** What asks for the caseworkers' attention: consents, claims, a request to call back. */
function NetworkAttention({ network }: { network: NetworkSummary }) {
  const { t } = useTranslation();
  const items = [
    network.callBacksOpen > 0 ? t('networks.callBacksOpen', { count: network.callBacksOpen }) : null,
    network.openConsentTasks > 0 ? t('networks.consentTasks', { count: network.openConsentTasks }) : null,
    network.claimsToApprove > 0 ? t('networks.claimsToApprove', { count: network.claimsToApprove }) : null,
  ].filter((item): item is string => item !== null);
  if (items.length === 0) return null;
  return (
    <ul className="network-attention">
      {items.map((item) => (
        <li key={item}>
          <Tag data-size="sm" data-color="warning">
            {item}
          </Tag>
        </li>
      ))}
    </ul>
  );
}
