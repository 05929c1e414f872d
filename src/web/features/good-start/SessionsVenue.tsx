import { Button, Field, Heading, Label, Link, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { CohortView } from '../../../features/good-start/contract.js';

/**
 * One of the municipality's own venues for all its sessions still to come, at once (PUT
 * …/venue). A partner's sessions are made without one, and their invitations cannot go without a
 * place; sessions at the host's place: the partner registers that meeting place among its venues.
 */
export function SessionsVenue({
  cohort,
  onSetVenue,
}: {
  cohort: CohortView;
  onSetVenue: (venueId: string) => void;
}) {
  const { t } = useTranslation();
  const [venue, setVenue] = useState('');
  const toCome = cohort.sessions.filter((s) => s.status === 'planned' && !s.held);
  if (toCome.length === 0) return null;
  const without = toCome.filter((s) => s.venue === null).length;
  return (
    <section aria-labelledby="venue-heading" className="stack">
      <Heading level={2} data-size="sm" id="venue-heading">
        {t('goodStart.venueHeading')}
      </Heading>
      {without > 0 ? <Paragraph>{t('goodStart.venueMissing', { count: without })}</Paragraph> : null}
      {cohort.venueChoices.length > 0 ? (
        <div className="button-row">
          <Field>
            <Label>{t('goodStart.venueLabel')}</Label>
            <Select id="cohort-venue" value={venue} onChange={(e) => setVenue(e.target.value)}>
              <Select.Option value="">–</Select.Option>
              {cohort.venueChoices.map((v) => (
                <Select.Option key={v.id} value={v.id}>
                  {v.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button variant="secondary" disabled={!venue} onClick={() => onSetVenue(venue)}>
            {t('goodStart.venueSet')}
          </Button>
        </div>
      ) : null}
      <Paragraph data-size="sm">
        {t('goodStart.venueHint')}{' '}
        <Link asChild>
          <RouterLink to="/kafe/lokaler">{t('goodStart.venueLink')}</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}
