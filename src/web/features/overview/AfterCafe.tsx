import { Button, Checkbox, Fieldset, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { AfterCafeView } from '../../../features/sending/contract.js';
import { api } from '../../shared/api.js';
import { osloTime } from '../../shared/dates.js';
import { ErrorNotice } from '../../shared/Notice.js';
import { useLoad } from '../../shared/use-load.js';

/**
 * After the café (shown once it has ended): the team sends, with one click, the thank-you with
 * the feedback link to the households that came and, if it ticks it, «we missed you» to those
 * who said yes and did not come. Each household gets each once; the counts say how many have.
 */
export function AfterCafe({
  eventId,
  eventPath,
  announce,
}: {
  eventId: string;
  eventPath: string;
  announce: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [reload, setReload] = useState(0);
  const view = useLoad<AfterCafeView>(`${eventPath}/after-cafe`, reload);
  const [thanks, setThanks] = useState(true);
  const [missed, setMissed] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const data = view.data;
  if (!data?.held) return null;
  const left = {
    thanks: data.thanks.households - data.thanks.sent,
    missed: data.missed.households - data.missed.sent,
  };

  const send = async (submitEvent: FormEvent) => {
    submitEvent.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const answer = await api.post<AfterCafeView>(`${eventPath}/after-cafe`, {
        thanks: thanks && data.feedbackForm,
        missed,
      });
      const later = answer.at && Date.parse(answer.at) > Date.now() + 60_000;
      announce(
        later
          ? t('afterCafe.sentLater', { time: osloTime(answer.at as string, i18n.language) })
          : t('afterCafe.sentNow'),
      );
      setReload((n) => n + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="after-cafe-heading" className="stack">
      <Heading level={2} data-size="sm" id="after-cafe-heading">
        {t('afterCafe.heading')}
      </Heading>
      <Paragraph className="measure">{t('afterCafe.intro')}</Paragraph>
      <ul>
        <li>{t('afterCafe.thanksSent', { count: data.thanks.households, sent: data.thanks.sent })}</li>
        <li>{t('afterCafe.missedSent', { count: data.missed.households, sent: data.missed.sent })}</li>
      </ul>
      {data.feedbackForm ? null : (
        <Paragraph className="measure">
          {t('afterCafe.noForm')}{' '}
          <Link asChild>
            <RouterLink to={`/kafe/${eventId}/tilbakemelding`}>{t('afterCafe.formLink')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {left.thanks + left.missed === 0 ? null : (
        <form noValidate onSubmit={send} className="stack">
          <Fieldset>
            <Fieldset.Legend>{t('afterCafe.legend')}</Fieldset.Legend>
            {data.feedbackForm && left.thanks > 0 ? (
              <Checkbox
                label={t('afterCafe.thanks', { count: left.thanks })}
                value="thanks"
                checked={thanks}
                onChange={(e) => setThanks(e.target.checked)}
              />
            ) : null}
            {left.missed > 0 ? (
              <Checkbox
                label={t('afterCafe.missed', { count: left.missed })}
                value="missed"
                checked={missed}
                onChange={(e) => setMissed(e.target.checked)}
              />
            ) : null}
          </Fieldset>
          <ErrorNotice error={error} />
          <div className="button-row">
            <Button type="submit" loading={sending} aria-disabled={sending || undefined}>
              {t('afterCafe.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
