import { useEffect, useState } from 'react';

/**
 * For a dialog rendered only while open: when it goes away, focus goes back to the button that
 * opened it, so keyboard and screen-reader users keep their place in the page.
 */
export function useReturnFocus(): void {
  // Read while rendering: by the time effects run, the dialog has already taken focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
}
