import { Button } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { Area } from './navigation.js';

/** Up to this many links fit on one line of a phone; more go behind a «Meny» button there. */
const FITS_ON_A_PHONE = 3;

/** The main menu: a row of links on wide screens, behind a «Meny» button on narrow ones. */
export function MainNav({ areas }: { areas: Area[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (areas.length === 0) return null;
  const collapsible = areas.length > FITS_ON_A_PHONE;
  return (
    <nav aria-label={t('nav.label')} className="main-nav" data-collapsible={collapsible}>
      <div className="main-nav__inner">
        {collapsible ? (
          <Button
            variant="secondary"
            data-size="sm"
            className="main-nav__toggle"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {t('nav.menu')}
          </Button>
        ) : null}
        <ul id={listId} className="main-nav__list" data-open={open}>
          {areas.map((area) => (
            <li key={area.key}>
              <NavLink
                to={area.path}
                end={area.path === '/'}
                className="main-nav__link"
                onClick={() => setOpen(false)}
              >
                {t(`nav.${area.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
