import { useRef, useState } from 'react';

/**
 * One save at a time, for the forms a resource family sends from a phone where a double tap
 * would send twice: `begin()` says whether a save may start (and clears the last error), and
 * `save(work)` runs it, busy meanwhile, keeping the error it ends with.
 */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The ref, not the state, because a second submit can come before React renders `busy`.
  const busyRef = useRef(false);

  const begin = (): boolean => {
    if (busyRef.current) return false;
    setError(undefined);
    return true;
  };

  const save = async (work: () => Promise<void>): Promise<void> => {
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return { busy, error, begin, save };
}
