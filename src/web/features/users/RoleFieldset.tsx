import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/roles.js';

interface RoleFieldsetProps {
  selected: readonly string[];
  onChange: (roles: string[]) => void;
  error?: string;
  ref?: Ref<HTMLFieldSetElement>;
}

/** One checkbox per role, with the roles' Norwegian names. */
export function RoleFieldset({ selected, onChange, error, ref }: RoleFieldsetProps) {
  const { t } = useTranslation();
  const toggle = (role: string, checked: boolean) =>
    onChange(checked ? [...selected, role] : selected.filter((candidate) => candidate !== role));
  return (
    <Fieldset ref={ref} className="role-fieldset">
      <Fieldset.Legend>{t('users.rolesLegend')}</Fieldset.Legend>
      {ROLES.map((role) => (
        <Checkbox
          key={role}
          label={t(`roles.${role}`)}
          value={role}
          checked={selected.includes(role)}
          onChange={(event) => toggle(role, event.target.checked)}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
