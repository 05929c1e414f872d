import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './Notice.js';
import { useReturnFocus } from './use-return-focus.js';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Does the thing; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** «Arkivere Kari og Ola Nordmann?» — asked before a step that is hard to undo. Rendered only while open. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  useReturnFocus();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setError(undefined);
    setBusy(true);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby="confirm-dialog-heading">
      <div className="stack">
        <Heading level={2} data-size="sm" id="confirm-dialog-heading">
          {title}
        </Heading>
        <Paragraph>{body}</Paragraph>
        <ErrorNotice error={error} />
        <div className="button-row">
          <Button data-color="danger" onClick={confirm} loading={busy} aria-disabled={busy || undefined}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
