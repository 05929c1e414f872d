import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { SendingView } from '../../../features/sending/contract.js';
import { atTime } from './status.js';

/**
 * What the team needs to know when a provider is down: which channel fails, since when, the
 * provider's last answer, and that Landsby keeps trying by itself; and, once for all of them,
 * the messages given up because their time ran out. Not a live region: the page polls every 2 s,
 * and the count of waiting messages would be read out each time it changes.
 */
export function TroubleSection({ view, number }: { view: SendingView; number: (value: number) => string }) {
  const { t, i18n } = useTranslation();
  if (view.trouble.length === 0 && view.gaveUp.length === 0) return null;
  return (
    <section aria-labelledby="sending-trouble-heading" className="stack">
      <Heading level={2} data-size="sm" id="sending-trouble-heading">
        {t('cafe.sending.troubleHeading')}
      </Heading>
      {view.trouble.map((trouble) => {
        const provider = t(`cafe.sending.trouble.providers.${trouble.channel}`);
        return (
          <Alert key={trouble.channel} data-color="warning" className="stack">
            <Heading level={3} data-size="xs">
              {t('cafe.sending.trouble.failing', {
                channel: t(`cafe.sending.trouble.channels.${trouble.channel}`),
              })}
            </Heading>
            <Paragraph>
              {t('cafe.sending.trouble.since', { when: atTime(t, i18n.language, trouble.since) })}
            </Paragraph>
            {trouble.lastAnswer ? (
              <Paragraph>
                {t('cafe.sending.trouble.answer', { provider, answer: trouble.lastAnswer })}
              </Paragraph>
            ) : null}
            <Paragraph>
              {t('cafe.sending.trouble.keepsTrying', {
                count: trouble.waiting,
                number: number(trouble.waiting),
                provider,
              })}
            </Paragraph>
          </Alert>
        );
      })}
      {view.gaveUp.map((given) => (
        <Alert key={given.reason} data-color="danger">
          <Paragraph>
            {t(`cafe.sending.gaveUp.${given.reason}`, { count: given.count, number: number(given.count) })}
          </Paragraph>
        </Alert>
      ))}
    </section>
  );
}
