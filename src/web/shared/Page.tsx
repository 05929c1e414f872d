import { Heading } from '@digdir/designsystemet-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

interface PageProps {
  /** The page's name, for the browser tab; also the heading unless `heading` is given. */
  title: string;
  heading?: ReactNode;
  children: ReactNode;
}

/**
 * Every page: sets the document title and renders the one <h1>. After moving to another page
 * inside the app, focus goes to the heading so screen readers announce the new page.
 */
export function Page({ title, heading, children }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();

  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);

  // A new path is a new page; a new ?query on the same page (a filter, the next page of a list)
  // is not, and leaves focus where the user is.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per path, reading the key of that moment
  useEffect(() => {
    // 'default' is the page the browser loaded; only later navigation moves focus.
    if (key !== 'default') headingRef.current?.focus();
  }, [pathname]);

  return (
    <div className="page">
      <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1} className="page__heading">
        {heading ?? title}
      </Heading>
      {children}
    </div>
  );
}
