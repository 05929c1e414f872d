import { Button, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { EventView } from '../../../features/events/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { shortDate, when } from '../../shared/dates.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { EvaluationSection } from '../feedback/EvaluationSection.js';
import { type EventForm, EventFormView, formOf } from './EventForm.js';
import { EventImageSection } from './EventImageSection.js';
import { EventStatusTag, isPast } from './EventStatusTag.js';
import { ProblemList } from './ProblemList.js';

/** /kafe/ny: a café outside the season plan (or a gathering). */
export function NewEventPage() {
  const { t } = useTranslation();
  const [initial] = useState<EventForm>(() => ({
    title: t('cafe.event.defaultTitle'),
    date: '',
    startTime: '18:00',
    endTime: '20:00',
    venueId: '',
    capacity: '',
    food: true,
    registration: 'optional',
    deadline: '',
    programme: [],
    hostUserIds: [],
  }));
  return (
    <Page title={t('cafe.event.newTitle')}>
      <EventFormView initial={initial} />
    </Page>
  );
}

/** The pages of one café, in the order the team works: who, what, send, answers, the evening, after. */
const EVENT_PAGES = [
  ['mottakere', 'cafe.event.audience'],
  ['invitasjon', 'cafe.invitation.link'],
  ['utsending', 'cafe.sending.link'],
  ['oversikt', 'cafe.overview.event.link'],
  ['innsjekk', 'cafe.checkin.link'],
  ['velkomst', 'cafe.welcome.link'],
  ['tilbakemelding', 'cafe.feedback.link'],
] as const;

/** /kafe/:eventId: one café — what, when, where, who hosts — its form, and cancelling it. */
export function EventPage() {
  const { t, i18n } = useTranslation();
  const { eventId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [reload, setReload] = useState(0);
  const {
    data: event,
    error,
    loading,
  } = useLoad<EventView>(`/api/events/${encodeURIComponent(eventId)}`, reload);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState((location.state as { notice?: string } | null)?.notice === 'created');

  if (!event) {
    return (
      <Page title={t('cafe.event.title')}>
        <CafeError error={error} />
        {loading && !error ? <Spinner aria-label={t('app.loading')} /> : null}
        <Paragraph>
          <Link asChild>
            <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
          </Link>
        </Paragraph>
      </Page>
    );
  }

  const heading = when(t, i18n.language, event);
  const cancelled = event.status === 'cancelled';
  return (
    <Page title={`${event.title} ${shortDate(event.date, i18n.language)}`} heading={heading}>
      {saved ? <Notice>{t('cafe.event.saved')}</Notice> : null}
      <Card data-color="neutral" className="cafe-card">
        <Heading level={2} data-size="xs">
          {event.title} <EventStatusTag event={event} />
        </Heading>
        <dl className="cafe-facts">
          <div>
            <dt>{t('cafe.event.venue')}</dt>
            <dd>
              {event.venue
                ? [event.venue.name, event.venue.place].filter(Boolean).join(', ')
                : t('cafe.noVenue')}
            </dd>
          </div>
          <div>
            <dt>{t('cafe.event.food')}</dt>
            <dd>{event.food ? t('cafe.yes') : t('cafe.no')}</dd>
          </div>
          <div>
            <dt>{t('cafe.event.registration')}</dt>
            <dd>
              {t(`cafe.registration.${event.registration}`)}
              {event.registration === 'required' && event.deadline
                ? ` (${t('cafe.event.deadlineShort', { date: shortDate(event.deadline, i18n.language) })})`
                : ''}
            </dd>
          </div>
          <div>
            <dt>{t('cafe.event.capacity')}</dt>
            <dd>{event.capacity ?? '–'}</dd>
          </div>
          <div>
            <dt>{t('cafe.event.hosts')}</dt>
            <dd>{event.hosts.map((host) => host.firstName).join(', ') || '–'}</dd>
          </div>
        </dl>
        {event.programme.length ? (
          <div>
            <Heading level={3} data-size="2xs">
              {t('cafe.event.programme')}
            </Heading>
            <ul className="cafe-programme">
              {event.programme.map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; their order is their identity
                <li key={index}>
                  {[
                    t(`cafe.programmeKinds.${item.kind}`),
                    item.title,
                    item.minutes === null ? '' : t('cafe.audience.travelMinutes', { minutes: item.minutes }),
                    item.speaker ?? '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {isPast(event) ? null : <ProblemList problems={event.problems} />}
        {cancelled ? null : (
          <div className="button-row">
            {EVENT_PAGES.map(([path, label], index) => (
              <Button asChild key={path} variant={index === 0 ? 'primary' : 'secondary'}>
                <RouterLink to={`/kafe/${event.id}/${path}`}>{t(label)}</RouterLink>
              </Button>
            ))}
            <Button variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
              {t('cafe.event.cancel')}
            </Button>
          </div>
        )}
      </Card>
      <EvaluationSection key={`evaluation-${event.id}`} event={event} />
      {cancelled ? null : <EventImageSection key={event.id} event={event} />}
      {cancelled ? null : (
        <EventFormView
          key={event.version}
          event={event}
          initial={formOf(event)}
          onSaved={() => {
            setSaved(true);
            setReload((count) => count + 1);
          }}
          onReload={() => setReload((count) => count + 1)}
        />
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
        </Link>
      </Paragraph>
      {confirming ? (
        <ConfirmDialog
          title={t('cafe.event.cancelTitle')}
          body={t('cafe.event.cancelBody', { when: heading })}
          confirmLabel={t('cafe.event.cancelConfirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            await api.post(`/api/events/${encodeURIComponent(event.id)}/cancel`);
            navigate('/kafe', { state: { notice: 'cancelled' } });
          }}
        />
      ) : null}
    </Page>
  );
}
