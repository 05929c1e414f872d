import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendingView } from '../../../features/sending/contract.js';
import { api } from '../../shared/api.js';
import { intlLocale } from '../../shared/format.js';
import { useLoad } from '../../shared/use-load.js';
import { finished } from './status.js';

/** How often the view is asked for while the invitations go out. */
const POLL_MS = 2000;
/** A planned sending this close (or past) is watched as if it were running. */
const WATCH_BEFORE_MS = 60_000;

/**
 * The sending of one café as it stands on the server: loaded once, asked for again every 2 s
 * while the invitations go out (and a minute before a planned run), and changed one request at
 * a time through `run`, with what a screen reader should hear about it.
 */
export function useSendingRun(base: string) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => new Intl.NumberFormat(intlLocale(i18n.language)).format(value);
  const loaded = useLoad<SendingView>(base);
  const [view, setView] = useState<SendingView>();
  const [error, setError] = useState<unknown>();
  const [pollError, setPollError] = useState<unknown>();
  const [pollAgain, setPollAgain] = useState(0);
  /** Counts the changes made here, so a poll that set out before one cannot undo its answer. */
  const changes = useRef(0);
  const [busy, setBusy] = useState<string | null>(null);
  const busyRef = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());
  // Screen readers hear when the run starts and when it is done, not every count on the way.
  const lastState = useRef<SendingView['state'] | undefined>(undefined);
  const receive = (answer: SendingView) => {
    const before = lastState.current;
    lastState.current = answer.state;
    setView(answer);
    setNow(Date.now());
    if (before === undefined || before === answer.state) return;
    if (answer.state === 'sending') setAnnouncement(t('cafe.sending.announce.started'));
    else if (answer.state === 'done')
      setAnnouncement(
        t('cafe.sending.announce.done', {
          sent: number(finished(answer.counts) - answer.counts.failed),
          failed: number(answer.counts.failed),
        }),
      );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: takes the first answer in
  useEffect(() => {
    if (loaded.data) receive(loaded.data);
  }, [loaded.data]);

  const sendAtMs = view?.sendAt ? Date.parse(view.sendAt) : null;
  /** Planned for a time that has come: the run is about to start. */
  const starting = view?.state === 'scheduled' && sendAtMs !== null && sendAtMs <= now;
  const watching =
    view?.state === 'sending' ||
    (view?.state === 'scheduled' && sendAtMs !== null && sendAtMs - now < WATCH_BEFORE_MS);

  // While the invitations go out: ask again every 2 s, until done or the page is left. A failed
  // poll is shown and tried again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each answer (a new view) asks for the next one
  useEffect(() => {
    if (!watching) return;
    let current = true;
    const timer = setTimeout(() => {
      const before = changes.current;
      // The counts while it runs; the households again once it is done.
      api
        .get<SendingView>(`${base}?households=false`)
        .then((answer) =>
          answer.state === 'sending' || answer.state === 'scheduled'
            ? { ...answer, households: view?.households ?? [] }
            : api.get<SendingView>(base),
        )
        .then((answer) => {
          if (!current) return;
          setPollError(undefined);
          if (before === changes.current) receive(answer);
          else setPollAgain((count) => count + 1);
        })
        .catch((caught) => {
          if (!current) return;
          setPollError(caught);
          setPollAgain((count) => count + 1);
        });
    }, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [watching, view, base, pollAgain]);

  // A planned sending further ahead: wake up a minute before it (at most an hour at a time).
  useEffect(() => {
    if (view?.state !== 'scheduled' || sendAtMs === null || watching) return;
    const wait = Math.min(sendAtMs - WATCH_BEFORE_MS - Date.now(), 3_600_000);
    const timer = setTimeout(() => setNow(Date.now()), Math.max(wait, 1000));
    return () => clearTimeout(timer);
  }, [view?.state, sendAtMs, watching]);

  /** One change at a time: a second click while the first is under way does nothing. */
  const run = async (
    key: string,
    request: () => Promise<SendingView>,
    done?: (answer: SendingView) => string,
    /** Takes care of an error itself (e.g. next to a field); false leaves it to the page. */
    handled?: (caught: unknown) => boolean,
  ): Promise<SendingView | undefined> => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    changes.current += 1;
    setBusy(key);
    setError(undefined);
    try {
      const answer = await request();
      changes.current += 1;
      receive(answer);
      if (done) setAnnouncement(done(answer));
      return answer;
    } catch (caught) {
      if (!handled?.(caught)) setError(caught);
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  return { loaded, view, error, pollError, busy, announcement, setAnnouncement, now, starting, receive, run };
}
