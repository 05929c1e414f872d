import { Button } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { CafeError } from './CafeError.js';
import { Notice } from './Notice.js';

/**
 * The foot of a form that saves a version: what stopped the save (someone else saved first, with
 * a way to load theirs; or the error) above the save button and anything beside it.
 */
export function SaveBar({
  conflict,
  conflictText,
  reloadText,
  onReload,
  error,
  busy,
  label,
  children,
}: {
  conflict: boolean;
  conflictText: string;
  reloadText: string;
  onReload?: () => void;
  error: unknown;
  busy: boolean;
  /** The submit button's text. */
  label: string;
  /** Beside the save button, e.g. a way to cancel. */
  children?: ReactNode;
}) {
  return (
    <>
      {conflict ? (
        <Notice kind="warning">
          {conflictText}{' '}
          <Button variant="secondary" data-size="sm" onClick={onReload}>
            {reloadText}
          </Button>
        </Notice>
      ) : null}
      <CafeError error={error} />
      <div className="button-row">
        <Button type="submit" loading={busy}>
          {label}
        </Button>
        {children}
      </div>
    </>
  );
}
