import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { TravelTimes, TravelTimesReplaced } from '../../../features/registry-data/contract.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { TableUpload } from './TableUpload.js';

/** /register/reisetider — the municipality's table of travel times from its office, by postcode. */
export function TravelTimesPage() {
  const { t } = useTranslation();
  const travelTimes = useLoad<TravelTimes>('/api/registry/travel-times');
  const count = travelTimes.error ? undefined : travelTimes.data?.count;
  const load = travelTimes.load;

  return (
    <Page title={t('registry.tables.travelTitle')}>
      <Paragraph className="measure">{t('registry.tables.travelIntro')}</Paragraph>
      {count !== undefined ? (
        <Paragraph role="status">{t('registry.tables.travelCount', { count })}</Paragraph>
      ) : null}
      <TableUpload<TravelTimesReplaced>
        path="/api/registry/travel-times"
        heading={t('registry.tables.travelUpload')}
        hint={t('registry.tables.travelHint')}
        done={(answer) =>
          t('registry.tables.travelDone', {
            count: answer.count,
            households: answer.householdsUpdated,
          })
        }
        onDone={load}
      />
    </Page>
  );
}
