import { displayMobile } from '../../domain/phone.js';
import { staffText, staffTexts } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import type { ExportRow } from './queries.js';

// The household list as a spreadsheet: the same columns in .xlsx and CSV, Norwegian headings
// (bokmål, as the team's spreadsheets are; the words are exports.households in the staff
// catalogues), one row per household, one group of columns per adult.

const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `exports.households.${key}`, values);
const KINDS = staffTexts('nb', 'exports.households.kinds');
const RELATIONS = staffTexts('nb', 'exports.households.relations');
const CHANNELS = staffTexts('nb', 'exports.households.channels');
const column = (name: string) => text(`columns.${name}`);
const languageNames = new Intl.DisplayNames(['nb'], { type: 'language', fallback: 'code' });

function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The wall-clock time in Oslo as a Date whose UTC fields show it: what a spreadsheet cell holds. */
const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function osloWallClock(date: Date): Date {
  const parts = new Map(osloParts.formatToParts(date).map((x) => [x.type, Number(x.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  return new Date(
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')),
  );
}
const isoMinute = (date: Date) => osloWallClock(date).toISOString().slice(0, 16).replace('T', ' ');
const isoDay = (date: Date) => osloWallClock(date).toISOString().slice(0, 10);

type Value = string | number | Date | null;
interface Column {
  header: string;
  width: number;
  value: (row: ExportRow) => Value;
  /** Excel number format for dates */
  format?: string;
}

function columns(maxAdults: number): Column[] {
  const adultColumns = Array.from({ length: maxAdults }, (_, i): Column[] => {
    const n = i + 1;
    const adult = (row: ExportRow) => row.adults[i];
    return [
      { header: text('adult.firstName', { n }), width: 16, value: (r) => adult(r)?.firstName ?? null },
      { header: text('adult.lastName', { n }), width: 18, value: (r) => adult(r)?.lastName ?? null },
      { header: text('adult.email', { n }), width: 30, value: (r) => adult(r)?.email ?? null },
      {
        header: text('adult.mobile', { n }),
        width: 16,
        value: (r) => {
          const mobile = adult(r)?.mobile;
          return mobile ? displayMobile(mobile) : null;
        },
      },
      {
        header: text('adult.language', { n }),
        width: 14,
        value: (r) => {
          const a = adult(r);
          return a ? languageName(a.preferredLanguage) : null;
        },
      },
      {
        header: text('adult.channels', { n }),
        width: 18,
        value: (r) =>
          adult(r)
            ?.preferredChannels.map((c) => CHANNELS[c] ?? c)
            .join(', ') || null,
      },
    ];
  }).flat();
  return [
    { header: column('name'), width: 32, value: (r) => r.name },
    { header: column('kind'), width: 16, value: (r) => KINDS[r.kind] ?? r.kind },
    { header: column('relation'), width: 16, value: (r) => RELATIONS[r.relation] ?? r.relation },
    { header: column('externalRef'), width: 14, value: (r) => r.externalRef },
    { header: column('address'), width: 28, value: (r) => r.addressLine },
    { header: column('postcode'), width: 11, value: (r) => r.postcode },
    { header: column('place'), width: 18, value: (r) => r.place },
    { header: column('travelMinutes'), width: 13, value: (r) => r.travelMinutes },
    { header: column('children'), width: 11, value: (r) => r.childrenCount },
    ...adultColumns,
    { header: column('archived'), width: 12, value: (r) => r.archivedAt, format: 'dd.mm.yyyy' },
    { header: column('created'), width: 17, value: (r) => r.createdAt, format: 'dd.mm.yyyy hh:mm' },
    { header: column('updated'), width: 17, value: (r) => r.updatedAt, format: 'dd.mm.yyyy hh:mm' },
  ];
}

const maxAdultsOf = (rows: ExportRow[]) => Math.max(1, ...rows.map((r) => r.adults.length));

export function householdsCsv(rows: ExportRow[]): string {
  const cols = columns(maxAdultsOf(rows));
  return csvDocument(
    cols.map((c) => c.header),
    rows.map((row) =>
      cols.map((c) => {
        const value = c.value(row);
        if (value instanceof Date) return c.format === 'dd.mm.yyyy' ? isoDay(value) : isoMinute(value);
        return value;
      }),
    ),
  );
}

export async function householdsXlsx(rows: ExportRow[]): Promise<Buffer> {
  // Loaded on first use: exceljs takes longer to load than the rest of the server's start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Landsby';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(text('sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const cols = columns(maxAdultsOf(rows));
  sheet.columns = cols.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    ...(c.format ? { style: { numFmt: c.format } } : {}),
  }));
  for (const row of rows) {
    sheet.addRow(
      cols.map((c) => {
        const value = c.value(row);
        return value instanceof Date ? osloWallClock(value) : value;
      }),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
