import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { MainNav } from './MainNav.js';
import { areasFor } from './navigation.js';
import { SkipToMain } from './SkipToMain.js';
import { useUser } from './session.js';
import { UserMenu } from './UserMenu.js';

/** The frame around every page for logged-in users: skip link, header, menu, main. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useUser();
  const { municipality } = user;
  return (
    <>
      <SkipToMain />
      <header className="site-header">
        <div className="site-header__bar">
          <div className="brand">
            <Link to="/" className="brand__name">
              {t('app.name')}
            </Link>
            <span className="brand__municipality">{municipality.name}</span>
            {municipality.isDemo ? (
              <Tag data-color="warning" data-size="sm">
                {t('app.demo')}
                <span className="ds-sr-only"> – {t('app.demoDescription')}</span>
              </Tag>
            ) : null}
          </div>
          <UserMenu />
        </div>
        <MainNav areas={areasFor(user)} />
      </header>
      <main id="main" tabIndex={-1} className="page-main">
        <Outlet />
      </main>
    </>
  );
}
