import { Button, Dropdown } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageChoice } from '../shared/LanguageChoice.js';
import { ErrorNotice } from '../shared/Notice.js';
import { useSession, useUser } from './session.js';

/** The user's name in the header; opens to show the e-mail address, the language choice and «Logg ut». */
export function UserMenu() {
  const { t } = useTranslation();
  const { logout } = useSession();
  const user = useUser();
  const [error, setError] = useState<unknown>();
  const name = `${user.firstName} ${user.lastName}`;

  const onLogout = () => {
    setError(undefined);
    logout().catch(setError);
  };

  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger
        variant="tertiary"
        className="user-menu__trigger"
        aria-label={t('userMenu.label', { name })}
      >
        {name}
        <svg aria-hidden="true" viewBox="0 0 24 24" width="1.25em" height="1.25em" fill="currentColor">
          <path d="M5.97 9.47a.75.75 0 0 1 1.06 0L12 14.44l4.97-4.97a.75.75 0 1 1 1.06 1.06l-5.5 5.5a.75.75 0 0 1-1.06 0l-5.5-5.5a.75.75 0 0 1 0-1.06" />
        </svg>
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" className="user-menu">
        <div className="user-menu__body">
          <p className="user-menu__who">
            <span className="user-menu__name">{name}</span>
            <span className="user-menu__email">{user.email}</span>
          </p>
          <LanguageChoice />
          {error ? <ErrorNotice error={error} /> : null}
          <Button variant="secondary" onClick={onLogout}>
            {t('userMenu.logout')}
          </Button>
        </div>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}
