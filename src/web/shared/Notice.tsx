import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useErrorText } from './errors.js';

export type NoticeKind = 'success' | 'info' | 'warning' | 'danger';

/** A message of our own (not from the API), read out by screen readers when it appears. */
export function Notice({ kind = 'success', children }: { kind?: NoticeKind; children: ReactNode }) {
  return (
    <Alert data-color={kind} role={kind === 'danger' ? 'alert' : 'status'}>
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

/** An error from the API (or an error code), in the user's language; nothing when there is none. */
export function ErrorNotice({ error, children }: { error: unknown; children?: ReactNode }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(error)}</Paragraph>
      {children}
    </Alert>
  );
}
