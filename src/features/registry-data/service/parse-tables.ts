import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

// Reading the two reference files a municipality or an admin uploads: the travel-time table and
// Posten's postcode register. Pure functions: bytes in, entries and per-line problems out.

/** One refused line of an uploaded file: its number (1 = the first line) and what is wrong. */
export interface LineProblem {
  line: number;
  rule:
    | 'format'
    | 'columns'
    | 'postcode'
    | 'minutes'
    | 'duplicate'
    | 'unknown_postcode'
    | 'place'
    | 'category';
  /** what the line held there, cut short: postcodes and numbers, never personal data */
  value?: string;
}

/** At most this many problems are reported; one is enough to refuse the file. */
export const MAX_PROBLEMS = 200;

/**
 * Text from the bytes of an uploaded file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), or else Windows-1252, which Norwegian offices and Posten's "ANSI" file use.
 */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
} {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}

const cut = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** A postcode as offices write it: Excel drops the leading zero of 0150, so three digits get it back. */
export function normalisePostcode(value: string): string | null {
  const digits = value.replace(/\s/g, '');
  if (/^\d{4}$/.test(digits)) return digits;
  if (/^\d{3}$/.test(digits)) return `0${digits}`;
  return null;
}

export interface TravelTimeEntry {
  line: number;
  postcode: string;
  minutes: number;
}

/** Semicolon, comma or tab: whichever the first line with content holds most of. */
function guessDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

/**
 * The travel-time table: `postcode;minutes` per line, semicolon or comma separated, an optional
 * header line ("postnummer;minutter"). Minutes are whole numbers 0–1440 ("35", "35,0").
 * Returns every entry and every problem; the caller writes nothing when there is a problem.
 */
export function parseTravelTimes(text: string): { entries: TravelTimeEntry[]; problems: LineProblem[] } {
  const entries: TravelTimeEntry[] = [];
  const problems: LineProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        entries,
        problems: [{ line: (error as CsvError & { lines?: number }).lines ?? 1, rule: 'format' }],
      };
    }
    throw error;
  }
  const seen = new Map<string, number>();
  for (const [index, { record, info }] of records.entries()) {
    const fields = [...record];
    while (fields.length > 0 && fields.at(-1) === '') fields.pop(); // Excel's trailing ";;"
    const [first = '', second = ''] = fields;
    // A header: words where the postcode and the minutes would be.
    if (index === 0 && !/^\d/.test(first) && !/^\d+$/.test(second)) continue;
    const line = info.lines;
    if (fields.length !== 2) {
      problems.push({ line, rule: 'columns', value: cut(record.join(' | ')) });
      continue;
    }
    const postcode = normalisePostcode(first);
    if (!postcode) {
      problems.push({ line, rule: 'postcode', value: cut(first) });
      continue;
    }
    const minutesMatch = /^(\d{1,4})(?:[.,]0+)?$/.exec(second);
    const minutes = minutesMatch ? Number(minutesMatch[1]) : Number.NaN;
    if (!(minutes >= 0 && minutes <= 1440)) {
      problems.push({ line, rule: 'minutes', value: cut(second) });
      continue;
    }
    if (seen.has(postcode)) {
      problems.push({ line, rule: 'duplicate', value: postcode });
      continue;
    }
    seen.set(postcode, line);
    entries.push({ line, postcode, minutes });
  }
  return { entries, problems };
}

export interface PostcodeEntry {
  postcode: string;
  place: string;
}

const CATEGORIES = new Set(['B', 'F', 'G', 'P', 'S']);

/**
 * Posten's "Postnummerregister": tab separated, no header, one postcode per line —
 * postnummer, poststed, kommunenummer, kommunenavn, kategori (B, F, G, P or S).
 * Any line that does not fit is a problem; so is a postcode given twice.
 */
export function parsePostenRegister(text: string): { entries: PostcodeEntry[]; problems: LineProblem[] } {
  const entries: PostcodeEntry[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const line = index + 1;
    const columns = raw.split('\t').map((c) => c.trim());
    // A header someone added in a spreadsheet ("Postnummer  Poststed …") is no postcode line.
    if (entries.length === 0 && problems.length === 0 && /^post\s*n/i.test(columns[0] ?? '')) continue;
    const [postcode = '', place = '', municipalityNumber = '', , category = ''] = columns;
    if (columns.length < 5) problems.push({ line, rule: 'columns', value: cut(raw) });
    else if (!/^\d{4}$/.test(postcode)) problems.push({ line, rule: 'postcode', value: cut(postcode) });
    else if (!place || !/^\d{4}$/.test(municipalityNumber))
      problems.push({ line, rule: 'place', value: postcode });
    else if (!CATEGORIES.has(category.toUpperCase()))
      problems.push({ line, rule: 'category', value: cut(category) });
    else if (seen.has(postcode)) problems.push({ line, rule: 'duplicate', value: postcode });
    else {
      seen.add(postcode);
      entries.push({ postcode, place });
    }
  }
  return { entries, problems };
}
