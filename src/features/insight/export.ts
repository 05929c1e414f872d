import type { ShownShare } from '../../domain/insight.js';
import type { ShownCount } from '../../domain/statistics.js';
import { csvDocument } from '../../server/csv.js';
import type { FigureId, GroupFigure, Insight } from './service.js';

// Each figure of the insight page as a table: the same columns in .xlsx and CSV, Norwegian
// headings, hidden small counts written "under 5". Shares are percentages with their 95 % interval.

export type Cell = string | number | null;
export interface FigureTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

export const CHANNEL_NAMES: Record<string, string> = {
  email: 'E-post',
  sms: 'SMS',
  letter: 'Brev',
  digital_mail: 'Digital post',
};
export const WEEKDAY_NAMES: Record<string, string> = {
  '1': 'mandag',
  '2': 'tirsdag',
  '3': 'onsdag',
  '4': 'torsdag',
  '5': 'fredag',
  '6': 'lørdag',
  '7': 'søndag',
};
export const BAND_NAMES: Record<string, string> = {
  '0-15': '0–15 min',
  '15-30': '15–30 min',
  '30-60': '30–60 min',
  '60-90': '60–90 min',
  '90+': '90 min eller mer',
  unknown: 'Ukjent',
};
const DEADLINE_NAMES: Record<string, string> = { deadline: 'Med påmeldingsfrist', no_deadline: 'Uten frist' };

export const shownCount = (value: ShownCount): string | number =>
  typeof value === 'number' ? value : `under ${value.under}`;
const percent = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1000) / 10;
const shareCells = (s: ShownShare): Cell[] => [
  shownCount(s.count),
  shownCount(s.of),
  percent(s.share),
  percent(s.low),
  percent(s.high),
];
const shareHeader = (what: string) => [what, 'Av', 'Andel %', 'Nedre 95 % %', 'Øvre 95 % %'];

function groupTable(
  title: string,
  first: string,
  figure: GroupFigure,
  name: (group: string) => string,
): FigureTable {
  return {
    title,
    header: [first, 'Kafeer', 'Inviterte', ...shareHeader('Kom')],
    rows: figure.rows.map((r) => [name(r.group), r.events, shownCount(r.invited), ...shareCells(r.came)]),
  };
}

export function figureTable(insight: Insight, figure: FigureId): FigureTable {
  switch (figure) {
    case 'attendance-over-time':
      return {
        title: 'Oppmøte per kafé',
        header: ['Dato', 'Kafé', 'Lokale', 'Inviterte', 'Påmeldt', 'Kom', 'Første gang'],
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
        title: 'Kom igjen etter første gang',
        header: ['Dato', 'Kafé', 'Første gang', 'Kom igjen', 'Median dager til neste gang'],
        rows: [
          ...insight.returners.rows.map((r) => [
            r.date,
            r.title,
            shownCount(r.firstTimers),
            shownCount(r.cameAgain),
            r.medianDays,
          ]),
          [
            'Alle',
            null,
            shownCount(insight.returners.total.cameAgain.of),
            shownCount(insight.returners.total.cameAgain.count),
            insight.returners.total.medianDays,
          ],
        ],
      };
    case 'ever-came':
      return {
        title: 'Inviterte husstander som har kommet minst én gang',
        header: shareHeader('Har kommet'),
        rows: [shareCells(insight.everCame)],
      };
    case 'channels':
      return {
        title: 'Svar og oppmøte per kanal',
        header: ['Kanal', ...shareHeader('Svarte'), 'Kom', 'Andel kom %', 'Nedre 95 % %', 'Øvre 95 % %'],
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
        'Med og uten påmeldingsfrist',
        'Frist',
        insight.deadline,
        (g) => DEADLINE_NAMES[g] ?? g,
      );
    case 'venues':
      return groupTable('Oppmøte per lokale', 'Lokale', insight.venues, (g) => g || 'Uten lokale');
    case 'weekdays':
      return groupTable('Oppmøte per ukedag', 'Ukedag', insight.weekdays, (g) => WEEKDAY_NAMES[g] ?? g);
    case 'travel-time':
      return groupTable('Oppmøte etter reisetid', 'Reisetid', insight.travel, (g) => BAND_NAMES[g] ?? g);
    case 'feedback':
      return {
        title: 'Tilbakemeldinger per kafé',
        header: ['Dato', 'Kafé', 'Svar', 'Snitt (1–5)'],
        rows: insight.feedback.rows.map((r) => [
          r.date,
          r.title,
          shownCount(r.responses),
          r.mean === null ? null : Math.round(r.mean * 100) / 100,
        ]),
      };
    case 'topics':
      return {
        title: 'Ønskede temaer',
        header: ['Tema', 'Antall ønsker'],
        rows: insight.topics.rows.map((r) => [r.topic, shownCount(r.count)]),
      };
  }
}

export function figureCsv(table: FigureTable): string {
  return csvDocument(table.header, table.rows);
}

export async function figureXlsx(table: FigureTable, period: { from: string; to: string }): Promise<Buffer> {
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
  sheet.addRow([
    `${table.title}, ${period.from} – ${period.to}. Andeler med 95 % konfidensintervall (Wilson).`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
