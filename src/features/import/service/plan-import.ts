import type { Queryable } from '../../../db/connection.js';
import { todayInOslo } from '../../../domain/calendar.js';
import {
  type Change,
  diffHouseholds,
  displayName,
  type Household,
  householdWarnings,
} from '../../../domain/household.js';
import {
  type BuiltRow,
  buildInput,
  cellOf,
  keyOf,
  type PreparedMapping,
  prepareMapping,
  problemOf,
  warningOf,
} from '../../../domain/import-mapping.js';
import {
  type ImportMapping,
  KEY_TARGET,
  type RowProblem,
  type RowStatus,
  type RowWarning,
  type Target,
} from '../../../domain/import-targets.js';
import { AppError } from '../../../server/errors.js';
import * as registry from '../../registry/index.js';
import * as q from '../queries.js';
import type { ParsedRow } from './parse-file.js';

// The plan of an import: what each row of the file would do to the registry. The dry run shows
// it; the import makes it again inside its own transaction and carries it out.

export interface PlannedRow {
  row: number;
  key: string;
  name: string;
  status: RowStatus;
  changes: Change[];
  problems: RowProblem[];
  /** Imported all the same, but worth a second look. */
  warnings: RowWarning[];
  /** For 'repeat': the earlier row this one copies. */
  repeatOf: number | null;
  household: Household | null;
  before: registry.HouseholdRow | null;
}

export interface Plan {
  rows: PlannedRow[];
  summary: Record<RowStatus, number>;
}

/** The mapping's own faults, before any row is read: its key column is missing, or a target is used twice. */
function checkMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const problems: { field: string; rule: string }[] = [];
  if (mapping.columns.length > headers.length) problems.push({ field: 'columns', rule: 'range' });
  const seen = new Set<Target>();
  for (const target of mapping.columns) {
    if (!target) continue;
    if (seen.has(target)) problems.push({ field: target, rule: 'duplicate' });
    seen.add(target);
  }
  if (!seen.has(KEY_TARGET[mapping.key])) problems.push({ field: KEY_TARGET[mapping.key], rule: 'required' });
  if (problems.length) throw new AppError('import.mapping_invalid', 400, problems);
}

/** The stored households the rows' keys name; for e-mail, null where two households share it. */
async function matchHouseholds(
  tx: Queryable,
  municipalityId: number,
  mapping: PreparedMapping,
  keys: string[],
): Promise<Map<string, registry.HouseholdRow | null>> {
  if (mapping.key === 'externalRef') {
    const rows = await registry.findHouseholdsByRef(tx, municipalityId, keys);
    return new Map(rows.map((row) => [row.externalRef as string, row]));
  }
  const byEmail = new Map<string, Set<string>>();
  for (const { email, householdId } of await q.householdsByEmail(tx, municipalityId, keys)) {
    byEmail.set(email, (byEmail.get(email) ?? new Set()).add(householdId));
  }
  // One statement for every household named by one e-mail alone, not one per row.
  const singles = [...byEmail.values()].flatMap((ids) => (ids.size === 1 ? [...ids] : []));
  const found = await registry.findHouseholds(tx, municipalityId, singles);
  const byId = new Map(found.map((household) => [household.id, household]));
  const matches = new Map<string, registry.HouseholdRow | null>();
  for (const [email, ids] of byEmail) {
    if (ids.size > 1) {
      matches.set(email, null);
      continue;
    }
    const household = byId.get([...ids][0] as string);
    if (household) matches.set(email, household);
  }
  return matches;
}

/**
 * Works out, inside the caller's transaction, what each row would do: create, update (with the
 * fields that change), leave unchanged, or be rejected (with every problem, by column). Writes nothing.
 */
export async function planImport(
  tx: Queryable,
  municipalityId: number,
  headers: readonly string[],
  rows: ParsedRow[],
  mapping: ImportMapping,
): Promise<Plan> {
  checkMapping(mapping, headers);
  const prepared = prepareMapping(mapping, headers);
  const keyColumn = headers[prepared.columnOf.get(KEY_TARGET[mapping.key]) as number] ?? null;

  // Keys that occur more than once in the file. Exact copies (the same household listed twice)
  // are one household, written once; rows that differ: which would win is anyone's guess, so none does.
  const rowsByKey = new Map<string, ParsedRow[]>();
  for (const parsed of rows) {
    const key = keyOf(parsed.cells, prepared);
    if (key) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), parsed]);
  }
  const repeats = new Map<number, number>();
  const conflicts = new Map<string, string[]>();
  for (const [key, same] of rowsByKey) {
    const [first, ...others] = same as [ParsedRow, ...ParsedRow[]];
    const differs = differingColumns(same, prepared);
    if (differs.length) conflicts.set(key, differs);
    else for (const other of others) repeats.set(other.row, first.row);
  }
  const matches = await matchHouseholds(tx, municipalityId, prepared, [...rowsByKey.keys()]);

  const built: (BuiltRow | null)[] = rows.map(({ row, cells }) => {
    const key = keyOf(cells, prepared);
    if (!key || repeats.has(row) || conflicts.has(key) || matches.get(key) === null) return null;
    return buildInput(cells, prepared, matches.get(key) ?? null);
  });
  const today = todayInOslo();
  const inputs = built.flatMap((b) => (b ? [b.input] : []));
  const checks = await registry.checkHouseholds(tx, municipalityId, inputs);

  // When rows are matched by e-mail, a case number in the file must not belong to another household.
  const refOwners = new Map<string, string>();
  if (mapping.key === 'email' && prepared.columnOf.has('externalRef')) {
    const refs = rows.map(({ cells }) => cellOf(cells, prepared, 'externalRef')).filter(Boolean);
    for (const { externalRef, householdId } of await q.householdsByRef(tx, municipalityId, refs)) {
      refOwners.set(externalRef, householdId);
    }
  }

  const planned: PlannedRow[] = [];
  let next = 0;
  for (const [i, { row, cells }] of rows.entries()) {
    const key = keyOf(cells, prepared);
    const before = (key && matches.get(key)) || null;
    const typedName = [
      cellOf(cells, prepared, 'adult1.firstName'),
      cellOf(cells, prepared, 'adult1.lastName'),
    ]
      .filter(Boolean)
      .join(' ');
    const entry: PlannedRow = {
      row,
      key,
      name: typedName || before?.displayName || key,
      status: 'rejected',
      changes: [],
      problems: [],
      warnings: [],
      repeatOf: repeats.get(row) ?? null,
      household: null,
      before,
    };
    planned.push(entry);
    if (entry.repeatOf !== null) {
      entry.status = 'repeat';
      continue;
    }
    const b = built[i];
    if (!b) {
      const field = KEY_TARGET[mapping.key];
      if (!key) entry.problems.push({ field, column: keyColumn, rule: 'required' });
      else if (matches.get(key) === null)
        entry.problems.push({ field, column: keyColumn, rule: 'ambiguous' });
      else {
        const others = (rowsByKey.get(key) ?? []).flatMap((other) => (other.row === row ? [] : [other.row]));
        const differs = conflicts.get(key) ?? [];
        entry.problems.push({ field, column: keyColumn, rule: 'duplicate', rows: others, differs });
      }
      continue;
    }
    const checked = checks[next++];
    const problems = [
      ...b.problems,
      ...(checked?.errors ?? []).map((error) => problemOf(error, b, prepared)),
    ];
    const household = checked?.household ?? null;
    if (household?.externalRef && refOwners.has(household.externalRef)) {
      if (refOwners.get(household.externalRef) !== household.id) {
        problems.push({ field: 'externalRef', column: headerOf(prepared, 'externalRef'), rule: 'unique' });
      }
    }
    // One problem per field: "required" and "date" on an empty birth date say the same.
    const seen = new Set<string>();
    entry.problems = problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
    if (entry.problems.length || !household) continue;
    entry.household = household;
    entry.name = displayName(household.adults);
    entry.warnings = householdWarnings(household, today).map((warning) => warningOf(warning, b, prepared));
    if (!before) {
      entry.status = 'create';
      continue;
    }
    entry.changes = diffHouseholds(before, household);
    entry.status = entry.changes.length ? 'update' : 'unchanged';
  }
  // A repeated row is named as the household of the row it repeats ("Kari og Ola Nordmann").
  const byRow = new Map(planned.map((entry) => [entry.row, entry]));
  for (const entry of planned) {
    if (entry.repeatOf !== null) entry.name = byRow.get(entry.repeatOf)?.name ?? entry.name;
  }
  const summary = { create: 0, update: 0, unchanged: 0, repeat: 0, rejected: 0 };
  for (const entry of planned) summary[entry.status]++;
  return { rows: planned, summary };
}

/** The headers of the mapped columns whose values differ between rows (compared as trimmed text). */
function differingColumns(same: readonly ParsedRow[], mapping: PreparedMapping): string[] {
  const differs: string[] = [];
  for (const [target, column] of mapping.columnOf) {
    const values = new Set(same.map(({ cells }) => cellOf(cells, mapping, target)));
    if (values.size > 1) differs.push(mapping.headers[column] ?? target);
  }
  return differs;
}

function headerOf(mapping: PreparedMapping, target: Target): string | null {
  const column = mapping.columnOf.get(target);
  return column === undefined ? null : (mapping.headers[column] ?? null);
}
