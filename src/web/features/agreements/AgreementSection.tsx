import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { AgreementView } from '../../../features/agreements/contract.js';
import { shortDate } from '../../shared/dates.js';
import { useLoad } from '../../shared/use-load.js';
import { AgreementStatus } from './AgreementStatus.js';
import './agreements.css';

/**
 * The network page's «Oppdragsavtale»: the current agreement's period and status, and the way to
 * it. Only the network's own municipality has the agreement: for a partner municipality the load
 * answers 404 and the section shows nothing.
 */
export function AgreementSection({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useLoad<AgreementView>(`/api/networks/${encodeURIComponent(networkId)}/agreement`);
  if (!data) return null;
  const { agreement } = data;
  return (
    <section aria-labelledby="network-agreement-heading" className="stack">
      <Heading level={2} data-size="sm" id="network-agreement-heading">
        {t('agreements.heading')}
      </Heading>
      {agreement ? (
        <>
          <Paragraph>
            {t('agreements.period', {
              from: shortDate(agreement.startOn, i18n.language),
              to: shortDate(agreement.endOn, i18n.language),
            })}
          </Paragraph>
          <AgreementStatus agreement={agreement} />
        </>
      ) : (
        <Paragraph>{t('agreements.none')}</Paragraph>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/nettverk/${encodeURIComponent(networkId)}/oppdragsavtale`}>
            {agreement ? t('agreements.open') : t('agreements.make')}
          </RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}
