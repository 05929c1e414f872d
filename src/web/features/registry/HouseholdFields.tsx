import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, END_REASONS } from '../../../domain/household.js';
import type { PostcodePlace } from '../../../features/registry/contract.js';
import { ApiError, api } from '../../shared/api.js';
import { type AdultForm, type ChildForm, fieldId, type PlacementForm } from './form-state.js';
import { useLanguageOptions } from './RegistryFilters.js';

/** The message to show under a field, by its element id; undefined when it is fine. */
export type ErrorFor = (id: string) => string | undefined;

interface RadioGroupProps<T extends string> {
  name: string;
  legend: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  value: T | '';
  onChange: (value: T) => void;
  errorFor: ErrorFor;
}

/** Kind or relation: a fieldset of radios; the first one carries the id that error links point to. */
export function RadioGroup<T extends string>({
  name,
  legend,
  values,
  labelOf,
  value,
  onChange,
  errorFor,
}: RadioGroupProps<T>) {
  const id = fieldId(name);
  const error = errorFor(id);
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {values.map((option, index) => (
        <Radio
          key={option}
          id={index === 0 ? id : undefined}
          name={id}
          label={labelOf(option)}
          value={option}
          checked={value === option}
          onChange={() => onChange(option)}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** Postcode with the place filled in from the postcode register as the fourth digit is typed. */
export function PostcodeFields({
  postcode,
  initialPlace,
  onChange,
  errorFor,
}: {
  postcode: string;
  initialPlace: string;
  onChange: (postcode: string) => void;
  errorFor: ErrorFor;
}) {
  const { t } = useTranslation();
  const [place, setPlace] = useState<{ postcode: string; place: string | null }>({
    postcode,
    place: initialPlace || null,
  });
  const complete = /^\d{4}$/.test(postcode.trim());

  useEffect(() => {
    const code = postcode.trim();
    if (!/^\d{4}$/.test(code)) return;
    let current = true;
    api
      .get<PostcodePlace>(`/api/postcodes/${code}`)
      .then((answer) => current && setPlace({ postcode: code, place: answer.place }))
      .catch((error) => {
        if (current && error instanceof ApiError && error.status === 404)
          setPlace({ postcode: code, place: null });
      });
    return () => {
      current = false;
    };
  }, [postcode]);

  const known = complete && place.postcode === postcode.trim() ? place.place : null;
  const unknown = complete && place.postcode === postcode.trim() && place.place === null;
  const id = fieldId('address.postcode');
  return (
    <div className="form__row registry-postcode">
      <Textfield
        id={id}
        label={t('registry.form.postcode')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={postcode}
        onChange={(event) => onChange(event.target.value)}
        error={errorFor(id) ?? (unknown ? t('registry.form.postcodeUnknown') : undefined)}
      />
      <Textfield
        id={fieldId('address.place')}
        label={t('registry.form.place')}
        readOnly
        value={known ?? ''}
        description={t('registry.form.placeHint')}
      />
      <span className="ds-sr-only" role="status">
        {known ? t('registry.form.placeFound', { place: known }) : ''}
      </span>
    </div>
  );
}

interface RowProps<T> {
  row: T;
  index: number;
  onChange: (row: T) => void;
  onRemove?: () => void;
  errorFor: ErrorFor;
}

export function AdultFields({ row, index, onChange, onRemove, errorFor }: RowProps<AdultForm>) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const id = (name: string) => fieldId(`adult.${name}`, row.key);
  const set = (change: Partial<AdultForm>) => onChange({ ...row, ...change });
  const number = index + 1;
  const channelsError = errorFor(id('preferredChannels'));
  const languageError = errorFor(id('preferredLanguage'));
  return (
    <Fieldset className="registry-row">
      <Fieldset.Legend className="registry-row__legend">
        {t('registry.form.adultLegend', { number })}
      </Fieldset.Legend>
      <div className="form__row">
        <Textfield
          id={id('firstName')}
          label={t('registry.form.firstName')}
          autoComplete="off"
          value={row.firstName}
          onChange={(event) => set({ firstName: event.target.value })}
          error={errorFor(id('firstName'))}
        />
        <Textfield
          id={id('lastName')}
          label={t('registry.form.lastName')}
          autoComplete="off"
          value={row.lastName}
          onChange={(event) => set({ lastName: event.target.value })}
          error={errorFor(id('lastName'))}
        />
      </div>
      <div className="stack">
        <Textfield
          id={id('email')}
          label={t('registry.form.email')}
          type="email"
          autoComplete="off"
          value={row.email}
          onChange={(event) => set({ email: event.target.value })}
          error={errorFor(id('email'))}
        />
        <Textfield
          id={id('mobile')}
          label={t('registry.form.mobile')}
          description={t('registry.form.mobileHint')}
          type="tel"
          autoComplete="off"
          value={row.mobile}
          onChange={(event) => set({ mobile: event.target.value })}
          error={errorFor(id('mobile'))}
        />
      </div>
      <Field>
        <Label>{t('registry.form.language')}</Label>
        <Select
          id={id('preferredLanguage')}
          value={row.preferredLanguage}
          onChange={(event) => set({ preferredLanguage: event.target.value })}
          aria-invalid={languageError ? true : undefined}
        >
          {languages.map(({ code, name }) => (
            <Select.Option key={code} value={code}>
              {name}
            </Select.Option>
          ))}
        </Select>
        {languageError ? <ValidationMessage>{languageError}</ValidationMessage> : null}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('registry.form.channels')}</Fieldset.Legend>
        <Fieldset.Description>{t('registry.form.channelsHint')}</Fieldset.Description>
        <div className="registry-channels">
          {CHANNELS.map((channel, channelIndex) => (
            <Checkbox
              key={channel}
              id={channelIndex === 0 ? id('preferredChannels') : undefined}
              label={t(`registry.channels.${channel}`)}
              value={channel}
              checked={row.preferredChannels.includes(channel)}
              onChange={(event) =>
                set({
                  preferredChannels: event.target.checked
                    ? CHANNELS.filter((c) => c === channel || row.preferredChannels.includes(c))
                    : row.preferredChannels.filter((c) => c !== channel),
                })
              }
            />
          ))}
        </div>
        {channelsError ? <ValidationMessage>{channelsError}</ValidationMessage> : null}
      </Fieldset>
      {onRemove ? (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={onRemove}>
            {t('registry.form.removeAdult', { number })}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}

export function ChildFields({ row, index, onChange, onRemove, errorFor }: RowProps<ChildForm>) {
  const { t } = useTranslation();
  const id = (name: string) => fieldId(`child.${name}`, row.key);
  const set = (change: Partial<ChildForm>) => onChange({ ...row, ...change });
  const number = index + 1;
  return (
    <Fieldset className="registry-row">
      <Fieldset.Legend className="registry-row__legend">
        {t('registry.form.childLegend', { number })}
      </Fieldset.Legend>
      <div className="form__row">
        <Textfield
          id={id('firstName')}
          label={t('registry.form.firstName')}
          description={t('registry.form.childFirstNameHint')}
          autoComplete="off"
          value={row.firstName}
          onChange={(event) => set({ firstName: event.target.value })}
          error={errorFor(id('firstName'))}
        />
        <Textfield
          id={id('birthDate')}
          label={t('registry.form.birthDate')}
          type="date"
          value={row.birthDate}
          onChange={(event) => set({ birthDate: event.target.value })}
          error={errorFor(id('birthDate'))}
        />
      </div>
      {onRemove ? (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={onRemove}>
            {t('registry.form.removeChild', { number })}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}

export function PlacementFields({
  row,
  index,
  onChange,
  onRemove,
  errorFor,
  childRows,
}: RowProps<PlacementForm> & { childRows: ChildForm[] }) {
  const { t } = useTranslation();
  const id = (name: string) => fieldId(`placement.${name}`, row.key);
  const set = (change: Partial<PlacementForm>) => onChange({ ...row, ...change });
  const number = index + 1;
  const childError = errorFor(id('child'));
  const reasonError = errorFor(id('endReason'));
  return (
    <Fieldset className="registry-row">
      <Fieldset.Legend className="registry-row__legend">
        {t('registry.form.placementLegend', { number })}
      </Fieldset.Legend>
      <Field>
        <Label>{t('registry.form.placementChild')}</Label>
        <Select
          id={id('child')}
          value={childRows.some((child) => child.key === row.child) ? row.child : ''}
          onChange={(event) => set({ child: event.target.value })}
          aria-invalid={childError ? true : undefined}
        >
          <Select.Option value="">{t('registry.form.chooseChild')}</Select.Option>
          {childRows.map((child, childIndex) => (
            <Select.Option key={child.key} value={child.key}>
              {child.firstName.trim() || t('registry.form.childLegend', { number: childIndex + 1 })}
            </Select.Option>
          ))}
        </Select>
        {childError ? <ValidationMessage>{childError}</ValidationMessage> : null}
      </Field>
      <div className="form__row">
        <Textfield
          id={id('startDate')}
          label={t('registry.form.startDate')}
          type="date"
          value={row.startDate}
          onChange={(event) => set({ startDate: event.target.value })}
          error={errorFor(id('startDate'))}
        />
        <Textfield
          id={id('endDate')}
          label={t('registry.form.endDate')}
          description={t('registry.form.endDateHint')}
          type="date"
          value={row.endDate}
          onChange={(event) => set({ endDate: event.target.value })}
          error={errorFor(id('endDate'))}
        />
      </div>
      <div className="form__row">
        <Field>
          <Label>{t('registry.form.endReason')}</Label>
          <Select
            id={id('endReason')}
            value={row.endReason}
            onChange={(event) => set({ endReason: event.target.value as PlacementForm['endReason'] })}
            aria-invalid={reasonError ? true : undefined}
          >
            <Select.Option value="">{t('registry.form.endReasonNone')}</Select.Option>
            {END_REASONS.map((reason) => (
              <Select.Option key={reason} value={reason}>
                {t(`registry.endReasons.${reason}`)}
              </Select.Option>
            ))}
          </Select>
          {reasonError ? <ValidationMessage>{reasonError}</ValidationMessage> : null}
        </Field>
        <Textfield
          id={id('careMunicipality')}
          label={t('registry.form.careMunicipality')}
          description={t('registry.form.careMunicipalityHint')}
          autoComplete="off"
          value={row.careMunicipality}
          onChange={(event) => set({ careMunicipality: event.target.value })}
          error={errorFor(id('careMunicipality'))}
        />
      </div>
      {onRemove ? (
        <div>
          <Button variant="tertiary" data-size="sm" onClick={onRemove}>
            {t('registry.form.removePlacement', { number })}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
}
