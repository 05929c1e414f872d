import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../features/agreements/contract.js';
import { formatDateTime } from '../../shared/format.js';

const STATUS_COLOR = { draft: 'info', sent: 'warning', signed: 'success', ended: 'neutral' } as const;

/** «Sendt til signering» and, for each adult, signed (when) or not yet. */
export function AgreementStatus({ agreement }: { agreement: Agreement }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Tag data-size="sm" data-color={STATUS_COLOR[agreement.status]}>
        {t(`agreements.status.${agreement.status}`)}
      </Tag>
      {agreement.sentAt ? (
        <ul className="agreement-signers">
          {agreement.signers.map((signer) => (
            <li key={signer.adultId}>
              {signer.signedAt
                ? t('agreements.signedBy', {
                    name: `${signer.firstName} ${signer.lastName}`,
                    time: formatDateTime(signer.signedAt, i18n.language),
                  })
                : t('agreements.notSignedBy', { name: `${signer.firstName} ${signer.lastName}` })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
