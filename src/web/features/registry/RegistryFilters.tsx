import { Button, Checkbox, Details, Field, Fieldset, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_KINDS, type HouseholdKind, RELATIONS } from '../../../domain/household.js';
import { activeFilterCount, type ListFilters } from './list-query.js';
import { PREFERRED_LANGUAGES, TRAVEL_LIMITS } from './options.js';
import { ARCHIVED } from './types.js';

interface RegistryFiltersProps {
  filters: ListFilters;
  /** On a phone the filters start folded away, so the list is near the top. */
  narrow: boolean;
  onChange: (change: Partial<ListFilters>) => void;
  onReset: () => void;
}

/** Kind, relation, travel time, language, never came and archived: each applies at once. */
export function RegistryFilters({ filters, narrow, onChange, onReset }: RegistryFiltersProps) {
  const { t } = useTranslation();
  const active = activeFilterCount(filters);
  const languages = useLanguageOptions();

  const toggleKind = (kind: HouseholdKind, checked: boolean) =>
    onChange({
      kinds: checked ? [...filters.kinds, kind] : filters.kinds.filter((candidate) => candidate !== kind),
    });

  return (
    <Details defaultOpen={!narrow} className="registry-filters">
      <Details.Summary>
        {active ? t('registry.filters.headingActive', { active }) : t('registry.filters.heading')}
      </Details.Summary>
      <Details.Content>
        <div className="registry-filters__grid">
          <Fieldset className="registry-filters__kinds">
            <Fieldset.Legend>{t('registry.filters.kind')}</Fieldset.Legend>
            <div className="registry-filters__kind-options">
              {HOUSEHOLD_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  label={t(`registry.kinds.${kind}`)}
                  value={kind}
                  checked={filters.kinds.includes(kind)}
                  onChange={(event) => toggleKind(kind, event.target.checked)}
                />
              ))}
            </div>
          </Fieldset>
          <Fieldset className="registry-filters__kinds">
            <Fieldset.Legend>{t('registry.filters.attendance')}</Fieldset.Legend>
            <Checkbox
              label={t('registry.filters.neverAttended')}
              checked={filters.neverAttended}
              onChange={(event) => onChange({ neverAttended: event.target.checked })}
            />
          </Fieldset>
          <div className="registry-filters__selects">
            <Field>
              <Label>{t('registry.filters.relation')}</Label>
              <Select
                value={filters.relation}
                onChange={(event) => onChange({ relation: event.target.value as ListFilters['relation'] })}
              >
                <Select.Option value="">{t('registry.filters.allRelations')}</Select.Option>
                {RELATIONS.map((relation) => (
                  <Select.Option key={relation} value={relation}>
                    {t(`registry.relations.${relation}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('registry.filters.travel')}</Label>
              <Select
                value={filters.maxTravel}
                onChange={(event) => onChange({ maxTravel: event.target.value })}
              >
                <Select.Option value="">{t('registry.filters.anyTravel')}</Select.Option>
                {TRAVEL_LIMITS.map((minutes) => (
                  <Select.Option key={minutes} value={String(minutes)}>
                    {t('registry.filters.travelUpTo', { minutes })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('registry.filters.language')}</Label>
              <Select
                value={filters.language}
                onChange={(event) => onChange({ language: event.target.value })}
              >
                <Select.Option value="">{t('registry.filters.allLanguages')}</Select.Option>
                {languages.map(({ code, name }) => (
                  <Select.Option key={code} value={code}>
                    {name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('registry.filters.archived')}</Label>
              <Select
                value={filters.archived}
                onChange={(event) => onChange({ archived: event.target.value as ListFilters['archived'] })}
              >
                {ARCHIVED.map((value) => (
                  <Select.Option key={value} value={value}>
                    {t(`registry.filters.archivedOptions.${value}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
        </div>
        {active ? (
          <Button variant="tertiary" onClick={onReset} className="registry-filters__reset">
            {t('registry.filters.reset')}
          </Button>
        ) : null}
      </Details.Content>
    </Details>
  );
}

/** The preferred-language choices with their names in the UI's language, sorted by name (Norwegian first). */
export function useLanguageOptions(): { code: string; name: string }[] {
  const { t, i18n } = useTranslation();
  const first = ['nb', 'nn', 'se'];
  const named = PREFERRED_LANGUAGES.map((code) => ({ code, name: t(`registry.languages.${code}`) }));
  const collator = new Intl.Collator(i18n.language);
  return [
    ...named.filter(({ code }) => first.includes(code)),
    ...named.filter(({ code }) => !first.includes(code)).sort((a, b) => collator.compare(a.name, b.name)),
  ];
}
