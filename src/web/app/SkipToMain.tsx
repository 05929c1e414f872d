import { SkipLink } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The first focusable element of every page. It moves focus itself instead of changing the
 * address's #fragment, which on the password pages holds the token.
 */
export function SkipToMain() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <SkipLink href="#main" onClick={skip}>
      {t('app.skipLink')}
    </SkipLink>
  );
}
