import { useTranslation } from 'react-i18next';
import { WARNING_LIMITS } from '../../../domain/household.js';
import { isTarget, type RowProblem, type RowWarning } from '../../../domain/import-targets.js';

/** Names of import targets, registry fields and rules in the user's language. */
export function useImportLabels() {
  const { t } = useTranslation();

  /** "Voksen 1: mobil" for a target such as 'adult1.mobile'. */
  const target = (name: string): string => t(`import.targets.${name}`);

  /** A field of the registry as the dry run names it ('adults.0.mobile', 'children.1.birthDate', 'kind'). */
  const field = (path: string): string => {
    if (isTarget(path)) return target(path);
    const [group, index, name] = path.split('.');
    const fieldName = (key: string | undefined) =>
      t(`import.registryFields.${key ?? ''}`, { defaultValue: key ?? path });
    if (
      (group === 'adults' || group === 'children' || group === 'placements') &&
      index !== undefined &&
      name
    ) {
      return t(`import.registryGroups.${group}`, { n: Number(index) + 1, field: fieldName(name) });
    }
    if (group === 'address' && index) return fieldName(index);
    return fieldName(group);
  };

  /** A stored or imported value as a person reads it; codes of kinds and relations by name. */
  const value = (path: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return t('import.check.empty');
    const name = path.split('.').at(-1);
    if (name === 'kind') return t(`import.kinds.${String(raw)}`);
    if (name === 'relation') return t(`import.relations.${String(raw)}`);
    if (name === 'endReason') return t(`import.endReasons.${String(raw)}`);
    return String(raw);
  };

  const inColumn = (p: { field: string; column: string | null }, rule: string): string =>
    p.column
      ? t('import.check.problemInColumn', { field: field(p.field), column: p.column, rule })
      : t('import.check.problem', { field: field(p.field), rule });

  /** "Etternavn (kolonnen «Etternavn»): mangler" */
  const problem = (p: RowProblem): string => {
    const rows = (p.rows ?? []).join(', ');
    const rule = p.differs?.length
      ? t('import.rules.duplicateDiffers', { rows, columns: p.differs.map((c) => `«${c}»`).join(', ') })
      : t(`import.rules.${p.rule}`, { rows });
    return inColumn(p, rule);
  };

  /** "Reisetid (kolonnen «Reisetid») er over 300 minutter. Sjekk at det stemmer." */
  const warning = (w: RowWarning): string => {
    const limit = w.rule === 'travel_long' ? WARNING_LIMITS.travelMinutes : WARNING_LIMITS.childAge;
    return inColumn(w, t(`import.warnings.${w.rule}`, { limit }));
  };

  return { target, field, value, problem, warning };
}
