import { useEffect, useState } from 'react';

/**
 * Moves the keyboard focus to the element with an id once React has drawn it: to a row just
 * added, a button that moved, or the first field that needs fixing. Returns `focusLater(id)`.
 */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<string>();
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(undefined);
  }, [target]);
  return setTarget;
}
