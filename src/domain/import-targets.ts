// What a column of an import file can be: shared by the server and the web app (no I/O here).

import type { HouseholdKind, Relation } from './household.js';

export const HOUSEHOLD_TARGETS = [
  'externalRef',
  'kind',
  'relation',
  'addressLine',
  'postcode',
  'travelMinutes',
] as const;
export const ADULT_FIELDS = ['firstName', 'lastName', 'email', 'mobile', 'language', 'channels'] as const;
export const CHILD_FIELDS = [
  'firstName',
  'birthDate',
  'placedFrom',
  'placedTo',
  'endReason',
  'careMunicipality',
] as const;
export type AdultField = (typeof ADULT_FIELDS)[number];
export type ChildField = (typeof CHILD_FIELDS)[number];

/** Two adults and two children per row: one row is one household (the key must be unique in a file). */
export const ADULT_SLOTS = [1, 2] as const;
export const CHILD_SLOTS = [1, 2] as const;

export const TARGETS = [
  ...HOUSEHOLD_TARGETS,
  ...ADULT_SLOTS.flatMap((slot) => ADULT_FIELDS.map((field) => `adult${slot}.${field}` as const)),
  ...CHILD_SLOTS.flatMap((slot) => CHILD_FIELDS.map((field) => `child${slot}.${field}` as const)),
] as const;
export type Target = (typeof TARGETS)[number];

export function isTarget(value: unknown): value is Target {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

/**
 * How rows are matched to households already in the registry: the case-management system's id
 * (stored as the household's external reference), or the first adult's e-mail address.
 */
export const IMPORT_KEYS = ['externalRef', 'email'] as const;
export type ImportKey = (typeof IMPORT_KEYS)[number];

/** The column that holds the key. */
export const KEY_TARGET: Record<ImportKey, Target> = { externalRef: 'externalRef', email: 'adult1.email' };

export interface ImportMapping {
  /** One entry per column of the file, in order: what it is, or null to leave it out. */
  columns: (Target | null)[];
  key: ImportKey;
  /** For rows (and files) that do not say: the kind of home and the municipality's relation. */
  defaults: {
    kind: HouseholdKind;
    relation: Relation;
  };
}

/** A saved mapping names columns by their header, so it fits the next export even if columns move. */
export interface SavedColumns {
  columns: { header: string; target: Target }[];
  key: ImportKey;
  defaults: ImportMapping['defaults'];
}

/** 'repeat': the row is an exact copy of an earlier row with the same key (one household, written once). */
export const ROW_STATUSES = ['create', 'update', 'unchanged', 'repeat', 'rejected'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** Why a row is rejected: the rules of the registry, plus the import's own. */
export const IMPORT_RULES = [
  'required',
  'phone',
  'landline',
  'email',
  'postcode',
  'date',
  'range',
  'duplicate',
  'unique',
  'ambiguous',
] as const;
export type ImportRule = (typeof IMPORT_RULES)[number];

export interface RowProblem {
  /** A target ('child1.birthDate') when the problem is in a column, else the registry's field path. */
  field: string;
  /** The header of the column it was read from, when there is one. */
  column: string | null;
  rule: ImportRule;
  /** For 'duplicate': the other rows with the same key. */
  rows?: number[];
  /** For 'duplicate': the headers of the columns where those rows differ from this one. */
  differs?: string[];
}

/** What is imported but worth a second look: a travel time over 5 hours, a child over 20, a placement before birth. */
export const IMPORT_WARNINGS = ['travel_long', 'child_over_age', 'placement_before_birth'] as const;
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

export interface RowWarning {
  field: string;
  column: string | null;
  rule: ImportWarning;
}

/** Normalises a header for comparison: lower case, single spaces, no surrounding punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/^[\s.:;,*#-]+|[\s.:;,*#-]+$/g, '')
    .trim();
}

/** Each column of `headers` with the target of a saved mapping that names the same header (in order for repeats). */
export function applySavedColumns(headers: readonly string[], saved: SavedColumns): (Target | null)[] {
  const pending = new Map<string, Target[]>();
  for (const { header, target } of saved.columns) {
    const key = normaliseHeader(header);
    pending.set(key, [...(pending.get(key) ?? []), target]);
  }
  const used = new Set<Target>();
  return headers.map((header) => {
    const queue = pending.get(normaliseHeader(header));
    const target = queue?.shift();
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

/** The saved form of a mapping of a file with `headers`. */
export function toSavedColumns(headers: readonly string[], mapping: ImportMapping): SavedColumns {
  return {
    columns: mapping.columns.flatMap((target, i) =>
      target && headers[i] !== undefined ? [{ header: headers[i] as string, target }] : [],
    ),
    key: mapping.key,
    defaults: mapping.defaults,
  };
}
