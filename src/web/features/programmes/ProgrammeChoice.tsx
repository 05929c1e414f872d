import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { useProgramme } from './use-programme.js';

/** A choice of programme, shown only when the user may see more than one. */
export function ProgrammeChoice({ programme }: { programme: ReturnType<typeof useProgramme> }) {
  const { t } = useTranslation();
  if (programme.programmes.length < 2 || !programme.chosen) return null;
  return (
    <Field>
      <Label>{t('programmes.choose')}</Label>
      <Select value={programme.chosen.id} onChange={(event) => programme.choose(event.target.value)}>
        {programme.programmes.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
