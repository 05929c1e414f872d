import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../../features/networks/contract.js';
import { listOf } from './format.js';

/** «Saksbehandlere»: the network's caseworkers by name, as one fact of a `network-facts` list. */
export function CaseworkersFact({ caseworkers }: { caseworkers: NetworkSummary['caseworkers'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <dt>{t('networks.caseworkers')}</dt>
      <dd>
        {listOf(
          caseworkers.map((c) => `${c.firstName} ${c.lastName}`),
          i18n.language,
        ) || t('networks.none')}
      </dd>
    </div>
  );
}

/** «Kommuner»: the municipalities that share the network, as one fact of a `network-facts` list. */
export function MunicipalitiesFact({ municipalities }: { municipalities: NetworkSummary['municipalities'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <dt>{t('networks.municipalities')}</dt>
      <dd>
        {listOf(
          municipalities.map((m) => m.name),
          i18n.language,
        )}
      </dd>
    </div>
  );
}

/** «Samlinger»: «4 av 6 i år», as one fact of a `network-facts` list. */
export function GatheringsFact({
  network,
}: {
  network: Pick<NetworkSummary, 'gatheringsThisYear' | 'gatheringsRequired'>;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{t('networks.gatherings')}</dt>
      <dd>
        {t('networks.gatheringsOf', {
          count: network.gatheringsThisYear,
          required: network.gatheringsRequired,
        })}
      </dd>
    </div>
  );
}
