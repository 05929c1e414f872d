import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { MAX_COLUMNS } from '../contract.js';

/** A file as rows of text: the header row, then every row with its number as a spreadsheet shows it. */
export interface ParsedFile {
  format: 'csv' | 'xlsx';
  /** How a CSV was decoded and split; null for xlsx. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | null;
  delimiter: ';' | ',' | '\t' | null;
  headers: string[];
  rows: ParsedRow[];
}

export interface ParsedRow {
  /** The row number in the spreadsheet (the header row is 1 when it is the first). */
  row: number;
  cells: string[];
}

export type UnreadableReason =
  | 'empty'
  | 'binary'
  | 'old_excel'
  | 'xlsx'
  | 'csv'
  | 'no_header'
  | 'no_rows'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'unpacks_too_large';

/** The file cannot be read as a table; `reason` says why, for a message the user can act on. */
export class UnreadableFile extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly line?: number,
  ) {
    super(`unreadable file: ${reason}`);
    this.name = 'UnreadableFile';
  }
}

const MAX_ROWS = 100_000;
/**
 * What an .xlsx may unpack to, all its parts together. A registry export of thousands of
 * households unpacks to a few MB; a zip bomb (1.5 MB that unpacks to 800 MB) is refused.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_CELL = 2_000;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // .xls (Excel 97–2003)

/** Reads an uploaded .xlsx or CSV file, whatever its name says: the content decides. */
export async function parseUpload(data: Buffer): Promise<ParsedFile> {
  if (data.length === 0) throw new UnreadableFile('empty');
  if (data.subarray(0, 4).equals(ZIP)) return parseXlsx(data);
  if (data.subarray(0, 4).equals(OLE)) throw new UnreadableFile('old_excel');
  return parseCsvFile(data);
}

// ---- CSV --------------------------------------------------------------------------------------

/**
 * Text from bytes: UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 when a BOM
 * says so ("Unicode text" from Excel), else Windows-1252, which is what older Norwegian systems
 * write (æøå as single bytes).
 */
export function decodeText(data: Buffer): { text: string; encoding: NonNullable<ParsedFile['encoding']> } {
  if (data[0] === 0xff && data[1] === 0xfe)
    return { text: iconv.decode(data.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (data[0] === 0xfe && data[1] === 0xff)
    return { text: iconv.decode(data.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** True when the text is no table at all: NUL bytes or many control characters (an image, a PDF, a zip). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('\u0000')) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is counted
  const controls = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.002);
}

/**
 * The separator of a CSV: the one of `;`, `,` and tab that occurs most often in the header line
 * (outside quotes). Norwegian Excel writes `;` because the comma is the decimal sign; on a tie it wins.
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

function parseCsvFile(data: Buffer): ParsedFile {
  const { text, encoding } = decodeText(data);
  if (text.trim() === '') throw new UnreadableFile('empty');
  if (looksBinary(text)) throw new UnreadableFile('binary');
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UnreadableFile('csv', typeof line === 'number' ? line : undefined);
  }
  // Excel numbers the records, not the lines: a quoted line break stays inside its row.
  return toTable(
    records.map((cells, index) => ({ row: index + 1, cells })),
    { format: 'csv', encoding, delimiter },
  );
}

// ---- xlsx -------------------------------------------------------------------------------------

/**
 * Refuses a zip that unpacks to more than MAX_UNPACKED_BYTES before exceljs unpacks it into
 * memory: first by the sizes its central directory declares, then by inflating each part as a
 * stream and counting what comes out, a chunk at a time (a zip can lie about its sizes; yauzl
 * also refuses a part that inflates to more than it declared).
 */
async function checkUnpackedSize(data: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data, { lazyEntries: true, autoClose: false });
  } catch {
    throw new UnreadableFile('xlsx');
  }
  try {
    const entries = await centralDirectory(zip);
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > MAX_UNPACKED_BYTES) throw new UnreadableFile('unpacks_too_large');
    let inflated = 0;
    for (const entry of entries) {
      const stream = await openEntry(zip, entry);
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (inflated > MAX_UNPACKED_BYTES) {
          stream.destroy();
          throw new UnreadableFile('unpacks_too_large');
        }
      }
    }
  } catch (error) {
    throw error instanceof UnreadableFile ? error : new UnreadableFile('xlsx');
  } finally {
    zip.close();
  }
}

const openZip = promisify(yauzl.fromBuffer) as (
  data: Buffer,
  options: yauzl.Options,
) => Promise<yauzl.ZipFile>;
const openEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  promisify(zip.openReadStream.bind(zip))(entry) as Promise<Readable>;

/** Every part of the zip as its central directory lists it; nothing inflated yet. */
function centralDirectory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function parseXlsx(data: Buffer): Promise<ParsedFile> {
  await checkUnpackedSize(data);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types predate Node's generic Buffer.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new UnreadableFile('xlsx');
  }
  // The first sheet with anything on it: exports often start with it, but not always.
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new UnreadableFile('empty');
  if (sheet.actualRowCount > MAX_ROWS + 1) throw new UnreadableFile('too_many_rows');
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: string[] = [];
    // values is 1-based: values[1] is column A.
    for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
    rows.push({ row: rowNumber, cells });
  });
  return toTable(rows, { format: 'xlsx', encoding: null, delimiter: null });
}

function isoDay(date: Date): string {
  // Excel stores a day without a zone; exceljs gives it as midnight UTC.
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** The text of a cell as a person reads it: dates as YYYY-MM-DD, formulas by their result, no rich-text markup. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ||
      (typeof result === 'object' && result !== null && !(result instanceof Date))
      ? ''
      : cellText(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  if ('error' in value) return '';
  return '';
}

// ---- both -------------------------------------------------------------------------------------

function toTable(
  records: ParsedRow[],
  how: Pick<ParsedFile, 'format' | 'encoding' | 'delimiter'>,
): ParsedFile {
  const clean = (cell: string) => cell.replace(/\r\n?/g, '\n').trim().slice(0, MAX_CELL);
  const filled = records
    .map(({ row, cells }) => ({ row, cells: cells.map((cell) => clean(String(cell ?? ''))) }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  if (filled.length === 0) throw new UnreadableFile('empty');
  // The header is the first row with two or more cells: a title line above it is left out.
  const start = filled.slice(0, 10).findIndex(({ cells }) => cells.filter((cell) => cell !== '').length >= 2);
  const [header, ...rows] = filled.slice(Math.max(start, 0));
  if (!header) throw new UnreadableFile('empty');
  // Trailing empty header cells are no columns.
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === '') width--;
  if (width > MAX_COLUMNS) throw new UnreadableFile('too_many_columns');
  const headers = header.cells.slice(0, width).map((text, i) => text.replace(/\s+/g, ' ') || `(${i + 1})`);
  if (headers.filter((text, i) => text !== `(${i + 1})`).length < 2) throw new UnreadableFile('no_header');
  if (rows.length === 0) throw new UnreadableFile('no_rows');
  if (rows.length > MAX_ROWS) throw new UnreadableFile('too_many_rows');
  return {
    ...how,
    headers,
    rows: rows.map(({ row, cells }) => ({
      row,
      cells: Array.from({ length: width }, (_, i) => cells[i] ?? ''),
    })),
  };
}
