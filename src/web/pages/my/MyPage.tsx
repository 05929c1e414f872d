import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Radio,
  Spinner,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMMENT_MAX,
  DIET_NOTE_MAX,
  DIETS,
  MAX_PERSONS,
  RESPONSES,
  type Response,
} from '../../../domain/answer.js';
import { ApiError, api } from '../../api.js';
import { ErrorNotice, Notice } from '../../components/Notice.js';
import { Page } from '../../components/Page.js';
import { intlLocale } from '../../i18n.js';
import { useUser } from '../../session.js';
import { useLoad } from '../cafe/common.js';
import { longDate, todayInOslo, when } from '../cafe/format.js';
import './my.css';

interface Answer {
  response: Response;
  adults: number;
  children: number;
  diet: string[];
  dietNote: string | null;
  comment: string | null;
}

/** One invitation of one of the user's households, as GET /api/my/events gives it. */
export interface MyEvent {
  eventId: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: { name: string; addressLine: string | null; postcode: string | null; place: string | null } | null;
  programme: { kind: string; title: string; minutes: number | null; speaker: string | null }[];
  hosts: string[];
  registration: 'none' | 'optional' | 'required';
  deadline: string | null;
  household: { id: string; firstNames: string[] };
  answer: Answer | null;
  status: 'confirmed' | 'waiting' | 'not_coming' | 'maybe' | null;
  place: number | null;
  canChange: boolean;
}

/** «Kari og Ola», «Kari, Ola and Per»: a list as the language writes it. */
function listOf(items: string[], language: string): string {
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}

function mapLink(venue: NonNullable<MyEvent['venue']>): string {
  const town = [venue.postcode, venue.place].filter(Boolean).join(' ');
  const query = [venue.addressLine ?? venue.name, town].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** /min-side: the foster parent's own page — the events they are invited to, and their answers. */
export function MyPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { data: events, error, loading, setData } = useLoad<MyEvent[]>('/api/my/events');
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
                  {event.venue.addressLine ? <br /> : null}
                  {event.venue.addressLine}
                  {event.venue.postcode || event.venue.place ? <br /> : null}
                  {[event.venue.postcode, event.venue.place].filter(Boolean).join(' ')}
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

interface Form {
  response: Response | '';
  adults: string;
  children: string;
  diet: string[];
  dietNote: string;
  comment: string;
}

const formOf = (event: MyEvent): Form => ({
  response: event.answer?.response ?? '',
  adults: String(
    event.answer?.response === 'coming' ? event.answer.adults : event.household.firstNames.length || 1,
  ),
  children: String(event.answer?.response === 'coming' ? event.answer.children : 0),
  diet: event.answer?.diet ?? [],
  dietNote: event.answer?.dietNote ?? '',
  comment: event.answer?.comment ?? '',
});

type FieldErrors = Partial<Record<'response' | 'adults' | 'children' | 'dietNote' | 'comment', string>>;

function AnswerSection({ event, onSaved }: { event: MyEvent; onSaved: (event: MyEvent) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<Form>(() => formOf(event));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState<MyEvent | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (patch: Partial<Form>, field?: keyof FieldErrors) => {
    setForm((current) => ({ ...current, ...patch }));
    setSaved(null);
    if (field && errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!form.response) found.response = t('my.fieldErrors.response');
    if (form.response === 'coming') {
      const count = (value: string) => (/^\d{1,2}$/.test(value.trim()) ? Number(value) : Number.NaN);
      const adults = count(form.adults);
      const children = count(form.children);
      if (!(adults >= 0 && adults <= MAX_PERSONS)) found.adults = t('my.fieldErrors.adults');
      if (!(children >= 0 && children <= MAX_PERSONS)) found.children = t('my.fieldErrors.children');
      if (!found.adults && !found.children && adults + children < 1)
        found.adults = t('my.fieldErrors.persons');
    }
    if (form.dietNote.length > DIET_NOTE_MAX) found.dietNote = t('my.fieldErrors.dietNote');
    if (form.comment.length > COMMENT_MAX) found.comment = t('my.fieldErrors.comment');
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const found = check();
    setErrors(found);
    setFailure(undefined);
    setSaved(null);
    const first = (Object.keys(found) as (keyof FieldErrors)[])[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const coming = form.response === 'coming';
    setSaving(true);
    try {
      const answer = await api.put<MyEvent>(`/api/my/events/${encodeURIComponent(event.eventId)}/answer`, {
        householdId: event.household.id,
        response: form.response,
        adults: coming ? Number(form.adults) : 0,
        children: coming ? Number(form.children) : 0,
        diet: coming ? form.diet : [],
        dietNote: coming && form.dietNote.trim() ? form.dietNote.trim() : null,
        comment: form.comment.trim() ? form.comment.trim() : null,
      });
      setSaved(answer);
      onSaved(answer);
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        caught.code === 'validation.invalid' &&
        Array.isArray(caught.details)
      ) {
        const fromServer: FieldErrors = {};
        for (const detail of caught.details as { field?: string }[]) {
          const field = detail.field === 'householdId' ? undefined : (detail.field as keyof FieldErrors);
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
          <Fieldset>
            <Fieldset.Legend>{t('my.form.question')}</Fieldset.Legend>
            {RESPONSES.map((response, index) => (
              <Radio
                key={response}
                id={index === 0 ? `${id}-response` : undefined}
                name={`${id}-response`}
                value={response}
                label={t(`my.form.${response}`)}
                checked={form.response === response}
                onChange={() => change({ response }, 'response')}
                aria-invalid={errors.response ? true : undefined}
              />
            ))}
            {errors.response ? <ValidationMessage>{errors.response}</ValidationMessage> : null}
          </Fieldset>
          {form.response === 'coming' ? (
            <>
              <div className="my-numbers">
                <Textfield
                  id={`${id}-adults`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_PERSONS}
                  label={t('my.form.adults')}
                  value={form.adults}
                  onChange={(e) => change({ adults: e.target.value }, 'adults')}
                  error={errors.adults}
                />
                <Textfield
                  id={`${id}-children`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_PERSONS}
                  label={t('my.form.children')}
                  value={form.children}
                  onChange={(e) => change({ children: e.target.value }, 'children')}
                  error={errors.children}
                />
              </div>
              <Fieldset>
                <Fieldset.Legend>{t('my.form.diet')}</Fieldset.Legend>
                <Fieldset.Description>{t('my.form.dietHint')}</Fieldset.Description>
                <div className="my-diets">
                  {DIETS.map((diet) => (
                    <Checkbox
                      key={diet}
                      label={t(`my.diets.${diet}`)}
                      value={diet}
                      checked={form.diet.includes(diet)}
                      onChange={(e) =>
                        change({
                          diet: e.target.checked
                            ? [...form.diet, diet]
                            : form.diet.filter((chosen) => chosen !== diet),
                        })
                      }
                    />
                  ))}
                </div>
              </Fieldset>
              <Textfield
                id={`${id}-dietNote`}
                label={t('my.form.dietNote')}
                value={form.dietNote}
                onChange={(e) => change({ dietNote: e.target.value }, 'dietNote')}
                error={errors.dietNote}
                counter={{ limit: DIET_NOTE_MAX, under: t('my.form.under'), over: t('my.form.over') }}
              />
            </>
          ) : null}
          <Textfield
            id={`${id}-comment`}
            multiline
            rows={3}
            label={t('my.form.comment')}
            value={form.comment}
            onChange={(e) => change({ comment: e.target.value }, 'comment')}
            error={errors.comment}
            counter={{ limit: COMMENT_MAX, under: t('my.form.under'), over: t('my.form.over') }}
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
