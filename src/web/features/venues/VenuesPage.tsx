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
  Spinner,
  Tag,
  Textarea,
  Textfield,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import type { VenueInput, VenueList, VenueView } from '../../../features/venues/contract.js';
import { Address } from '../../shared/Address.js';
import { ApiError, api } from '../../shared/api.js';
import { CafeError } from '../../shared/CafeError.js';
import { shortDate } from '../../shared/dates.js';
import { intlLocale } from '../../shared/format.js';
import { Notice } from '../../shared/Notice.js';
import { Page } from '../../shared/Page.js';
import { useLoad } from '../../shared/use-load.js';

interface VenueForm {
  name: string;
  line: string;
  postcode: string;
  capacity: string;
  kitchen: boolean;
  parking: boolean;
  stepFree: boolean;
  notes: string;
}

const EMPTY: VenueForm = {
  name: '',
  line: '',
  postcode: '',
  capacity: '',
  kitchen: false,
  parking: false,
  stepFree: false,
  notes: '',
};

const formOf = (venue: VenueView): VenueForm => ({
  name: venue.name,
  line: venue.address.line ?? '',
  postcode: venue.address.postcode ?? '',
  capacity: venue.capacity === null ? '' : String(venue.capacity),
  kitchen: venue.kitchen,
  parking: venue.parking,
  stepFree: venue.stepFree,
  notes: venue.notes ?? '',
});

type Errors = Partial<Record<'name' | 'postcode' | 'capacity' | 'line' | 'notes', string>>;

/** /kafe/lokaler: the places the café is held, with how often and how lately each was used. */
export function VenuesPage() {
  const { t, i18n } = useTranslation();
  const [reload, setReload] = useState(0);
  const { data, error, loading } = useLoad<VenueList>('/api/venues?archived=false', reload);
  const [editing, setEditing] = useState<VenueView | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const venues = data?.venues ?? [];

  const open = (venue: VenueView | 'new') => {
    setNotice('');
    setEditing(venue);
    setTimeout(() => document.getElementById('venue-name')?.focus(), 0);
  };

  return (
    <Page title={t('cafe.venues.title')}>
      <Paragraph className="measure">{t('cafe.venues.intro')}</Paragraph>
      {notice ? <Notice>{notice}</Notice> : null}
      {editing ? (
        <VenueFormView
          key={editing === 'new' ? 'new' : editing.id}
          venue={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('cafe.venues.saved', { name: saved.name }));
              setReload((count) => count + 1);
            }
          }}
        />
      ) : (
        <div className="button-row">
          <Button onClick={() => open('new')}>{t('cafe.venues.new')}</Button>
        </div>
      )}
      <section aria-labelledby="cafe-venues-heading" className="stack">
        <Heading level={2} data-size="sm" id="cafe-venues-heading">
          {t('cafe.venues.listHeading')}
        </Heading>
        <CafeError error={error} />
        {loading && !data ? <Spinner aria-label={t('app.loading')} /> : null}
        {data && venues.length === 0 ? <Paragraph>{t('cafe.venues.empty')}</Paragraph> : null}
        <ul className="cafe-cards">
          {venues.map((venue) => (
            <li key={venue.id}>
              <Card data-color="neutral" className="cafe-card">
                <Heading level={3} data-size="2xs">
                  {venue.name}
                </Heading>
                <Paragraph data-size="sm">
                  <Address address={venue.address} empty={t('cafe.venues.noAddress')} />
                </Paragraph>
                <p className="cafe-card__tags">
                  {venue.kitchen ? (
                    <Tag data-size="sm" data-color="info">
                      {t('cafe.venues.kitchen')}
                    </Tag>
                  ) : null}
                  {venue.parking ? (
                    <Tag data-size="sm" data-color="info">
                      {t('cafe.venues.parking')}
                    </Tag>
                  ) : null}
                  {venue.stepFree ? (
                    <Tag data-size="sm" data-color="info">
                      {t('cafe.venues.stepFree')}
                    </Tag>
                  ) : null}
                </p>
                <dl className="cafe-facts">
                  <div>
                    <dt>{t('cafe.venues.capacity')}</dt>
                    <dd>{venue.capacity ?? '–'}</dd>
                  </div>
                  <div>
                    <dt>{t('cafe.venues.eventsHeld')}</dt>
                    <dd>{venue.eventsHeld}</dd>
                  </div>
                  <div>
                    <dt>{t('cafe.venues.averageAttendance')}</dt>
                    <dd>
                      {venue.averageAttendance === null
                        ? '–'
                        : t('cafe.venues.averageAttendanceValue', {
                            value: new Intl.NumberFormat(intlLocale(i18n.language), {
                              maximumFractionDigits: 1,
                            }).format(venue.averageAttendance),
                          })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('cafe.venues.lastUsed')}</dt>
                    <dd>
                      {venue.lastUsed ? shortDate(venue.lastUsed, i18n.language) : t('cafe.venues.never')}
                    </dd>
                  </div>
                </dl>
                {venue.notes ? <Paragraph data-size="sm">{venue.notes}</Paragraph> : null}
                <div>
                  <Button variant="secondary" data-size="sm" onClick={() => open(venue)}>
                    {t('cafe.venues.edit', { name: venue.name })}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/kafe">{t('cafe.backToOverview')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}

function VenueFormView({ venue, onDone }: { venue?: VenueView; onDone: (saved?: VenueView) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<VenueForm>(venue ? formOf(venue) : EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const change = (next: Partial<VenueForm>) => {
    setForm({ ...form, ...next });
    setErrors((current) => {
      const copy = { ...current };
      for (const key of Object.keys(next)) delete copy[key as keyof Errors];
      return copy;
    });
  };

  const check = (): Errors => {
    const found: Errors = {};
    if (!form.name.trim()) found.name = t('cafe.venues.errors.name');
    if (form.postcode.trim() && !/^\d{4}$/.test(form.postcode.trim()))
      found.postcode = t('cafe.venues.errors.postcode');
    if (form.capacity.trim() && !/^\d+$/.test(form.capacity.trim()))
      found.capacity = t('cafe.venues.errors.capacity');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busyRef.current) return;
    setError(undefined);
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`venue-${first}`)?.focus();
      return;
    }
    const input: VenueInput = {
      name: form.name.trim(),
      address: { line: form.line.trim() || null, postcode: form.postcode.trim() || null },
      capacity: form.capacity.trim() ? Number(form.capacity) : null,
      kitchen: form.kitchen,
      parking: form.parking,
      stepFree: form.stepFree,
      notes: form.notes.trim() || null,
    };
    busyRef.current = true;
    setBusy(true);
    try {
      const saved = venue
        ? await api.put<VenueView>(`/api/venues/${encodeURIComponent(venue.id)}`, {
            ...input,
            version: venue.version,
          })
        : await api.post<VenueView>('/api/venues', input);
      onDone(saved);
    } catch (caught) {
      if (
        caught instanceof ApiError &&
        caught.code === 'validation.invalid' &&
        Array.isArray(caught.details)
      ) {
        const found: Errors = {};
        for (const detail of caught.details as { field?: string }[]) {
          const field = (detail.field ?? '').replace(/^\/?/, '').replace(/\//g, '.');
          if (field === 'name') found.name = t('cafe.venues.errors.name');
          else if (field.endsWith('postcode')) found.postcode = t('cafe.venues.errors.postcode');
          else if (field === 'capacity') found.capacity = t('cafe.venues.errors.capacity');
        }
        if (Object.keys(found).length) setErrors(found);
        else setError(caught);
      } else setError(caught);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="venue-form-heading" className="stack">
      <Heading level={2} data-size="sm" id="venue-form-heading">
        {venue ? t('cafe.venues.editHeading', { name: venue.name }) : t('cafe.venues.newHeading')}
      </Heading>
      <form noValidate onSubmit={submit} className="form">
        <Textfield
          id="venue-name"
          label={t('cafe.venues.name')}
          value={form.name}
          onChange={(event) => change({ name: event.target.value })}
          error={errors.name}
          autoComplete="off"
        />
        <Textfield
          id="venue-line"
          label={t('cafe.venues.address')}
          value={form.line}
          onChange={(event) => change({ line: event.target.value })}
          autoComplete="off"
        />
        <div className="form__row">
          <Textfield
            id="venue-postcode"
            label={t('cafe.venues.postcode')}
            inputMode="numeric"
            maxLength={4}
            value={form.postcode}
            onChange={(event) => change({ postcode: event.target.value })}
            error={errors.postcode}
            autoComplete="off"
          />
          <Textfield
            id="venue-capacity"
            label={t('cafe.venues.capacity')}
            description={t('cafe.venues.capacityHint')}
            inputMode="numeric"
            value={form.capacity}
            onChange={(event) => change({ capacity: event.target.value })}
            error={errors.capacity}
            autoComplete="off"
          />
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('cafe.venues.facilities')}</Fieldset.Legend>
          <Checkbox
            label={t('cafe.venues.kitchen')}
            checked={form.kitchen}
            onChange={(event) => change({ kitchen: event.target.checked })}
          />
          <Checkbox
            label={t('cafe.venues.parking')}
            checked={form.parking}
            onChange={(event) => change({ parking: event.target.checked })}
          />
          <Checkbox
            label={t('cafe.venues.stepFree')}
            checked={form.stepFree}
            onChange={(event) => change({ stepFree: event.target.checked })}
          />
        </Fieldset>
        <Field>
          <Label>{t('cafe.venues.notes')}</Label>
          <Textarea
            id="venue-notes"
            rows={3}
            value={form.notes}
            onChange={(event) => change({ notes: event.target.value })}
          />
        </Field>
        <CafeError error={error} />
        <div className="button-row">
          <Button type="submit" loading={busy}>
            {t('cafe.venues.save')}
          </Button>
          <Button variant="secondary" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
