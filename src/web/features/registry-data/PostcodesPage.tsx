import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PostcodesReplaced } from '../../../features/registry-data/contract.js';
import { Page } from '../../shared/Page.js';
import { TableUpload } from './TableUpload.js';

/** /admin/postnumre — replace the installation's postcode table with Posten's newest register. */
export function PostcodesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('registry.tables.postcodesTitle')}>
      <Paragraph className="measure">{t('registry.tables.postcodesIntro')}</Paragraph>
      <TableUpload<PostcodesReplaced>
        path="/api/registry/postcodes"
        heading={t('registry.tables.postcodesUpload')}
        hint={t('registry.tables.postcodesHint')}
        done={(answer) =>
          t('registry.tables.postcodesDone', {
            count: answer.count,
            added: answer.added,
            removed: answer.removed,
          })
        }
      />
    </Page>
  );
}
