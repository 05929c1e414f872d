import { stringify } from 'csv-stringify/sync';

/**
 * A CSV cell that Excel will not run: text starting with = + - @ (or a tab or carriage return)
 * is read as a formula, so a leading ' keeps it text (formula injection, OWASP).
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV file as Norwegian Excel opens it with a double click: semicolon separated, UTF-8 with a
 * byte-order mark (without it, Excel reads æøå as Windows-1252). Text cells go through csvCell.
 */
export function csvDocument(header: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : csvCell(v))));
  return `\uFEFF${stringify([header, ...cells], { delimiter: ';' })}`;
}
