import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import type {
  CafeEvent,
  Problem,
  SchoolHolidays,
  Season,
  SeasonPlan,
  Slot,
  Venue,
} from '../../shared/cafe-types.js';
import { longDate, monthName, osloTime, shortDate } from '../../shared/dates.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { ProblemList } from './ProblemList.js';

/** One proposed date as the team is deciding on it. */
interface Choice {
  key: string;
  month: number;
  proposed: string;
  date: string;
  venueId: string;
  accepted: boolean;
  removed: boolean;
  /** problems the server found when the team tried to create it */
  refused?: Problem[];
}

function defaultSeason(): { season: Season; year: number } {
  const [year, month] = todayInOslo().split('-').map(Number) as [number, number];
  return month >= 6 ? { season: 'spring', year: year + 1 } : { season: 'autumn', year };
}

/** /kafe/sesong: the planner proposes one evening per season month; the team accepts, moves or removes each. */
export function SeasonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(defaultSeason);
  const [reload, setReload] = useState(0);
  const plan = useLoad<SeasonPlan>(
    `/api/cafe/season-plan?season=${choice.season}&year=${choice.year}`,
    reload,
  );
  const venues = useLoad<{ venues: Venue[] }>('/api/venues?archived=false');
  const [choices, setChoices] = useState<Choice[]>([]);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!plan.data) return;
    setChoices(
      plan.data.slots
        .filter((slot) => slot.status === 'proposed' && slot.date)
        .map((slot) => ({
          key: `${slot.month}-${slot.date}`,
          month: slot.month,
          proposed: slot.date as string,
          date: slot.date as string,
          venueId: slot.venueId ?? '',
          accepted: true,
          removed: false,
        })),
    );
    setError(undefined);
  }, [plan.data]);

  const update = (key: string, change: Partial<Choice>) =>
    setChoices((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const selected = choices.filter((item) => item.accepted && !item.removed && item.date);

  const create = async () => {
    if (busyRef.current || !selected.length) return;
    busyRef.current = true;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post<{ events: CafeEvent[] }>('/api/cafe/season-plan/accept', {
        dates: selected.map((item) => ({ date: item.date, venueId: item.venueId || null })),
      });
      navigate('/kafe', { state: { notice: 'created', count: answer?.events?.length ?? selected.length } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cafe.date_not_allowed') {
        const details = caught.details as { date?: string; problems?: Problem[] } | undefined;
        if (details?.date)
          setChoices((list) =>
            list.map((item) =>
              item.date === details.date ? { ...item, refused: details.problems ?? [] } : item,
            ),
          );
      }
      setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const years = [0, 1, 2].map((offset) => Number(todayInOslo().slice(0, 4)) + offset);
  const venueList = venues.data?.venues ?? [];

  return (
    <Page title={t('cafe.season.title')}>
      <Paragraph className="measure">{t('cafe.season.intro')}</Paragraph>
      <div className="cafe-season__choice">
        <Fieldset>
          <Fieldset.Legend>{t('cafe.season.season')}</Fieldset.Legend>
          <div className="cafe-inline">
            {(['spring', 'autumn'] as const).map((season) => (
              <Radio
                key={season}
                name="season"
                label={t(`cafe.season.${season}`)}
                value={season}
                checked={choice.season === season}
                onChange={() => setChoice({ ...choice, season })}
              />
            ))}
          </div>
        </Fieldset>
        <Field>
          <Label>{t('cafe.season.year')}</Label>
          <Select
            value={String(choice.year)}
            onChange={(event) => setChoice({ ...choice, year: Number(event.target.value) })}
          >
            {years.map((year) => (
              <Select.Option key={year} value={String(year)}>
                {year}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>

      <CafeError error={plan.error} />
      {plan.loading && !plan.data ? <Spinner aria-label={t('app.loading')} /> : null}
      {plan.data ? (
        <section aria-labelledby="cafe-season-dates" className="stack">
          <Heading level={2} data-size="sm" id="cafe-season-dates">
            {t('cafe.season.datesHeading', {
              season: t(`cafe.season.${plan.data.season}`).toLowerCase(),
              year: plan.data.year,
            })}
          </Heading>
          <ol className="cafe-cards">
            {plan.data.slots.map((slot, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a month may have two slots
              <li key={`${slot.month}-${index}`}>
                <SlotCard
                  slot={slot}
                  choice={choices.find((item) => slot.status === 'proposed' && item.proposed === slot.date)}
                  venues={venueList}
                  onChange={update}
                />
              </li>
            ))}
          </ol>
          <CafeError error={error} />
          {choices.length ? (
            <>
              {selected.length === 0 ? <Paragraph>{t('cafe.season.noneSelected')}</Paragraph> : null}
              <div className="button-row">
                <Button onClick={create} loading={busy} aria-disabled={busy || !selected.length || undefined}>
                  {t('cafe.season.create', { count: selected.length })}
                </Button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}

      <SchoolHolidaySettings year={choice.year} onSaved={() => setReload((count) => count + 1)} />
      <Paragraph>
        <Link asChild>
          <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

function SlotCard({
  slot,
  choice,
  venues,
  onChange,
}: {
  slot: Slot;
  choice?: Choice;
  venues: Venue[];
  onChange: (key: string, change: Partial<Choice>) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const month = monthName(slot.month, language);
  const headingId = `cafe-slot-${slot.month}-${slot.date ?? slot.status}`;

  if (slot.status === 'proposed' && choice) {
    const id = choice.key;
    const moved = choice.date !== choice.proposed;
    return (
      <Card
        data-color={choice.removed ? 'neutral' : 'accent'}
        className="cafe-card"
        aria-labelledby={headingId}
      >
        <Heading level={3} data-size="2xs" id={headingId} className="cafe-card__month">
          {month}
        </Heading>
        {choice.removed ? (
          <>
            <Paragraph>{t('cafe.season.removed', { date: longDate(choice.date, language) })}</Paragraph>
            <div>
              <Button variant="secondary" data-size="sm" onClick={() => onChange(id, { removed: false })}>
                {t('cafe.season.undoRemove')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <Paragraph className="cafe-card__date">
              <strong>{longDate(choice.date, language)}</strong>{' '}
              {slot.startsAt && slot.endsAt
                ? t('cafe.timeRange', {
                    start: osloTime(slot.startsAt, language),
                    end: osloTime(slot.endsAt, language),
                  })
                : null}
            </Paragraph>
            {moved ? null : <ProblemList problems={slot.problems} />}
            {moved && !choice.refused ? (
              <Paragraph data-size="sm">{t('cafe.season.movedHint')}</Paragraph>
            ) : null}
            {choice.refused ? <ProblemList problems={choice.refused} /> : null}
            <Checkbox
              label={t('cafe.season.accept', { date: shortDate(choice.date, language) })}
              checked={choice.accepted}
              onChange={(event) => onChange(id, { accepted: event.target.checked })}
            />
            <div className="cafe-slot__fields">
              <Textfield
                type="date"
                label={t('cafe.season.moveTo')}
                value={choice.date}
                min={`${slot.date?.slice(0, 4)}-01-01`}
                onChange={(event) => onChange(id, { date: event.target.value, refused: undefined })}
              />
              <Field>
                <Label>{t('cafe.season.venue')}</Label>
                <Select
                  value={choice.venueId}
                  onChange={(event) => onChange(id, { venueId: event.target.value })}
                >
                  <Select.Option value="">{t('cafe.noVenue')}</Select.Option>
                  {venues.map((venue) => (
                    <Select.Option key={venue.id} value={venue.id}>
                      {venue.lastUsed
                        ? t('cafe.season.venueLastUsed', {
                            name: venue.name,
                            date: shortDate(venue.lastUsed, language),
                          })
                        : t('cafe.season.venueNeverUsed', { name: venue.name })}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            </div>
            {slot.alternatives?.length ? (
              <Fieldset data-size="sm" className="cafe-slot__alternatives">
                <Fieldset.Legend>{t('cafe.season.alternatives')}</Fieldset.Legend>
                <div className="button-row">
                  {[choice.proposed, ...slot.alternatives]
                    .filter((date) => date !== choice.date)
                    .slice(0, 4)
                    .map((date) => (
                      <Button
                        key={date}
                        variant="secondary"
                        data-size="sm"
                        onClick={() => onChange(id, { date, refused: undefined })}
                      >
                        {longDate(date, language, false)}
                      </Button>
                    ))}
                </div>
              </Fieldset>
            ) : null}
            <div>
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => onChange(id, { removed: true, accepted: false })}
              >
                {t('cafe.season.remove', { month })}
              </Button>
            </div>
          </>
        )}
      </Card>
    );
  }

  const reasonCode = typeof slot.reason === 'string' ? slot.reason : slot.reason?.code;
  return (
    <Card data-color="neutral" className="cafe-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="2xs" id={headingId} className="cafe-card__month">
        {month}
      </Heading>
      {slot.status === 'kept' && slot.date ? (
        <>
          <Paragraph>
            <Tag data-size="sm" data-color="success">
              {t('cafe.season.kept')}
            </Tag>{' '}
            {slot.eventId ? (
              <Link asChild>
                <RouterLink to={`/kafe/${slot.eventId}`}>{longDate(slot.date, language)}</RouterLink>
              </Link>
            ) : (
              longDate(slot.date, language)
            )}
          </Paragraph>
          <ProblemList problems={slot.problems} />
        </>
      ) : slot.status === 'removed' ? (
        <Paragraph>{t('cafe.season.monthRemoved')}</Paragraph>
      ) : slot.status === 'invalid' ? (
        <>
          <Paragraph>{t('cafe.season.invalid')}</Paragraph>
          <ProblemList problems={slot.problems} />
        </>
      ) : (
        <Paragraph>
          {reasonCode === 'month_passed' ? t('cafe.season.monthPassed') : t('cafe.season.noAllowedDate')}
        </Paragraph>
      )}
    </Card>
  );
}

/** The municipality's school holidays: which weeks the winter and autumn breaks fall in. */
function SchoolHolidaySettings({ year, onSaved }: { year: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const { data, error, setData } = useLoad<SchoolHolidays>(`/api/cafe/school-holidays?year=${year}`);
  const [winter, setWinter] = useState('');
  const [autumn, setAutumn] = useState('');
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    setWinter(data.rules.winterWeek === null ? '' : String(data.rules.winterWeek));
    setAutumn(data.rules.autumnWeek === null ? '' : String(data.rules.autumnWeek));
  }, [data]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!data || busy) return;
    setBusy(true);
    setSaved(false);
    setSaveError(undefined);
    try {
      const answer = await api.put<SchoolHolidays>('/api/cafe/school-holidays', {
        ...data.rules,
        winterWeek: winter ? Number(winter) : null,
        autumnWeek: autumn ? Number(autumn) : null,
      });
      if (answer) setData(answer);
      setSaved(true);
      onSaved();
    } catch (caught) {
      setSaveError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="cafe-holidays-heading" className="stack">
      <Heading level={2} data-size="sm" id="cafe-holidays-heading">
        {t('cafe.holidaySettings.heading')}
      </Heading>
      <Paragraph className="measure" data-size="sm">
        {t('cafe.holidaySettings.intro')}
      </Paragraph>
      <CafeError error={error} />
      {data ? (
        <form noValidate onSubmit={save} className="form">
          <div className="form__row">
            <Field>
              <Label>{t('cafe.holidaySettings.winter')}</Label>
              <Select
                value={winter}
                onChange={(event) => {
                  setWinter(event.target.value);
                  setSaved(false);
                }}
              >
                {['8', '9'].map((week) => (
                  <Select.Option key={week} value={week}>
                    {t('cafe.holidaySettings.week', { week })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('cafe.holidaySettings.autumn')}</Label>
              <Select
                value={autumn}
                onChange={(event) => {
                  setAutumn(event.target.value);
                  setSaved(false);
                }}
              >
                {['40', '41'].map((week) => (
                  <Select.Option key={week} value={week}>
                    {t('cafe.holidaySettings.week', { week })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <Paragraph data-size="sm">{t('cafe.holidaySettings.alsoCounted')}</Paragraph>
          <CafeError error={saveError} />
          {saved ? <Notice>{t('cafe.holidaySettings.saved')}</Notice> : null}
          <div>
            <Button type="submit" variant="secondary" loading={busy}>
              {t('cafe.holidaySettings.save')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
