/** The registry's API shapes (docs/registry-api.md). */

// The same closed vocabularies as the server's domain: one list each.
import type { Channel, EndReason, HouseholdKind as Kind, Relation } from '../../../domain/household.js';

export { CHANNELS, END_REASONS, HOUSEHOLD_KINDS as KINDS, RELATIONS } from '../../../domain/household.js';
export type { Channel, EndReason, Kind, Relation };

import type {
  HouseholdHistory,
  HouseholdView,
  PostcodePlace,
  HouseholdInput as RegistryInput,
  HouseholdList as RegistryList,
  HouseholdSummary as RegistrySummary,
} from '../../../features/registry/contract.js';

export type Household = HouseholdView;
export type HouseholdSummary = RegistrySummary;
export type HouseholdList = RegistryList;
export type HouseholdInput = RegistryInput;
export type HistoryEntry = HouseholdHistory['entries'][number];
export type HistoryChange = HistoryEntry['changes'][number];
export type Postcode = PostcodePlace;

export const SORTS = ['name', 'kind', 'travel', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

export const ARCHIVED = ['false', 'true', 'all'] as const;
export type ArchivedFilter = (typeof ARCHIVED)[number];

/** One field the server refused, e.g. { field: 'adults.0.mobile', rule: 'phone' }. */
export interface FieldProblem {
  field: string;
  rule: string;
}
