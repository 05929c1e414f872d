import { grayscale, PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ShownShare } from '../domain/insight.js';
import type { ShownCount } from '../domain/statistics.js';
import { staffText, staffTexts } from '../i18n/staff.js';
import { fontBytes, pdfFontkit } from './fonts.js';
import { A4, MM } from './pdf.js';

// The season's one-page summary for the team leader: key figures, three bar charts and what the
// channel figures may honestly be read as. Drawn with pdf-lib rectangles and the embedded Noto Sans
// (no browser), in shades of grey with every value written out, so it prints well in black and white.

/** The page in points (pdf.ts gives A4 in millimetres). */
const PAGE = { width: A4.width * MM, height: A4.height * MM };
const MARGIN = 18 * MM;
const WIDTH = PAGE.width - 2 * MARGIN;

/** The figures of a season the report shows (the insight feature's figures). */
export interface SeasonFigures {
  from: string;
  to: string;
  municipality: string;
  /** true: counts under 5 are shown as { under: 5 }. */
  hidden: boolean;
  events: number;
  attendance: {
    date: string;
    title: string;
    venue: string | null;
    invited: ShownCount;
    came: ShownCount;
    firstTimers: ShownCount;
  }[];
  returners: { total: { cameAgain: ShownShare } };
  everCame: ShownShare;
  channels: {
    rows: { channel: string; came: ShownShare }[];
    comparisons: { a: string; b: string; measure: string; verdict: string }[];
  };
  travel: { rows: { group: string; invited: ShownCount; came: ShownShare }[] };
}

// The report is in bokmål, as the team leader's reports are; its words are in the staff catalogues.
const CHANNEL_NAMES = staffTexts('nb', 'exports.insight.channels');
const BAND_NAMES = staffTexts('nb', 'exports.insight.travelBands');
const say = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `exports.seasonReport.${key}`, values);

const value = (count: ShownCount) => (typeof count === 'number' ? count : 0);
const label = (count: ShownCount) =>
  typeof count === 'number' ? String(count) : say('under', { count: count.under });
const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const shareLabel = (s: ShownShare) =>
  s.share === null
    ? typeof s.of === 'number' && s.of === 0
      ? say('noneInvited')
      : say('tooFew')
    : say('shareOf', { share: pct(s.share), low: pct(s.low), high: pct(s.high), of: label(s.of) });
const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

class Sheet {
  y = PAGE.height - MARGIN;
  constructor(
    readonly page: PDFPage,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  fit(text: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  text(text: string, x: number, y: number, size: number, bold = false, width = WIDTH) {
    const font = bold ? this.bold : this.regular;
    this.page.drawText(this.fit(text, font, size, width), { x, y, size, font, color: grayscale(0) });
  }

  line(text: string, size: number, bold = false, gap = 1.45) {
    this.y -= size * gap;
    this.text(text, MARGIN, this.y, size, bold);
  }

  /** Wraps text over lines of the page's width. */
  paragraph(text: string, size: number) {
    const words = text.split(/\s+/);
    let current = '';
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (this.regular.widthOfTextAtSize(next, size) > WIDTH && current) {
        this.line(current, size);
        current = word;
      } else current = next;
    }
    if (current) this.line(current, size);
  }

  keyFigures(figures: { label: string; value: string }[]) {
    const boxWidth = (WIDTH - (figures.length - 1) * 6) / figures.length;
    const height = 46;
    const top = this.y - 8;
    figures.forEach((figure, i) => {
      const x = MARGIN + i * (boxWidth + 6);
      this.page.drawRectangle({
        x,
        y: top - height,
        width: boxWidth,
        height,
        borderColor: grayscale(0.3),
        borderWidth: 0.8,
      });
      this.text(figure.value, x + 6, top - 22, 17, true, boxWidth - 12);
      this.text(figure.label, x + 6, top - 38, 7.5, false, boxWidth - 12);
    });
    this.y = top - height;
  }

  /**
   * A horizontal bar chart: one bar per row, its value written beside it; an interval, when
   * given, as a thin line with end ticks. `max` is the value of a full bar.
   */
  bars(
    title: string,
    rows: { label: string; value: number; low?: number | null; high?: number | null; text: string }[],
    max: number,
  ) {
    this.line(title, 11, true, 2.2);
    if (rows.length === 0) {
      this.line(say('noData'), 9);
      return;
    }
    const labelWidth = 150;
    const valueWidth = 120;
    const barWidth = WIDTH - labelWidth - valueWidth - 8;
    const rowHeight = 13;
    this.y -= 4;
    for (const row of rows) {
      this.y -= rowHeight;
      const x0 = MARGIN + labelWidth;
      this.text(row.label, MARGIN, this.y + 2.5, 8.5, false, labelWidth - 6);
      const w = max > 0 ? (Math.max(0, row.value) / max) * barWidth : 0;
      this.page.drawRectangle({ x: x0, y: this.y, width: barWidth, height: 10, color: grayscale(0.93) });
      if (w > 0) {
        this.page.drawRectangle({
          x: x0,
          y: this.y,
          width: w,
          height: 10,
          color: grayscale(0.45),
          borderColor: grayscale(0),
          borderWidth: 0.5,
        });
      }
      if (
        row.low !== undefined &&
        row.low !== null &&
        row.high !== undefined &&
        row.high !== null &&
        max > 0
      ) {
        const xl = x0 + (row.low / max) * barWidth;
        const xh = x0 + (row.high / max) * barWidth;
        const mid = this.y + 5;
        this.page.drawLine({
          start: { x: xl, y: mid },
          end: { x: xh, y: mid },
          thickness: 1,
          color: grayscale(0),
        });
        for (const x of [xl, xh]) {
          this.page.drawLine({
            start: { x, y: mid - 3.5 },
            end: { x, y: mid + 3.5 },
            thickness: 1,
            color: grayscale(0),
          });
        }
      }
      this.text(row.text, x0 + barWidth + 6, this.y + 2.5, 8.5, false, valueWidth);
    }
  }
}

/** One A4 page summarising a season's cafés. */
export async function seasonSummaryPdf(
  insight: SeasonFigures,
  season: { term: 'spring' | 'autumn'; year: number },
  made: string,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit);
  const regular = await doc.embedFont(fontBytes('latin', 'regular'), { subset: true });
  const bold = await doc.embedFont(fontBytes('latin', 'bold'), { subset: true });
  const title = say('title', { term: say(`terms.${season.term}`), year: season.year });
  doc.setTitle(title);
  doc.setLanguage('nb');
  doc.setCreator('Landsby');
  const sheet = new Sheet(doc.addPage([PAGE.width, PAGE.height]), regular, bold);

  sheet.line(title, 20, true, 1);
  sheet.line(
    say('made', {
      period: `${insight.municipality ? `${insight.municipality} · ` : ''}${day(insight.from)}–${day(insight.to)}`,
      date: day(made),
    }),
    9.5,
  );
  if (insight.hidden) sheet.line(say('hidden'), 9.5);

  const came = insight.attendance.reduce((sum, r) => sum + value(r.came), 0);
  const firsts = insight.attendance.reduce((sum, r) => sum + value(r.firstTimers), 0);
  const anyHidden = insight.attendance.some((r) => typeof r.came !== 'number');
  sheet.keyFigures([
    { label: say('keyFigures.events'), value: String(insight.events) },
    { label: say('keyFigures.visits'), value: anyHidden ? say('atLeast', { count: came }) : String(came) },
    {
      label: say('keyFigures.firstTime'),
      value: anyHidden ? say('atLeast', { count: firsts }) : String(firsts),
    },
    { label: say('keyFigures.cameAgain'), value: pct(insight.returners.total.cameAgain.share) },
    { label: say('keyFigures.everCame'), value: pct(insight.everCame.share) },
  ]);

  const attendance = insight.attendance.slice(-12);
  sheet.bars(
    say('charts.attendance'),
    attendance.map((r) => ({
      label: `${day(r.date)} ${r.venue ?? r.title}`,
      value: value(r.came),
      text: say('cameOf', { came: label(r.came), invited: label(r.invited) }),
    })),
    Math.max(1, ...attendance.map((r) => value(r.came))),
  );
  sheet.bars(
    say('charts.channels'),
    insight.channels.rows.map((r) => ({
      label: CHANNEL_NAMES[r.channel] ?? r.channel,
      value: r.came.share ?? 0,
      low: r.came.low,
      high: r.came.high,
      text: shareLabel(r.came),
    })),
    1,
  );
  for (const c of insight.channels.comparisons.filter((c) => c.measure === 'came')) {
    const a = CHANNEL_NAMES[c.a] ?? c.a;
    const b = CHANNEL_NAMES[c.b] ?? c.b;
    const said =
      c.verdict === 'too_thin'
        ? say('tooThin')
        : say('better', {
            better: c.verdict === 'a_better' ? a : b,
            worse: c.verdict === 'a_better' ? b : a,
          });
    sheet.line(say('comparison', { a, b: b.toLowerCase(), said }), 9);
  }
  sheet.bars(
    say('charts.travel'),
    insight.travel.rows
      .filter((r) => typeof r.invited !== 'number' || r.invited > 0)
      .map((r) => ({
        label: BAND_NAMES[r.group] ?? r.group,
        value: r.came.share ?? 0,
        low: r.came.low,
        high: r.came.high,
        text: shareLabel(r.came),
      })),
    1,
  );
  sheet.y = Math.min(sheet.y, MARGIN + 30);
  sheet.paragraph(say('intervals'), 7.5);
  return doc.save();
}
