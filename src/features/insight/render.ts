import type { ShownShare } from '../../domain/insight.js';
import type { ShownCount } from '../../domain/statistics.js';
import { staffText, staffTexts } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import type { FigureId, GroupFigure, Insight } from './contract.js';

// Each figure of the insight page as a table: the same columns in .xlsx and CSV, Norwegian
// headings (exports.insight in the staff catalogues), hidden small counts written "under 5". Shares are percentages with their 95 % interval.

export type Cell = string | number | null;
export interface FigureTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

// The exports are in bokmål, as the team's spreadsheets are; the words are in the staff catalogues.
const words = (key: string) => staffTexts('nb', `exports.insight.${key}`);
const CHANNEL_NAMES = words('channels');
const WEEKDAY_NAMES = words('weekdays');
const BAND_NAMES = words('travelBands');
const DEADLINE_NAMES = words('deadlines');
const text = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `exports.insight.${key}`, values);
const title = (figure: string) => text(`titles.${figure}`);
const column = (name: string) => text(`columns.${name}`);

const shownCount = (value: ShownCount): string | number =>
  typeof value === 'number' ? value : text('under', { count: value.under });
const percent = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1000) / 10;
const shareCells = (s: ShownShare): Cell[] => [
  shownCount(s.count),
  shownCount(s.of),
  percent(s.share),
  percent(s.low),
  percent(s.high),
];
const shareHeader = (what: string) => [what, column('of'), column('share'), column('low'), column('high')];

function groupTable(
  title: string,
  first: string,
  figure: GroupFigure,
  name: (group: string) => string,
): FigureTable {
  return {
    title,
    header: [first, column('events'), column('invited'), ...shareHeader(column('came'))],
    rows: figure.rows.map((r) => [name(r.group), r.events, shownCount(r.invited), ...shareCells(r.came)]),
  };
}

export function figureTable(insight: Insight, figure: FigureId): FigureTable {
  switch (figure) {
    case 'attendance-over-time':
      return {
        title: title('attendance'),
        header: [
          column('date'),
          column('event'),
          column('venue'),
          column('invited'),
          column('coming'),
          column('came'),
          column('firstTimers'),
        ],
        rows: insight.attendance.map((r) => [
          r.date,
          r.title,
          r.venue,
          shownCount(r.invited),
          shownCount(r.coming),
          shownCount(r.came),
          shownCount(r.firstTimers),
        ]),
      };
    case 'returners':
      return {
        title: title('returners'),
        header: [
          column('date'),
          column('event'),
          column('firstTimers'),
          column('cameAgain'),
          column('medianDays'),
        ],
        rows: [
          ...insight.returners.rows.map((r) => [
            r.date,
            r.title,
            shownCount(r.firstTimers),
            shownCount(r.cameAgain),
            r.medianDays,
          ]),
          [
            text('all'),
            null,
            shownCount(insight.returners.total.cameAgain.of),
            shownCount(insight.returners.total.cameAgain.count),
            insight.returners.total.medianDays,
          ],
        ],
      };
    case 'ever-came':
      return {
        title: title('everCame'),
        header: shareHeader(column('everCame')),
        rows: [shareCells(insight.everCame)],
      };
    case 'channels':
      return {
        title: title('channels'),
        header: [
          column('channel'),
          ...shareHeader(column('answered')),
          column('came'),
          column('cameShare'),
          column('low'),
          column('high'),
        ],
        rows: insight.channels.rows.map((r) => {
          const came = shareCells(r.came);
          return [
            CHANNEL_NAMES[r.channel] ?? r.channel,
            ...shareCells(r.answered),
            came[0] ?? null,
            ...came.slice(2),
          ];
        }),
      };
    case 'deadline':
      return groupTable(
        title('deadline'),
        column('deadline'),
        insight.deadline,
        (g) => DEADLINE_NAMES[g] ?? g,
      );
    case 'venues':
      return groupTable(title('venues'), column('venue'), insight.venues, (g) => g || text('noVenue'));
    case 'weekdays':
      return groupTable(title('weekdays'), column('weekday'), insight.weekdays, (g) => WEEKDAY_NAMES[g] ?? g);
    case 'travel-time':
      return groupTable(title('travel'), column('travel'), insight.travel, (g) => BAND_NAMES[g] ?? g);
    case 'feedback':
      return {
        title: title('feedback'),
        header: [column('date'), column('event'), column('responses'), column('mean')],
        rows: insight.feedback.rows.map((r) => [
          r.date,
          r.title,
          shownCount(r.responses),
          r.mean === null ? null : Math.round(r.mean * 100) / 100,
        ]),
      };
    case 'topics':
      return {
        title: title('topics'),
        header: [column('topic'), column('wishes')],
        rows: insight.topics.rows.map((r) => [r.topic, shownCount(r.count)]),
      };
  }
}

export function figureCsv(table: FigureTable): string {
  return csvDocument(table.header, table.rows);
}

/** `note`: the line under the table (default: the period and the confidence intervals' method). */
export async function figureXlsx(
  table: FigureTable,
  period: { from: string; to: string },
  note?: string,
): Promise<Buffer> {
  // Loaded on first use, as in the registry export: exceljs is slow to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Landsby';
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.header.map((header, i) => ({
    header,
    key: String(i),
    width: Math.max(
      12,
      Math.min(40, header.length + 4, ...table.rows.map((r) => String(r[i] ?? '').length + 2)),
    ),
  }));
  for (const row of table.rows) sheet.addRow(row);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([note ?? text('note', { title: table.title, from: period.from, to: period.to })]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
