import { Heading } from '@digdir/designsystemet-react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SENDING_STATUSES } from '../../../domain/sending.js';
import type { SendingView } from '../../../features/sending/contract.js';
import { atTime, finished, inRun } from './status.js';

/** Where the sending stands: planned, under way (with a progress bar) or done, and the counts. */
export function StateSection({
  view,
  headingRef,
  number,
}: {
  view: SendingView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  number: (value: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const total = inRun(view.counts);
  const gone = finished(view.counts);
  const stateText =
    view.state === 'not_planned'
      ? t('cafe.sending.states.not_planned')
      : view.state === 'scheduled' && view.sendAt && Date.parse(view.sendAt) <= Date.now()
        ? t('cafe.sending.states.starting')
        : view.state === 'scheduled' && view.sendAt
          ? t('cafe.sending.states.scheduled', { when: atTime(t, i18n.language, view.sendAt) })
          : view.state === 'sending'
            ? t('cafe.sending.states.sending', { done: number(gone), total: number(total) })
            : t('cafe.sending.states.done');
  return (
    <section aria-labelledby="sending-state-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-state-heading" ref={headingRef} tabIndex={-1}>
        {t('cafe.sending.stateHeading')}
      </Heading>
      <p className="cafe-sending-state">{stateText}</p>
      {view.state === 'sending' ? (
        <div className="cafe-sending-progress">
          <label htmlFor="sending-progress">{t('cafe.sending.progressLabel')}</label>
          <progress id="sending-progress" max={Math.max(total, 1)} value={gone}>
            {t('cafe.sending.progressText', { done: number(gone), total: number(total) })}
          </progress>
        </div>
      ) : null}
      <dl className="cafe-facts cafe-sending-counts">
        <div>
          <dt>{t('cafe.sending.households')}</dt>
          <dd>{number(view.counts.households)}</dd>
        </div>
        {SENDING_STATUSES.map((status) => (
          <div key={status}>
            <dt>{t(`cafe.sending.statuses.${status}`)}</dt>
            <dd>{number(view.counts[status] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
