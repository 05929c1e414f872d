import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GATHERING_OCCASIONS, type GatheringOccasion } from '../../../domain/network.js';

/** Which occasion a gathering or a claim belongs to (Christmas, summer …), or none. */
export function OccasionSelect({
  id,
  label,
  description,
  noneLabel,
  value,
  onChange,
}: {
  id: string;
  label: string;
  description: string;
  noneLabel: string;
  value: GatheringOccasion | '';
  onChange: (occasion: GatheringOccasion | '') => void;
}) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{label}</Label>
      <Field.Description>{description}</Field.Description>
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as GatheringOccasion | '')}
      >
        <Select.Option value="">{noneLabel}</Select.Option>
        {GATHERING_OCCASIONS.map((option) => (
          <Select.Option key={option} value={option}>
            {t(`myNetwork.occasions.${option}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
