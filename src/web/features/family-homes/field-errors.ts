import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api.js';

/**
 * The fields the server refused (validation.invalid), each with a sentence: the rule's own words
 * where there are some ("future", "past", "before_birth"), else "check this field".
 */
export function fieldErrors(error: unknown, t: TFunction): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation.invalid' || !Array.isArray(error.details)) {
    return {};
  }
  const found: Record<string, string> = {};
  for (const detail of error.details as { field?: string; rule?: string }[]) {
    const field = detail.field?.split('.')[0];
    if (!field || found[field]) continue;
    const key = `familyHomes.fieldErrors.${detail.rule}`;
    found[field] = t(key, { defaultValue: t('familyHomes.fieldErrors.invalid') });
  }
  return found;
}
