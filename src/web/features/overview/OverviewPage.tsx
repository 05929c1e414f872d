import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Spinner,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { EventView } from '../../../features/events/contract.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate, when } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './overview.css';
import type { Overview, OverviewHousehold } from '../../../features/overview/contract.js';
import { AfterCafe } from './AfterCafe.js';
import { answerOf, FILTERS, type Filter } from './answers.js';
import { NoteAnswerDialog } from './NoteAnswerDialog.js';
import { Attendance, Channels, Counts, WaitingList } from './OverviewFigures.js';
import { Households } from './OverviewHouseholds.js';
import { Reminders } from './Reminders.js';

/**
 * /kafe/:eventId/oversikt: the team's overview of the answers at a glance — the figures, the
 * waiting list, per channel, each household with its answer (filtered), the reminder schedule,
 * a reminder now to one group (two clicks), after the café the thank-you and «we missed you»,
 * and noting an answer given on the phone.
 */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { eventId = '' } = useParams();
  const eventPath = `/api/events/${encodeURIComponent(eventId)}`;
  const [reload, setReload] = useState(0);
  const event = useLoad<EventView>(eventPath);
  const overview = useLoad<Overview>(`${eventPath}/overview`, reload);
  const [announcement, setAnnouncement] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [noting, setNoting] = useState<OverviewHousehold>();
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);
  const view = overview.data;

  const heading = event.data
    ? t('cafe.overview.event.heading', {
        title: event.data.title,
        date: shortDate(event.data.date, language),
      })
    : t('cafe.overview.event.title');
  const closed =
    event.data && (event.data.status === 'cancelled' || Date.parse(event.data.startsAt) < Date.now());
  const shown = view
    ? filter === 'all'
      ? view.households
      : view.households.filter((h) => answerOf(h) === filter)
    : [];

  return (
    <Page
      title={
        event.data
          ? `${t('cafe.overview.event.title')} – ${event.data.title}`
          : t('cafe.overview.event.title')
      }
      heading={heading}
    >
      {event.data ? <Paragraph className="measure">{when(t, language, event.data)}</Paragraph> : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <CafeError error={overview.error ?? event.error} />
      {overview.loading && !view ? <Spinner aria-label={t('app.loading')} /> : null}
      {view ? (
        <>
          <section aria-labelledby="overview-counts-heading" className="stack">
            <Heading level={2} data-size="sm" id="overview-counts-heading">
              {t('cafe.overview.event.countsHeading')}
            </Heading>
            {view.counts.invited === 0 ? (
              <Paragraph className="measure">
                {t('cafe.overview.event.notSent')}{' '}
                <Link asChild>
                  <RouterLink to={`/kafe/${eventId}/utsending`}>{t('cafe.sending.link')}</RouterLink>
                </Link>
              </Paragraph>
            ) : null}
            <Counts view={view} number={number} />
            <div className="button-row">
              <Button asChild variant="secondary">
                <RouterLink to={`/kafe/${eventId}/mat`}>
                  {t('cafe.overview.event.foodLink', {
                    count: view.food.persons,
                    number: number(view.food.persons),
                  })}
                </RouterLink>
              </Button>
            </div>
          </section>
          <Attendance
            view={view}
            over={Boolean(event.data && Date.parse(event.data.startsAt) < Date.now())}
            number={number}
          />
          <WaitingList view={view} />
          <Channels view={view} number={number} />
          <Reminders
            view={view}
            eventPath={eventPath}
            closed={Boolean(closed)}
            announce={setAnnouncement}
            onChanged={() => setReload((n) => n + 1)}
          />
          {event.data?.status === 'planned' && Date.parse(event.data.endsAt) < Date.now() ? (
            <AfterCafe eventId={eventId} eventPath={eventPath} announce={setAnnouncement} />
          ) : null}
          <section aria-labelledby="overview-households-heading" className="stack">
            <Heading level={2} data-size="sm" id="overview-households-heading">
              {t('cafe.overview.event.householdsHeading', { number: number(view.households.length) })}
            </Heading>
            {view.households.length === 0 ? (
              <Paragraph>{t('cafe.overview.event.noHouseholds')}</Paragraph>
            ) : (
              <>
                <Field className="overview-filter">
                  <Label>{t('cafe.overview.event.filter')}</Label>
                  <Select
                    id="overview-filter"
                    value={filter}
                    onChange={(e) => {
                      const next = e.target.value as Filter;
                      setFilter(next);
                      const count =
                        next === 'all'
                          ? view.households.length
                          : view.households.filter((h) => answerOf(h) === next).length;
                      setAnnouncement(t('cafe.overview.event.filtered', { count, number: number(count) }));
                    }}
                  >
                    {FILTERS.map((f) => (
                      <Select.Option key={f} value={f}>
                        {t(`cafe.overview.event.filters.${f}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Households households={shown} closed={Boolean(closed)} onNote={setNoting} />
              </>
            )}
          </section>
        </>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${eventId}`}>{t('cafe.overview.event.back')}</RouterLink>
        </Link>
      </Paragraph>
      {noting ? (
        <NoteAnswerDialog
          household={noting}
          eventPath={eventPath}
          onClose={() => setNoting(undefined)}
          onSaved={(message) => {
            setNoting(undefined);
            setAnnouncement(message);
            setReload((n) => n + 1);
          }}
        />
      ) : null}
    </Page>
  );
}
