import { Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import type { EventView } from '../../../features/events/contract.js';
import type { Overview } from '../../../features/overview/contract.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate, when } from '../../shared/dates.js';
import { formatDateTime, intlLocale } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { NARROW, useMediaQuery } from '../../shared/use-media-query.js';
import './overview.css';

/**
 * /kafe/:eventId/mat: the caterer's list, printable — how many come (adults, children; not the
 * waiting list), the households per diet, and the notes about food. No names: the kitchen needs
 * numbers, not who (least data).
 */
export function FoodListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { eventId = '' } = useParams();
  const eventPath = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<EventView>(eventPath);
  const overview = useLoad<Overview>(`${eventPath}/overview`);
  const number = (value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);
  const food = overview.data?.food;
  const narrow = useMediaQuery(NARROW);
  const heading = event.data
    ? t('cafe.food.heading', { title: event.data.title, date: shortDate(event.data.date, language) })
    : t('cafe.food.title');

  return (
    <div className="food-list">
      <Page
        title={event.data ? `${t('cafe.food.title')} – ${event.data.title}` : t('cafe.food.title')}
        heading={heading}
      >
        {event.data ? (
          <Paragraph className="measure">
            {when(t, language, event.data)}
            {event.data.venue ? ` – ${event.data.venue.name}` : ''}
          </Paragraph>
        ) : null}
        <CafeError error={overview.error ?? event.error} />
        {overview.loading && !food ? <Spinner aria-label={t('app.loading')} /> : null}
        {food ? (
          <>
            <Paragraph className="food-list__stamp">
              {t('cafe.food.stamp', { when: formatDateTime(new Date().toISOString(), language) })}
            </Paragraph>
            {food.served ? null : <Paragraph className="measure">{t('cafe.food.notServed')}</Paragraph>}
            <section aria-labelledby="food-persons-heading" className="stack">
              <Heading level={2} data-size="sm" id="food-persons-heading">
                {t('cafe.food.personsHeading')}
              </Heading>
              <dl className="overview-figures">
                <div className="overview-figure">
                  <dt>{t('cafe.food.persons')}</dt>
                  <dd>{number(food.persons)}</dd>
                </div>
                <div className="overview-figure">
                  <dt>{t('cafe.food.adults')}</dt>
                  <dd>{number(food.adults)}</dd>
                </div>
                <div className="overview-figure">
                  <dt>{t('cafe.food.children')}</dt>
                  <dd>{number(food.children)}</dd>
                </div>
              </dl>
              <Paragraph className="measure">{t('cafe.food.personsHint')}</Paragraph>
            </section>
            <section aria-labelledby="food-diets-heading" className="stack">
              <Heading level={2} data-size="sm" id="food-diets-heading">
                {t('cafe.food.dietsHeading')}
              </Heading>
              {food.diets.length === 0 ? (
                <Paragraph>{t('cafe.food.noDiets')}</Paragraph>
              ) : narrow ? (
                <ul className="food-list__diets">
                  {food.diets.map((d) => (
                    <li key={d.diet}>
                      <strong>{t(`my.diets.${d.diet}`)}</strong>:{' '}
                      {t('cafe.food.dietLine', {
                        households: t('cafe.overview.event.households', { count: d.households }),
                        persons: t('cafe.food.personsCount', { count: d.persons }),
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                <Table className="food-list__table">
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('cafe.food.diet')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('cafe.food.households')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('cafe.food.personsIn')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {food.diets.map((d) => (
                      <Table.Row key={d.diet}>
                        <Table.HeaderCell scope="row">{t(`my.diets.${d.diet}`)}</Table.HeaderCell>
                        <Table.Cell>{number(d.households)}</Table.Cell>
                        <Table.Cell>{number(d.persons)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              )}
            </section>
            <section aria-labelledby="food-notes-heading" className="stack">
              <Heading level={2} data-size="sm" id="food-notes-heading">
                {t('cafe.food.notesHeading')}
              </Heading>
              {food.notes.length === 0 ? (
                <Paragraph>{t('cafe.food.noNotes')}</Paragraph>
              ) : (
                <ul className="food-list__notes">
                  {food.notes.map((note, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two households may write the same note
                    <li key={index}>{note}</li>
                  ))}
                </ul>
              )}
            </section>
            <div className="button-row food-list__actions">
              <Button onClick={() => window.print()}>{t('cafe.food.print')}</Button>
            </div>
          </>
        ) : null}
        <Paragraph className="food-list__actions">
          <Link asChild>
            <RouterLink to={`/kafe/${eventId}/oversikt`}>{t('cafe.food.back')}</RouterLink>
          </Link>
        </Paragraph>
      </Page>
    </div>
  );
}
