import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { SkipToMain } from '../app/SkipToMain.js';
import { LanguageChoice } from './LanguageChoice.js';

/** The frame of the pages used before logging in (login, forgotten password, invitation). */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <SkipToMain />
      <header className="site-header">
        <div className="site-header__bar">
          <div className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </div>
          <LanguageChoice />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page-main page-main--narrow">
        <Outlet />
      </main>
    </>
  );
}
