import type { DisclosedCount } from '../../domain/disclosure.js';
import { PHASES } from '../../domain/programme.js';
import { staffText } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import type { Cohorts, Plan, Rate, Stability, StabilityFigureId } from './contract.js';

// Each figure and table of the programme's pages as a table: the same columns in .xlsx and CSV,
// bokmål headings (programmes.export in the staff catalogues), hidden counts written as on the
// page («under 5», «skjult»): the files show nothing the page does not.

type Cell = string | number | null;
export interface ProgrammeTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `programmes.export.${key}`, values);

/** A count as the page shows it: the number, «under 5» or «skjult». */
export const countCell = (c: DisclosedCount): Cell =>
  typeof c === 'number' ? c : 'under' in c ? text('under', { count: c.under }) : text('hidden');
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const rateCells = (r: Rate): Cell[] => [
  countCell(r.moves),
  countCell(r.placementYears),
  round(r.per100),
  round(r.low),
  round(r.high),
];
const rateHeader = () => [text('moves'), text('placementYears'), text('per100'), text('low'), text('high')];

export function stabilityTable(s: Stability, figure: StabilityFigureId): ProgrammeTable {
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

/** En god start's cohorts across the programme: a row per session (one for a cohort without any). */
export function cohortsTable(c: Cohorts): ProgrammeTable {
  return {
    title: text('cohorts'),
    header: [
      text('cohort'),
      text('municipality'),
      text('members'),
      text('session'),
      text('date'),
      text('invited'),
      text('attended'),
    ],
    rows: c.cohorts.flatMap((cohort) => {
      const first = [cohort.name, cohort.municipality, countCell(cohort.members)];
      if (cohort.sessions.length === 0) return [[...first, null, null, null, null]];
      return cohort.sessions.map((s) => [
        ...first,
        staffText('nb', `goodStart.themes.${s.theme}`),
        s.date,
        countCell(s.invited),
        countCell(s.attended),
      ]);
    }),
  };
}

/** The plan's members: each municipality's phase and what of the phase's checklist it has done. */
export function membersTable(plan: Plan): ProgrammeTable {
  const staff = (key: string, values: Record<string, string | number> = {}) =>
    staffText('nb', `programmes.${key}`, values);
  return {
    title: staff('membersTitle'),
    header: [
      staff('columns.municipality'),
      staff('columns.phase'),
      staff('columns.joined'),
      staff('columns.checklist'),
      text('itemsDone'),
    ],
    rows: plan.members.map((m) => {
      const items = PHASES.find((p) => p.phase === m.phase)?.items ?? [];
      const done = items.filter((item) => m.done.includes(item));
      return [
        m.name,
        staff('phaseName', { phase: m.phase, name: staff(`phases.${m.phase}`) }),
        m.joinedOn,
        staff('itemsDone', { done: done.length, of: items.length }),
        done.map((item) => staff(`items.${item}`)).join('; '),
      ];
    }),
  };
}

export function programmeCsv(table: ProgrammeTable): string {
  return csvDocument(table.header, table.rows);
}

/** `note`: the line under the table (default: what the stability figures are and are not). */
export async function programmeXlsx(table: ProgrammeTable, note: string = text('note')): Promise<Buffer> {
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
  sheet.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
