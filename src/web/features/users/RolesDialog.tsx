import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.js';
import { ErrorNotice } from '../../shared/Notice.js';
import type { AdminUser } from '../../shared/types.js';
import { useReturnFocus } from '../../shared/use-return-focus.js';
import { RoleFieldset } from './RoleFieldset.js';

interface RolesDialogProps {
  user: AdminUser;
  onSaved: (user: AdminUser) => void;
  onClose: () => void;
}

/** Change one user's roles. Rendered only while open. */
export function RolesDialog({ user, onSaved, onClose }: RolesDialogProps) {
  const { t } = useTranslation();
  useReturnFocus();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [rolesError, setRolesError] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const name = `${user.firstName} ${user.lastName}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setRolesError(t('users.rolesRequired'));
    setRolesError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      onSaved(await api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}`, { roles }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby="roles-dialog-heading">
      <form noValidate onSubmit={onSubmit} className="form">
        <Heading level={2} data-size="sm" id="roles-dialog-heading">
          {t('users.rolesDialogTitle', { name })}
        </Heading>
        <ErrorNotice error={error} />
        <RoleFieldset selected={roles} onChange={setRoles} error={rolesError} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
