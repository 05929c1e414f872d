import { Alert, Button, Card, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInOslo } from '../../../domain/calendar.js';
import type { MyEvents } from '../../../features/my/contract.js';
import { useUser } from '../../app/session.js';
import {
  type AnswerErrors,
  type AnswerField,
  AnswerFields,
  type AnswerForm,
  answerBody,
  answerFieldId,
  answerFormOf,
  checkAnswerForm,
} from '../../shared/AnswerFields.js';
import { ApiError, api } from '../../shared/api.js';
import { longDate, when } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';
import { ErrorNotice, Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import './my.css';
import type { MyEvent } from '../../../features/my/contract.js';
import { Address, addressLines } from '../../shared/Address.js';

/** «Kari og Ola», «Kari, Ola and Per»: a list as the language writes it. */
function listOf(items: string[], language: string): string {
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}

/** The venue's street lines and town, as the shared Address writes them. */
const venueAddress = (venue: {
  addressLine: string | null;
  postcode: string | null;
  place: string | null;
}) => ({
  line: venue.addressLine,
  postcode: venue.postcode,
  place: venue.place,
});

function mapLink(venue: NonNullable<MyEvent['venue']>): string {
  const town = [venue.postcode, venue.place].filter(Boolean).join(' ');
  const query = [venue.addressLine ?? venue.name, town].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** /min-side: the foster parent's own page — the events they are invited to, and their answers. */
export function MyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { data: events, error, loading, setData } = useLoad<MyEvents>('/api/my/events');
  const households = new Set(events?.map((event) => event.household.id));

  const replace = (changed: MyEvent) =>
    setData((current) =>
      current?.map((event) =>
        event.eventId === changed.eventId && event.household.id === changed.household.id ? changed : event,
      ),
    );

  return (
    <Page title={t('nav.myPage')}>
      <Paragraph className="measure">{t('my.intro')}</Paragraph>
      <ErrorNotice error={error} />
      {loading && !events ? <Spinner aria-label={t('my.loading')} /> : null}
      {events && events.length === 0 ? (
        <Card data-color="neutral" className="my-empty">
          <Heading level={2} data-size="xs">
            {t('my.emptyHeading')}
          </Heading>
          <Paragraph>{t('my.empty')}</Paragraph>
          <Paragraph>{t('my.notLinked', { email: user.email })}</Paragraph>
        </Card>
      ) : null}
      {events && events.length > 0 ? (
        <ul className="my-events">
          {events.map((event) => (
            <li key={`${event.eventId}-${event.household.id}`}>
              <EventCard event={event} showHousehold={households.size > 1} onSaved={replace} />
            </li>
          ))}
        </ul>
      ) : null}
      {events && events.length > 0 ? (
        <Paragraph className="measure">{t('my.notLinked', { email: user.email })}</Paragraph>
      ) : null}
    </Page>
  );
}

function EventCard({
  event,
  showHousehold,
  onSaved,
}: {
  event: MyEvent;
  showHousehold: boolean;
  onSaved: (event: MyEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card data-color="neutral" className="my-card">
      <Heading level={2} data-size="sm">
        {event.title}
      </Heading>
      {showHousehold ? (
        <Paragraph data-size="sm">
          {t('my.household', { names: listOf(event.household.firstNames, language) })}
        </Paragraph>
      ) : null}
      <dl className="my-facts">
        <div>
          <dt>{t('my.when')}</dt>
          <dd>{when(t, language, event)}</dd>
        </div>
        <div>
          <dt>{t('my.where')}</dt>
          <dd>
            {event.venue ? (
              <>
                <span className="my-address">
                  {event.venue.name}
                  {addressLines(venueAddress(event.venue)).length > 0 ? <br /> : null}
                  <Address address={venueAddress(event.venue)} empty="" />
                </span>
                <Link href={mapLink(event.venue)}>{t('my.map', { venue: event.venue.name })}</Link>
              </>
            ) : (
              t('my.noVenue')
            )}
          </dd>
        </div>
        {event.hosts.length ? (
          <div>
            <dt>{t('my.hosts')}</dt>
            <dd>{listOf(event.hosts, language)}</dd>
          </div>
        ) : null}
      </dl>
      {event.programme.length ? (
        <div>
          <Heading level={3} data-size="2xs">
            {t('my.programme')}
          </Heading>
          <ul className="my-programme">
            {event.programme.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; their order is their identity
              <li key={index}>
                {[
                  item.title,
                  item.speaker ?? '',
                  item.minutes === null ? '' : t('my.minutes', { count: item.minutes }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {event.deadline && event.canChange ? (
        <Paragraph data-size="sm">
          {t('my.deadline', { date: longDate(event.deadline, language, false) })}
        </Paragraph>
      ) : null}
      <AnswerSection event={event} onSaved={onSaved} />
    </Card>
  );
}

/** The answer in words: what the household said, and where it stands. */
function answerText(t: ReturnType<typeof useTranslation>['t'], event: MyEvent): string {
  const answer = event.answer;
  if (!answer || !event.status) return t('my.answer.none');
  switch (event.status) {
    case 'confirmed':
      return t('my.answer.confirmed', {
        adults: t('my.adults', { count: answer.adults }),
        children: t('my.children', { count: answer.children }),
      });
    case 'waiting':
      return t('my.answer.waiting', { place: event.place ?? 1 });
    case 'maybe':
      return t('my.answer.maybe');
    default:
      return t('my.answer.not_coming');
  }
}

function AnswerSection({ event, onSaved }: { event: MyEvent; onSaved: (event: MyEvent) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<AnswerForm>(() =>
    answerFormOf(event.answer, event.household.firstNames.length || 1),
  );
  const [errors, setErrors] = useState<AnswerErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<MyEvent | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (patch: Partial<AnswerForm>, field?: AnswerField) => {
    setForm((current) => ({ ...current, ...patch }));
    setSaved(null);
    if (field && errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const found = checkAnswerForm(form, (rule) => t(`my.fieldErrors.${rule}`));
    setErrors(found);
    setFailure(undefined);
    setSaved(null);
    const first = (Object.keys(found) as AnswerField[])[0];
    if (first) {
      document.getElementById(answerFieldId(id, first))?.focus();
      return;
    }
    setSaving(true);
    try {
      const answer = await api.put<MyEvent>(`/api/my/events/${encodeURIComponent(event.eventId)}/answer`, {
        householdId: event.household.id,
        ...answerBody(form),
      });
      setSaved(answer);
      onSaved(answer);
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        caught.code === 'validation.invalid' &&
        Array.isArray(caught.details)
      ) {
        const fromServer: AnswerErrors = {};
        for (const detail of caught.details as { field?: string }[]) {
          const field = detail.field === 'householdId' ? undefined : (detail.field as AnswerField);
          if (field && i18n.exists(`my.fieldErrors.${field}`))
            fromServer[field] = t(`my.fieldErrors.${field}`);
        }
        setErrors(fromServer);
      }
      setFailure(caught);
    } finally {
      setSaving(false);
    }
  };

  const closedText = !event.canChange
    ? event.deadline && todayInOslo() > event.deadline
      ? t('my.deadlinePassed', { date: longDate(event.deadline, i18n.language, false) })
      : t('my.closed')
    : null;

  return (
    <section className="my-answer" aria-labelledby={`${id}-heading`}>
      <Heading level={3} data-size="xs" id={`${id}-heading`}>
        {t('my.answer.heading')}
      </Heading>
      <Paragraph className="my-answer__now">{answerText(t, event)}</Paragraph>
      {closedText ? (
        <Paragraph data-size="sm">{closedText}</Paragraph>
      ) : (
        <form className="my-form" noValidate onSubmit={submit}>
          <AnswerFields
            id={id}
            form={form}
            errors={errors}
            onChange={change}
            labels={{
              question: t('my.form.question'),
              response: (response) => t(`my.form.${response}`),
              adults: t('my.form.adults'),
              children: t('my.form.children'),
              diet: t('my.form.diet'),
              dietHint: t('my.form.dietHint'),
              dietNote: t('my.form.dietNote'),
              comment: t('my.form.comment'),
            }}
          />
          <div className="button-row">
            <Button type="submit" aria-disabled={saving || undefined} loading={saving}>
              {event.answer ? t('my.form.change') : t('my.form.send')}
            </Button>
          </div>
          {saved ? (
            <Notice>
              {saved.status === 'waiting' ? t('my.savedWaiting', { place: saved.place ?? 1 }) : t('my.saved')}
            </Notice>
          ) : null}
          <AnswerError error={failure} />
        </form>
      )}
    </section>
  );
}

/** The API's refusals in the words of this page; others as the app says them. */
function AnswerError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  if (code && i18n.exists(`my.errors.${code}`))
    return (
      <Alert data-color="danger" role="alert">
        <Paragraph>{t(`my.errors.${code}`)}</Paragraph>
      </Alert>
    );
  return <ErrorNotice error={error} />;
}
