import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways inside this region on narrow screens instead of widening the
 * page; the region can take focus so keyboard users can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="scroll-table" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
