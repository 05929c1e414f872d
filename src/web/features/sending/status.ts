import type { TFunction } from 'i18next';
import type { SendingStatus } from '../../../domain/sending.js';
import type { SendingView } from '../../../features/sending/contract.js';
import { longDate, osloTime } from '../../shared/dates.js';
import { osloInputValue } from '../../shared/oslo-input.js';

export const STATUS_COLOR: Record<SendingStatus, 'neutral' | 'info' | 'success' | 'danger'> = {
  not_sent: 'neutral',
  queued: 'info',
  sending: 'info',
  sent: 'success',
  delivered: 'success',
  printed: 'success',
  failed: 'danger',
};

/** The columns of the table per channel. */
export const ROW_STATUSES = ['queued', 'sent', 'delivered', 'printed', 'failed'] as const;

/** Statuses where the channel can still be changed: nothing has gone, or it failed and will go again. */
export const OPEN_STATUSES: SendingStatus[] = ['not_sent', 'failed'];

/** «tirsdag 19. januar 2027 kl. 09.00» for an instant, in Oslo. */
export function atTime(t: TFunction, language: string, iso: string): string {
  return t('cafe.sending.moment', {
    date: longDate(osloInputValue(iso).slice(0, 10), language),
    time: osloTime(iso, language),
  });
}

/** Messages that have gone one way or the other: the progress of a run. */
export const finished = (counts: SendingView['counts']) =>
  counts.sent + counts.delivered + counts.printed + counts.failed;
/** Messages of the run: every household but those not sent yet. */
export const inRun = (counts: SendingView['counts']) => counts.households - counts.not_sent;
