import { Button, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { addDays, todayInOslo } from '../../../domain/calendar.js';
import type { EventList, EventView } from '../../../features/events/contract.js';
import { CafeError } from '../../shared/CafeError.js';
import { when } from '../../shared/dates.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { EventStatusTag, isPast } from './EventStatusTag.js';
import { ProblemList } from './ProblemList.js';

/** /kafe: the cafés of the past year and the ones ahead, with the ways to plan more. */
export function EventsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const today = todayInOslo();
  const from = addDays(today, -365);
  const to = addDays(today, 2 * 365);
  const { data, error, loading } = useLoad<EventList>(`/api/events?from=${from}&to=${to}`);
  const events = data?.events ?? [];
  const upcoming = events.filter((event) => event.date >= today);
  const past = events.filter((event) => event.date < today).reverse();
  const notice = (location.state as { notice?: string; count?: number } | null)?.notice;

  return (
    <Page title={t('cafe.overview.title')}>
      <Paragraph className="measure">{t('cafe.overview.intro')}</Paragraph>
      {notice === 'created' ? (
        <Notice>
          {t('cafe.overview.created', { count: (location.state as { count?: number }).count ?? 1 })}
        </Notice>
      ) : null}
      {notice === 'cancelled' ? <Notice>{t('cafe.overview.cancelled')}</Notice> : null}
      <div className="button-row">
        <Button asChild>
          <RouterLink to="/kafe/sesong">{t('cafe.overview.planSeason')}</RouterLink>
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to="/kafe/ny">{t('cafe.overview.newEvent')}</RouterLink>
        </Button>
        <Button asChild variant="tertiary">
          <RouterLink to="/kafe/lokaler">{t('cafe.overview.venues')}</RouterLink>
        </Button>
      </div>
      <CafeError error={error} />
      {loading && !data && !error ? <Spinner aria-label={t('app.loading')} /> : null}
      {data ? (
        <>
          <EventGroup
            heading={t('cafe.overview.upcoming')}
            empty={t('cafe.overview.noUpcoming')}
            events={upcoming}
            id="upcoming"
          />
          <EventGroup
            heading={t('cafe.overview.past')}
            empty={t('cafe.overview.noPast')}
            events={past}
            id="past"
          />
        </>
      ) : null}
    </Page>
  );
}

function EventGroup({
  heading,
  empty,
  events,
  id,
}: {
  heading: string;
  empty: string;
  events: EventView[];
  id: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={`cafe-${id}-heading`} className="stack">
      <Heading level={2} data-size="sm" id={`cafe-${id}-heading`}>
        {heading}
      </Heading>
      {events.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      <ul className="cafe-cards">
        {events.map((event) => (
          <li key={event.id}>
            <Card data-color="neutral" className="cafe-card">
              <Heading level={3} data-size="2xs">
                <Link asChild>
                  <RouterLink to={`/kafe/${event.id}`}>{when(t, i18n.language, event)}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                {event.title}
                {' · '}
                {event.venue
                  ? [event.venue.name, event.venue.place].filter(Boolean).join(', ')
                  : t('cafe.noVenue')}
              </Paragraph>
              <p className="cafe-card__tags">
                <EventStatusTag event={event} />
              </p>
              {event.status === 'planned' && !isPast(event) ? (
                <ProblemList problems={event.problems.filter((p) => p.severity !== 'info')} />
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
