import { Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { EventView } from '../../../features/events/contract.js';
import type { FeedbackForm, FeedbackResults } from '../../../features/feedback/contract.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate } from '../../shared/dates.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { FormEditor } from './FeedbackFormEditor.js';
import { LinkSection } from './FeedbackLink.js';
import { ResultsSection } from './FeedbackResults.js';

/** /kafe/:eventId/tilbakemelding: compose the feedback form, its QR code and link, and the answers. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const base = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<EventView>(base);
  const [reload, setReload] = useState(0);
  const [justSaved, setJustSaved] = useState(false);
  const form = useLoad<FeedbackForm>(`${base}/feedback`, reload);
  const results = useLoad<FeedbackResults>(`${base}/feedback/results`, reload);

  const title = event.data
    ? t('cafe.feedback.heading', { title: event.data.title, date: shortDate(event.data.date, i18n.language) })
    : t('cafe.feedback.title');
  return (
    <Page title={title}>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${encodeURIComponent(eventId)}`}>{t('cafe.feedback.back')}</RouterLink>
        </Link>
      </Paragraph>
      <CafeError error={event.error ?? form.error} />
      {!form.data ? (
        form.loading && !form.error ? (
          <Spinner aria-label={t('app.loading')} />
        ) : null
      ) : (
        <>
          <Paragraph className="measure">{t('cafe.feedback.intro')}</Paragraph>
          {form.data.saved ? <LinkSection view={form.data} base={base} /> : null}
          <FormEditor
            key={`${form.data.version}-${reload}`}
            view={form.data}
            base={base}
            justSaved={justSaved}
            onSaved={(saved) => {
              form.setData(saved);
              setJustSaved(true);
              setReload((count) => count + 1);
            }}
            onReload={() => setReload((count) => count + 1)}
          />
          <ResultsSection results={results.data} error={results.error} />
        </>
      )}
    </Page>
  );
}
