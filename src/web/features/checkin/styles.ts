import type { CSSProperties } from 'react';

/** Tap targets of at least 44 × 44 px (WCAG 2.5.5), on a phone too. */
export const TAP_TARGET: CSSProperties = { minHeight: '2.75rem', minWidth: '2.75rem' };
export const LIST: CSSProperties = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: 'var(--ds-size-3)',
};
export const ROW: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 'var(--ds-size-3)',
  padding: 'var(--ds-size-3) var(--ds-size-4)',
  // Longhands only, the same in both styles: React cannot undo a longhand over a shorthand.
  borderStyle: 'solid',
  borderWidth: '1px',
  borderInlineStartWidth: '1px',
  borderColor: 'var(--ds-color-neutral-border-subtle)',
  borderRadius: 'var(--ds-border-radius-md)',
  background: 'var(--ds-color-neutral-background-default)',
};
export const ROW_PRESENT: CSSProperties = {
  ...ROW,
  borderColor: 'var(--ds-color-success-border-default)',
  borderInlineStartWidth: '0.5rem',
  background: 'var(--ds-color-success-surface-tinted)',
};
export const ROW_TEXT: CSSProperties = {
  flex: '1 1 12rem',
  minWidth: 0,
  display: 'grid',
  gap: 'var(--ds-size-1)',
};
export const NAME: CSSProperties = { margin: 0, fontWeight: 600, overflowWrap: 'anywhere' };
export const TAGS: CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-2)' };
export const STACK: CSSProperties = { display: 'grid', gap: 'var(--ds-size-4)', minWidth: 0 };
export const FIELDS: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
  gap: 'var(--ds-size-3)',
  alignItems: 'end',
};
