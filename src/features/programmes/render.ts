import type { DisclosedCount } from '../../domain/disclosure.js';
import { staffText } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import type { Rate, Stability, StabilityFigureId } from './contract.js';

// Each figure of the stability page as a table: the same columns in .xlsx and CSV, bokmål
// headings (programmes.export in the staff catalogues), hidden counts written as on the page.

type Cell = string | number | null;
export interface StabilityTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `programmes.export.${key}`, values);

const count = (c: DisclosedCount): Cell =>
  typeof c === 'number' ? c : 'under' in c ? text('under', { count: c.under }) : text('hidden');
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const rateCells = (r: Rate): Cell[] => [
  count(r.moves),
  count(r.placementYears),
  round(r.per100),
  round(r.low),
  round(r.high),
];
const rateHeader = () => [text('moves'), text('placementYears'), text('per100'), text('low'), text('high')];

export function stabilityTable(s: Stability, figure: StabilityFigureId): StabilityTable {
  switch (figure) {
    case 'by-year':
      return {
        title: text('byYear'),
        header: [text('year'), ...rateHeader()],
        rows: [
          ...s.years.map((y, i) => [y, ...rateCells(s.byYear[i] as Rate)]),
          [text('all'), ...rateCells(s.total)],
        ],
      };
    case 'by-municipality':
      return {
        title: text('byMunicipality'),
        header: [text('municipality'), text('year'), ...rateHeader()],
        rows: s.municipalities.flatMap((m, r) => [
          ...s.years.map((y, c) => [m.name, y, ...rateCells(s.cells[r]?.[c] as Rate)]),
          [m.name, text('all'), ...rateCells(s.byMunicipality[r] as Rate)],
        ]),
      };
    case 'took-part':
      return {
        title: text('tookPart'),
        header: [text('programme'), text('group'), ...rateHeader()],
        rows: s.participation.flatMap((p) => [
          [text(`kinds.${p.kind}`), text('groups.tookPart'), ...rateCells(p.tookPart)],
          [text(`kinds.${p.kind}`), text('groups.didNot'), ...rateCells(p.didNot)],
          [text(`kinds.${p.kind}`), text('groups.unknown'), ...rateCells(p.unknown)],
        ]),
      };
  }
}

export function stabilityCsv(table: StabilityTable): string {
  return csvDocument(table.header, table.rows);
}

export async function stabilityXlsx(table: StabilityTable): Promise<Buffer> {
  // Loaded on first use, as in the insight exports: exceljs is slow to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Landsby';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.header.map((header, i) => ({
    header,
    key: String(i),
    width: Math.max(12, header.length + 4),
  }));
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([text('note')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
