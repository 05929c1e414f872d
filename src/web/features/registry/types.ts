/** The registry pages' own shapes; the API's are in src/features/registry/contract.ts. */

import type { HouseholdHistory } from '../../../features/registry/contract.js';

/** One entry of a household's history and one change in it, as the history list shows them. */
export type HistoryEntry = HouseholdHistory['entries'][number];
export type HistoryChange = HistoryEntry['changes'][number];

export const SORTS = ['name', 'kind', 'travel', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

export const ARCHIVED = ['false', 'true', 'all'] as const;
export type ArchivedFilter = (typeof ARCHIVED)[number];

/** One field the server refused, e.g. { field: 'adults.0.mobile', rule: 'phone' }. */
export interface FieldProblem {
  field: string;
  rule: string;
}
