import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ErrorNotice } from '../../components/Notice.js';
import { useReturnFocus } from '../../components/useReturnFocus.js';
import type { AdminUser } from '../../types.js';

interface ConfirmDeactivateDialogProps {
  user: AdminUser;
  onDone: (user: AdminUser) => void;
  onClose: () => void;
}

/** «Deaktivere Kari Nordmann?» — asked before anyone loses access. Rendered only while open. */
export function ConfirmDeactivateDialog({ user, onDone, onClose }: ConfirmDeactivateDialogProps) {
  const { t } = useTranslation();
  useReturnFocus();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const name = `${user.firstName} ${user.lastName}`;

  const deactivate = async () => {
    setError(undefined);
    setBusy(true);
    try {
      onDone(
        await api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}`, { active: false }),
      );
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby="confirm-dialog-heading">
      <div className="stack">
        <Heading level={2} data-size="sm" id="confirm-dialog-heading">
          {t('users.confirmTitle', { name })}
        </Heading>
        <Paragraph>{t('users.confirmBody', { name })}</Paragraph>
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button data-color="danger" onClick={deactivate} loading={busy}>
            {t('users.confirmDeactivate')}
          </Button>
          <Button variant="secondary" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
