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
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { DateProblem } from '../../../features/events/contract.js';
import type { SeasonSlot } from '../../../features/season/contract.js';
import type { VenueView } from '../../../features/venues/contract.js';
import { longDate, monthName, osloTime, shortDate } from '../../shared/dates.js';
import { ProblemList } from '../events/ProblemList.js';

/** One proposed date as the team is deciding on it. */
export interface Choice {
  key: string;
  month: number;
  proposed: string;
  date: string;
  venueId: string;
  accepted: boolean;
  removed: boolean;
  /** problems the server found when the team tried to create it */
  refused?: DateProblem[];
}

export function SlotCard({
  slot,
  choice,
  venues,
  onChange,
}: {
  slot: SeasonSlot;
  choice?: Choice;
  venues: VenueView[];
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

  const reasonCode = slot.reason;
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
