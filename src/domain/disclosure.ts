/**
 * What may be disclosed of a table of counts shown outside the municipality the counts are about
 * (a programme's figures pooled over its member municipalities): small counts hidden ("under 5"),
 * and, so that a hidden count cannot be worked out by subtracting the shown ones from a shown
 * total, complementary cells hidden as well.
 *
 * A table is a list of counts (its cells, totals included) and the lines that hold in it: each
 * line says "the cell `total` is the sum of the cells `parts`". The rule: in every line, no cell
 * or at least two cells are hidden, and where the total is shown, the hidden parts add up to at
 * least the threshold (else their small sum is known: 0 and 0 are both 0). A line that breaks it
 * gets one more hidden cell, the smallest shown part (hiding a small part tells least), and the
 * rule is checked again until every line keeps it (a cell hidden for one line may break another).
 *
 * Pure: no I/O, so the rule is checked by unit tests on crafted tables.
 */
import { type ShownCount, SMALL_COUNT } from './statistics.js';

/**
 * A count as it may be shown: exact; { under: 5 } when it is small; or { hidden: true } when it
 * is not small but hidden so that a small one cannot be worked out from the totals.
 */
export type DisclosedCount = ShownCount | { hidden: true };

/** "`total` = the sum of `parts`": indices into the table's cells. */
export interface Line {
  total: number;
  parts: readonly number[];
}

export interface DisclosureOptions {
  /** Counts below this are small (default SMALL_COUNT, 5). Zero is small too, as in statistics.suppress. */
  threshold?: number;
}

/** Which cells of a table must be hidden: small ones, and the complementary ones the lines need. */
export function hiddenCells(
  counts: readonly number[],
  lines: readonly Line[],
  options: DisclosureOptions = {},
): boolean[] {
  const threshold = options.threshold ?? SMALL_COUNT;
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`disclosure: counts are whole numbers ≥ 0, got ${count}`);
    }
  }
  for (const line of lines) {
    for (const index of [line.total, ...line.parts]) {
      if (!Number.isInteger(index) || index < 0 || index >= counts.length) {
        throw new RangeError(`disclosure: a line names cell ${index} of ${counts.length}`);
      }
    }
  }
  const hidden = counts.map((count) => count < threshold);
  const totals = new Set(lines.map((line) => line.total));
  // Each pass hides at least one more cell or ends: at most counts.length passes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (!givesAway(counts, hidden, line, threshold)) continue;
      const second = complement(counts, hidden, line, totals);
      if (second === undefined) continue; // a line of one part: its total is that part, both hidden
      hidden[second] = true;
      changed = true;
    }
  }
  return hidden;
}

/**
 * Whether a line's shown cells give a hidden one away: one hidden cell is the total minus the
 * others; and when the total is shown, the hidden parts add up to a known sum, which must not be
 * small either (parts 0, 0 and 14 of 14 would say both hidden parts are 0).
 */
function givesAway(
  counts: readonly number[],
  hidden: readonly boolean[],
  line: Line,
  threshold: number,
): boolean {
  const hiddenParts = line.parts.filter((i) => hidden[i]);
  const hiddenCount = hiddenParts.length + (hidden[line.total] ? 1 : 0);
  if (hiddenCount === 0) return false;
  if (hiddenCount === 1) return true;
  if (hidden[line.total]) return false;
  const hiddenSum = hiddenParts.reduce((sum, i) => sum + (counts[i] as number), 0);
  return hiddenSum < threshold && line.parts.some((i) => !hidden[i]);
}

/**
 * The cell to hide beside a line's one hidden cell: the smallest shown part that is no other
 * line's total (a total tells more), else the smallest shown part, else the total itself.
 */
function complement(
  counts: readonly number[],
  hidden: readonly boolean[],
  line: Line,
  totals: ReadonlySet<number>,
): number | undefined {
  const shown = line.parts.filter((i) => !hidden[i]);
  const smallest = (cells: readonly number[]) =>
    cells.reduce<number | undefined>(
      (best, i) => (best === undefined || (counts[i] as number) < (counts[best] as number) ? i : best),
      undefined,
    );
  return (
    smallest(shown.filter((i) => !totals.has(i))) ??
    smallest(shown) ??
    (hidden[line.total] ? undefined : line.total)
  );
}

/** The cells of a table as they may be shown. */
export function disclose(
  counts: readonly number[],
  lines: readonly Line[],
  options: DisclosureOptions = {},
): DisclosedCount[] {
  const threshold = options.threshold ?? SMALL_COUNT;
  const hidden = hiddenCells(counts, lines, options);
  return counts.map((count, i) =>
    !hidden[i] ? count : count < threshold ? { under: threshold } : { hidden: true },
  );
}

/** Parts and their total (one line): e.g. unplanned moves per municipality and for the programme. */
export function discloseParts(
  parts: readonly number[],
  options: DisclosureOptions = {},
): { parts: DisclosedCount[]; total: DisclosedCount } {
  const total = parts.reduce((sum, n) => sum + n, 0);
  const shown = disclose(
    [...parts, total],
    [{ total: parts.length, parts: parts.map((_, i) => i) }],
    options,
  );
  return { parts: shown.slice(0, parts.length), total: shown[parts.length] as DisclosedCount };
}

/**
 * A two-way table with its row totals, column totals and grand total (e.g. unplanned moves by
 * municipality × year): every row and every column is a line, and so are the totals.
 */
export function discloseTable(
  cells: readonly (readonly number[])[],
  options: DisclosureOptions = {},
): {
  cells: DisclosedCount[][];
  rowTotals: DisclosedCount[];
  columnTotals: DisclosedCount[];
  total: DisclosedCount;
} {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  if (cells.some((row) => row.length !== columns)) {
    throw new RangeError('disclosure: every row of a table has the same number of cells');
  }
  // Layout: the cells row by row, then the row totals, the column totals and the grand total.
  const at = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  const counts = [
    ...cells.flat(),
    ...cells.map((row) => row.reduce((sum, n) => sum + n, 0)),
    ...Array.from({ length: columns }, (_, c) => cells.reduce((sum, row) => sum + (row[c] as number), 0)),
    cells.flat().reduce((sum, n) => sum + n, 0),
  ];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const lines: Line[] = [
    ...range(rows).map((r) => ({ total: rowTotal(r), parts: range(columns).map((c) => at(r, c)) })),
    ...range(columns).map((c) => ({ total: columnTotal(c), parts: range(rows).map((r) => at(r, c)) })),
    { total: grand, parts: range(rows).map(rowTotal) },
    { total: grand, parts: range(columns).map(columnTotal) },
  ];
  const shown = disclose(counts, lines, options);
  return {
    cells: range(rows).map((r) => range(columns).map((c) => shown[at(r, c)] as DisclosedCount)),
    rowTotals: range(rows).map((r) => shown[rowTotal(r)] as DisclosedCount),
    columnTotals: range(columns).map((c) => shown[columnTotal(c)] as DisclosedCount),
    total: shown[grand] as DisclosedCount,
  };
}

/** The count when it may be shown, else null (for arithmetic on what is disclosed). */
export function knownCount(count: DisclosedCount): number | null {
  return typeof count === 'number' ? count : null;
}
