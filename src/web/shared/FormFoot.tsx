import { Button } from '@digdir/designsystemet-react';
import { ErrorNotice, Notice } from './Notice.js';

/**
 * The foot of a plain form: what was saved (when `saved` says so), what stopped the save, and the
 * submit button. Forms that save a version someone else may change use SaveBar instead.
 */
export function FormFoot({
  saved,
  error,
  busy,
  label,
}: {
  saved?: string;
  error: unknown;
  busy: boolean;
  /** The submit button's text. */
  label: string;
}) {
  return (
    <>
      {saved ? <Notice>{saved}</Notice> : null}
      <ErrorNotice error={error} />
      <div className="button-row">
        <Button type="submit" loading={busy}>
          {label}
        </Button>
      </div>
    </>
  );
}
