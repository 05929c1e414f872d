import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

const PAGES = [
  { key: 'families', to: '/mitt-nettverk' },
  { key: 'gatherings', to: '/mitt-nettverk/samlinger' },
  { key: 'claims', to: '/mitt-nettverk/utlegg' },
  { key: 'summary', to: '/mitt-nettverk/erfaringer' },
] as const;

/** The resource family's pages: the families and the log, the gatherings, the claims, the half-year summary. */
export function MyNetworkNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('myNetwork.nav.label')} className="my-network-nav">
      <ul>
        {PAGES.map((page) => (
          <li key={page.key}>
            <NavLink to={page.to} end className="my-network-nav__link">
              {t(`myNetwork.nav.${page.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
