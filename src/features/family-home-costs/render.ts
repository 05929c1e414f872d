import { staffText } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import type { CostComparison } from './contract.js';

// The comparison as the council gets it: one row per arrangement with how it is computed, then the
// unit costs it is computed from. Bokmål, as the team's spreadsheets are (familyHomeCosts.export in
// the staff catalogues).

type Cell = string | number | null;
export interface CostTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `familyHomeCosts.export.${key}`, values);

export function costTable(costs: CostComparison): CostTable {
  const s = costs.settings;
  const rows: Cell[][] = costs.arrangements.map((a) => [
    text(`arrangements.${a.arrangement}`),
    a.perYouthNok,
    text(`how.${a.arrangement}`, s ? { youths: String(s.youthsPerHome).replace('.', ',') } : {}),
  ]);
  if (s) {
    rows.push(
      [],
      [text('settingsHeading', { year: s.year })],
      [text('settings.familyHomeNok'), s.familyHomeNok],
      [text('settings.counsellorShareNok'), s.counsellorShareNok],
      [text('settings.youthsPerHome'), s.youthsPerHome],
      [text('settings.groupHomePlaceNok'), s.groupHomePlaceNok],
      [text('settings.institutionPlaceNok'), s.institutionPlaceNok],
    );
    if (s.example) rows.push([], [text('example')]);
  } else {
    rows.push([text('none')]);
  }
  return {
    title: text('title', { year: costs.year }),
    header: [text('columns.arrangement'), text('columns.perYouth'), text('columns.how')],
    rows,
  };
}

export function costCsv(table: CostTable): string {
  return csvDocument(table.header, table.rows);
}

export async function costXlsx(table: CostTable): Promise<Buffer> {
  // Loaded on first use, as in the other exports: exceljs is slow to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Landsby';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: table.header[0], key: '0', width: 36 },
    { header: table.header[1], key: '1', width: 24, style: { numFmt: '# ##0' } },
    { header: table.header[2], key: '2', width: 70 },
  ];
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
