import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { HousingUnitInput } from '../../../features/housing/contract.js';

/** The unit's facts as typed: every field a string until it is sent. */
export interface UnitForm {
  line: string;
  postcode: string;
  rooms: string;
  areaM2: string;
  owner: string;
}

export const emptyUnitForm: UnitForm = { line: '', postcode: '', rooms: '', areaM2: '', owner: '' };

const whole = (value: string) => (value.trim() === '' ? null : Number(value.trim()));

export function unitInput(form: UnitForm): HousingUnitInput {
  return {
    address: { line: form.line.trim() || null, postcode: form.postcode.trim() || null },
    rooms: whole(form.rooms),
    areaM2: whole(form.areaM2),
    owner: form.owner.trim() || null,
  };
}

/** The form's problems before it is sent: a postcode of four digits, whole numbers in range. */
export function unitProblems(form: UnitForm): Partial<Record<keyof UnitForm, true>> {
  const problems: Partial<Record<keyof UnitForm, true>> = {};
  if (form.postcode.trim() && !/^\d{4}$/.test(form.postcode.trim())) problems.postcode = true;
  const inRange = (value: string, max: number) => {
    const n = whole(value);
    return n === null || (Number.isInteger(n) && n >= 1 && n <= max);
  };
  if (!inRange(form.rooms, 30)) problems.rooms = true;
  if (!inRange(form.areaM2, 2000)) problems.areaM2 = true;
  return problems;
}

/** Address, postcode, rooms, area and owner: the same fields for a new unit and an existing one. */
export function UnitFields({
  id,
  form,
  onChange,
  problems,
}: {
  id: string;
  form: UnitForm;
  onChange: (form: UnitForm) => void;
  problems: Partial<Record<keyof UnitForm, true>>;
}) {
  const { t } = useTranslation();
  const field = (name: keyof UnitForm) => ({
    id: `${id}-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => onChange({ ...form, [name]: event.target.value }),
  });
  return (
    <>
      <Textfield
        {...field('line')}
        label={t('housing.fields.addressLine')}
        description={t('housing.fields.addressHint')}
        maxLength={200}
        autoComplete="off"
      />
      <div className="housing-row">
        <Textfield
          {...field('postcode')}
          label={t('housing.fields.postcode')}
          inputMode="numeric"
          maxLength={4}
          error={problems.postcode ? t('housing.fieldErrors.postcode') : undefined}
          autoComplete="off"
        />
        <Textfield
          {...field('rooms')}
          label={t('housing.fields.rooms')}
          inputMode="numeric"
          error={problems.rooms ? t('housing.fieldErrors.rooms') : undefined}
        />
        <Textfield
          {...field('areaM2')}
          label={t('housing.fields.areaM2')}
          inputMode="numeric"
          error={problems.areaM2 ? t('housing.fieldErrors.areaM2') : undefined}
        />
      </div>
      <Textfield
        {...field('owner')}
        label={t('housing.fields.owner')}
        description={t('housing.fields.ownerHint')}
        maxLength={120}
        autoComplete="off"
      />
    </>
  );
}
