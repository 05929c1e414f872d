import {
  Button,
  Card,
  Details,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Radio,
  Spinner,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { CALL_NOTE_MAX, CALL_OUTCOMES, type CallOutcome } from '../../../domain/welcome.js';
import type { EventView } from '../../../features/events/contract.js';
import type { WelcomeCall, WelcomeHousehold, WelcomeList } from '../../../features/welcome/contract.js';
import { api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate, when } from '../../shared/dates.js';
import { formatDateTime } from '../../shared/format.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';

/**
 * /kafe/:eventId/velkomst: households invited several times that never came, the ones a phone
 * call most likely helps first, with their language and number, and a place to note each call.
 */
export function WelcomeListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { eventId = '' } = useParams();
  const eventPath = `/api/events/${encodeURIComponent(eventId)}`;
  const event = useLoad<EventView>(eventPath);
  const list = useLoad<WelcomeList>(`${eventPath}/welcome-list`);
  const heading = event.data
    ? t('cafe.welcome.heading', { title: event.data.title, date: shortDate(event.data.date, language) })
    : t('cafe.welcome.title');

  const addCall = (householdId: string, call: WelcomeCall) =>
    list.setData((current) =>
      current
        ? {
            ...current,
            households: current.households.map((h) =>
              h.id === householdId ? { ...h, calls: [call, ...h.calls] } : h,
            ),
          }
        : current,
    );

  return (
    <Page
      title={event.data ? `${t('cafe.welcome.title')} – ${event.data.title}` : t('cafe.welcome.title')}
      heading={heading}
    >
      {event.data ? (
        <Paragraph className="measure">
          {when(t, language, event.data)}
          {event.data.venue ? ` – ${event.data.venue.name}` : ''}
        </Paragraph>
      ) : null}
      <Paragraph className="measure">
        {t('cafe.welcome.intro', { count: list.data?.minInvitations ?? 3 })}
      </Paragraph>
      <CafeError error={list.error ?? event.error} />
      {list.loading && !list.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {list.data && list.data.households.length === 0 ? (
        <Paragraph className="measure">{t('cafe.welcome.empty')}</Paragraph>
      ) : null}
      {list.data && list.data.households.length > 0 ? (
        <ol className="cafe-cards" aria-label={t('cafe.welcome.listLabel')}>
          {list.data.households.map((household) => (
            <li key={household.id}>
              <WelcomeCard household={household} eventId={eventId} onCall={addCall} />
            </li>
          ))}
        </ol>
      ) : null}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/kafe/${eventId}`}>{t('cafe.welcome.back')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

function WelcomeCard({
  household,
  eventId,
  onCall,
}: {
  household: WelcomeHousehold;
  eventId: string;
  onCall: (householdId: string, call: WelcomeCall) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const headingId = `${id}-heading`;
  const languages = household.languages.map((code) =>
    t(`registry.languages.${code}`, { defaultValue: code }),
  );

  return (
    <Card data-color="neutral" aria-labelledby={headingId}>
      {/* A Card with a Details inside has no padding of its own: the block gives it back. */}
      <Card.Block className="stack">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('cafe.welcome.rankName', { rank: household.rank, name: household.name })}
        </Heading>
        <Paragraph>
          <Tag data-size="sm" data-color={household.reason === 'declined' ? 'neutral' : 'info'}>
            {t(`cafe.welcome.reasonTag.${household.reason}`)}
          </Tag>{' '}
          {t(`cafe.welcome.reason.${household.reason}`)}
        </Paragraph>
        <dl className="cafe-facts">
          <div>
            <dt>{t('cafe.welcome.language')}</dt>
            <dd>{languages.length ? languages.join(', ') : t('cafe.welcome.unknown')}</dd>
          </div>
          <div>
            <dt>{t('cafe.welcome.kind')}</dt>
            <dd>{t(`registry.kinds.${household.kind}`, { defaultValue: household.kind })}</dd>
          </div>
        </dl>
        {household.mobile ? (
          <Button asChild variant="primary" data-size="lg" style={{ alignSelf: 'flex-start' }}>
            <a href={`tel:${household.mobile}`}>
              {t('cafe.welcome.call', { number: household.mobileDisplay })}
            </a>
          </Button>
        ) : (
          <Paragraph>{t('cafe.welcome.noMobile')}</Paragraph>
        )}
        <div>
          <Heading level={3} data-size="2xs">
            {t('cafe.welcome.historyHeading', { count: household.invitations })}
          </Heading>
          <ul>
            {household.history.map((item) => (
              <li key={item.eventId}>
                {t('cafe.welcome.historyItem', {
                  date: shortDate(item.date, language),
                  what: t(`cafe.welcome.outcome.${item.outcome}`),
                })}
                {item.channel
                  ? ` (${t(`registry.channels.${item.channel}`, { defaultValue: item.channel })})`
                  : ''}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <Heading level={3} data-size="2xs">
            {t('cafe.welcome.callsHeading')}
          </Heading>
          {household.calls.length === 0 ? (
            <Paragraph data-size="sm">{t('cafe.welcome.noCalls')}</Paragraph>
          ) : (
            <ul>
              {household.calls.map((call) => (
                <li key={call.id}>
                  {t('cafe.welcome.callItem', {
                    when: formatDateTime(call.calledAt, language),
                    outcome: t(`cafe.welcome.outcomes.${call.outcome}`),
                  })}
                  {call.calledBy ? ` – ${call.calledBy}` : ''}
                  {call.note ? (
                    <>
                      <br />
                      <q>{call.note}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card.Block>
      <CallForm household={household} eventId={eventId} onCall={onCall} />
    </Card>
  );
}

function CallForm({
  household,
  eventId,
  onCall,
}: {
  household: WelcomeHousehold;
  eventId: string;
  onCall: (householdId: string, call: WelcomeCall) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<CallOutcome | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const firstRadio = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!outcome) {
      setError(t('cafe.welcome.form.outcomeRequired'));
      firstRadio.current?.focus();
      return;
    }
    if (note.length > CALL_NOTE_MAX) return;
    setSaving(true);
    setFailure(undefined);
    try {
      const call = await api.post<WelcomeCall>(
        `/api/households/${encodeURIComponent(household.id)}/welcome-calls`,
        { eventId, outcome, note: note.trim() || null },
      );
      onCall(household.id, call);
      setOutcome(null);
      setNote('');
      setError(null);
      setSaved(true);
    } catch (caught) {
      setFailure(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Details>
      <Details.Summary>{t('cafe.welcome.form.open')}</Details.Summary>
      <Details.Content>
        <form className="stack" noValidate onSubmit={submit} aria-labelledby={`${id}-legend`}>
          <Fieldset>
            <Fieldset.Legend id={`${id}-legend`}>
              {t('cafe.welcome.form.legend', { name: household.name })}
            </Fieldset.Legend>
            {CALL_OUTCOMES.map((value, index) => (
              <Radio
                key={value}
                ref={index === 0 ? firstRadio : undefined}
                name={`${id}-outcome`}
                value={value}
                label={t(`cafe.welcome.outcomes.${value}`)}
                checked={outcome === value}
                onChange={() => {
                  setOutcome(value);
                  setError(null);
                }}
                aria-invalid={error ? true : undefined}
              />
            ))}
            {error ? <ValidationMessage>{error}</ValidationMessage> : null}
          </Fieldset>
          <Textfield
            id={`${id}-note`}
            multiline
            rows={3}
            label={t('cafe.welcome.form.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            counter={{ limit: CALL_NOTE_MAX, under: t('my.form.under'), over: t('my.form.over') }}
          />
          <CafeError error={failure} />
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={saving}>
              {t('cafe.welcome.form.save')}
            </Button>
          </div>
          <Paragraph data-size="sm" role="status">
            {saved ? t('cafe.welcome.form.saved') : ''}
          </Paragraph>
        </form>
      </Details.Content>
    </Details>
  );
}
