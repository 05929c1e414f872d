import { Button, Field, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_KINDS, type ProgrammeKind } from '../../../domain/event.js';

export interface ProgrammeRow {
  key: string;
  kind: ProgrammeKind;
  title: string;
  minutes: string;
  speaker: string;
}

let rowCounter = 0;
export const rowKey = () => `row-${++rowCounter}`;

/** The programme of the evening: talks, the leader's word, anything else, each with its minutes and speaker. */
export function ProgrammeFields({
  rows,
  errors,
  onChange,
  onAdd,
  onRemove,
}: {
  rows: ProgrammeRow[];
  errors: Record<string, string>;
  onChange: (key: string, next: Partial<ProgrammeRow>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t('cafe.event.programme')}</Fieldset.Legend>
      <Fieldset.Description>{t('cafe.event.programmeHint')}</Fieldset.Description>
      <div className="stack">
        {rows.map((row, index) => (
          <Fieldset key={row.key} className="cafe-programme-row">
            <Fieldset.Legend>{t('cafe.event.programmeItem', { number: index + 1 })}</Fieldset.Legend>
            <div className="form__row">
              <Field>
                <Label>{t('cafe.event.programmeKind')}</Label>
                <Select
                  id={`programme-${row.key}-kind`}
                  value={row.kind}
                  onChange={(e) => onChange(row.key, { kind: e.target.value as ProgrammeKind })}
                >
                  {PROGRAMME_KINDS.map((kind) => (
                    <Select.Option key={kind} value={kind}>
                      {t(`cafe.programmeKinds.${kind}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <Textfield
                id={`programme-${row.key}-minutes`}
                label={t('cafe.event.programmeMinutes')}
                inputMode="numeric"
                value={row.minutes}
                onChange={(e) => onChange(row.key, { minutes: e.target.value })}
                error={errors[`programme.${index}.minutes`]}
                autoComplete="off"
              />
            </div>
            <Textfield
              id={`programme-${row.key}-title`}
              label={t('cafe.event.programmeTitle')}
              value={row.title}
              onChange={(e) => onChange(row.key, { title: e.target.value })}
              error={errors[`programme.${index}.title`]}
              autoComplete="off"
            />
            <Textfield
              id={`programme-${row.key}-speaker`}
              label={t('cafe.event.programmeSpeaker')}
              value={row.speaker}
              onChange={(e) => onChange(row.key, { speaker: e.target.value })}
              autoComplete="off"
            />
            <div>
              <Button variant="tertiary" data-size="sm" onClick={() => onRemove(row.key)}>
                {t('cafe.event.programmeRemove', { number: index + 1 })}
              </Button>
            </div>
          </Fieldset>
        ))}
        <div>
          <Button id="programme-add" variant="secondary" onClick={onAdd}>
            {t('cafe.event.programmeAdd')}
          </Button>
        </div>
      </div>
    </Fieldset>
  );
}
