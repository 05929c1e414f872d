import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Spinner,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { todayInOslo } from '../../../domain/calendar.js';
import type { DateProblem } from '../../../features/events/contract.js';
import type { Season, SeasonAccepted, SeasonPlan } from '../../../features/season/contract.js';
import type { VenueList } from '../../../features/venues/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';
import { SchoolHolidaySettings } from './SchoolHolidaySettings.js';
import type { Choice } from './SlotCard.js';
import { SlotCard } from './SlotCard.js';

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
  const venues = useLoad<VenueList>('/api/venues?archived=false');
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
      const answer = await api.post<SeasonAccepted>('/api/cafe/season-plan/accept', {
        dates: selected.map((item) => ({ date: item.date, venueId: item.venueId || null })),
      });
      navigate('/kafe', { state: { notice: 'created', count: answer?.events?.length ?? selected.length } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'cafe.date_not_allowed') {
        const details = caught.details as { date?: string; problems?: DateProblem[] } | undefined;
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
