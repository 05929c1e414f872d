/** The registry's API shapes (docs/registry-api.md). */

// The same closed vocabularies as the server's domain: one list each.
import type { Channel, EndReason, HouseholdKind as Kind, Relation } from '../../../domain/household.js';

export { CHANNELS, END_REASONS, HOUSEHOLD_KINDS as KINDS, RELATIONS } from '../../../domain/household.js';
export type { Channel, EndReason, Kind, Relation };

export const SORTS = ['name', 'kind', 'travel', 'updated'] as const;
export type Sort = (typeof SORTS)[number];

export const ARCHIVED = ['false', 'true', 'all'] as const;
export type ArchivedFilter = (typeof ARCHIVED)[number];

export interface HouseholdSummary {
  id: string;
  name: string;
  kind: Kind;
  relation: Relation;
  travelMinutes: number | null;
  postcode: string | null;
  place: string | null;
  languages: string[];
  childrenCount: number;
  archived: boolean;
  updatedAt: string;
}

export interface HouseholdList {
  total: number;
  households: HouseholdSummary[];
}

export interface Adult {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** E.164, e.g. +4741234567 */
  mobile: string | null;
  preferredLanguage: string;
  preferredChannels: Channel[];
}

export interface Child {
  id: string;
  firstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

export interface Placement {
  id: string;
  childId: string;
  startDate: string;
  endDate: string | null;
  endReason: EndReason | null;
  careMunicipality: string | null;
}

export interface Household {
  id: string;
  kind: Kind;
  relation: Relation;
  externalRef: string | null;
  address: { line: string | null; postcode: string | null; place: string | null };
  travelMinutes: number | null;
  travelSource: 'manual' | 'postcode_table' | null;
  adults: Adult[];
  children: Child[];
  placements: Placement[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HouseholdInput {
  id?: string;
  kind: Kind;
  relation: Relation;
  externalRef?: string | null;
  address: { line?: string | null; postcode?: string | null };
  travelMinutes?: number | null;
  adults: {
    id?: string;
    firstName: string;
    lastName: string;
    email?: string | null;
    mobile?: string | null;
    preferredLanguage?: string;
    preferredChannels?: Channel[];
  }[];
  children: { id?: string; firstName: string; birthDate: string }[];
  placements: {
    id?: string;
    childIndex: number;
    startDate: string;
    endDate?: string | null;
    endReason?: EndReason | null;
    careMunicipality?: string | null;
  }[];
}

export interface HistoryChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  at: string;
  actorName: string | null;
  action: 'create' | 'update' | 'archive' | 'unarchive' | 'import';
  changes: HistoryChange[];
}

export interface Postcode {
  postcode: string;
  place: string;
}

/** One field the server refused, e.g. { field: 'adults.0.mobile', rule: 'phone' }. */
export interface FieldProblem {
  field: string;
  rule: string;
}
