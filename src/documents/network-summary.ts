import { grayscale, PDFDocument, type PDFPage } from 'pdf-lib';
import { staffText } from '../i18n/staff.js';
import { unprintableCharacters } from './fonts.js';
import { A4, MM, setInfo } from './pdf.js';
import { TextSetter, type TextStyle } from './text-setter.js';

// «Erfaringer fra siste halvår» (seed 003) as A4 pages: the resource family's description, the
// gatherings and the contacts per family, in bokmål, black on white, as many pages as the text
// needs. The text setter handles any script a family writes in; a character no font has is
// printed as «?» rather than refusing the whole document.

const PAGE = { width: A4.width * MM, height: A4.height * MM };
const MARGIN = 20 * MM;
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = MARGIN + 10;

/** What the document shows (the network-summary feature's view). */
export interface NetworkSummaryDocument {
  networkName: string;
  halfYear: string;
  from: string;
  to: string;
  status: 'draft' | 'submitted';
  /** the Oslo day it was submitted (YYYY-MM-DD) */
  submittedAt: string | null;
  description: string;
  gatherings: { date: string; title: string; place: string | null; households: number }[];
  contacts: {
    name: string;
    call: number;
    visit: number;
    message: number;
    gathering: number;
    total: number;
  }[];
  /** the day it was made (YYYY-MM-DD) */
  made: string;
}

const say = (key: string, values: Record<string, string | number> = {}) =>
  staffText('nb', `networkSummary.pdf.${key}`, values);
const day = (date: string) => `${Number(date.slice(8, 10))}.${Number(date.slice(5, 7))}.${date.slice(0, 4)}`;
const printable = (text: string) => {
  let out = text;
  for (const c of unprintableCharacters(text)) out = out.split(c).join('?');
  return out;
};

const black = grayscale(0);
const STYLES = {
  title: { style: 'bold', size: 20, color: black },
  heading: { style: 'bold', size: 13, color: black },
  body: { style: 'regular', size: 10.5, color: black },
  cell: { style: 'regular', size: 9.5, color: black },
  head: { style: 'bold', size: 9.5, color: black },
  small: { style: 'regular', size: 8, color: grayscale(0.25) },
} satisfies Record<string, TextStyle>;

class Writer {
  pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly setter: TextSetter,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - MARGIN;
  }

  room(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** A paragraph wrapped to `width` at `x`, breaking pages between lines. */
  text(text: string, style: TextStyle, x = MARGIN, width = WIDTH, gap = 1.4) {
    for (const line of this.setter.lines(printable(text), style, width, 'ltr')) {
      this.room(style.size * gap);
      this.y -= style.size * gap;
      this.setter.drawLine(this.page, line, { x, y: this.y, width }, style, 'left');
    }
  }

  heading(text: string) {
    this.room(60);
    this.y -= 14;
    this.text(text, STYLES.heading);
    this.y -= 4;
  }

  /** A table: a header row, rows with a rule under each; numbers right-aligned. */
  table(columns: { title: string; width: number; right?: boolean }[], rows: string[][]) {
    const rowHeight = 17;
    const drawRow = (cells: string[], style: TextStyle) => {
      this.room(rowHeight);
      this.y -= rowHeight;
      let x = MARGIN;
      columns.forEach((column, i) => {
        const width = column.width * WIDTH;
        const [shown] = this.setter.lines(
          this.fit(cells[i] ?? '', style, width - 6),
          style,
          Number.POSITIVE_INFINITY,
          'ltr',
        );
        if (shown) {
          const box = { x: x + 3, y: this.y + 5, width: width - 6 };
          this.setter.drawLine(this.page, shown, box, style, column.right ? 'right' : 'left');
        }
        x += width;
      });
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + WIDTH, y: this.y },
        thickness: style === STYLES.head ? 0.9 : 0.4,
        color: grayscale(style === STYLES.head ? 0 : 0.6),
      });
    };
    drawRow(
      columns.map((c) => c.title),
      STYLES.head,
    );
    for (const row of rows) drawRow(row, STYLES.cell);
  }

  /** Cuts a cell's text to its width with an ellipsis. */
  fit(text: string, style: TextStyle, width: number): string {
    let cut = printable(text);
    if (this.setter.width(cut, style) <= width) return cut;
    while (cut.length > 1 && this.setter.width(`${cut}…`, style) > width) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  }

  /** «Laget i Landsby … · side n av m» at the foot of every page. */
  footers(made: string) {
    this.pages.forEach((page, i) => {
      const text = say('footer', { made: day(made), page: i + 1, pages: this.pages.length });
      const [line] = this.setter.lines(text, STYLES.small, WIDTH, 'ltr');
      if (line)
        this.setter.drawLine(page, line, { x: MARGIN, y: MARGIN - 6, width: WIDTH }, STYLES.small, 'left');
    });
  }
}

/** The half-year summary as A4 pages. */
export async function networkSummaryPdf(summary: NetworkSummaryDocument): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const setter = new TextSetter(doc);
  const title = say('title');
  setInfo(doc, `${title} – ${summary.networkName}`, 'Landsby', 'nb');
  await setter.prepare([
    printable(summary.networkName),
    printable(summary.description),
    ...summary.gatherings.flatMap((g) => [printable(g.title), printable(g.place ?? '')]),
    ...summary.contacts.map((c) => printable(c.name)),
  ]);
  const w = new Writer(doc, setter);

  w.text(title, STYLES.title);
  w.y -= 4;
  w.text(summary.networkName, STYLES.heading);
  w.text(say('period', { from: day(summary.from), to: day(summary.to) }), STYLES.body);
  w.text(
    summary.status === 'submitted' && summary.submittedAt
      ? say('submitted', { date: day(summary.submittedAt) })
      : say('draft'),
    STYLES.body,
  );

  w.heading(say('description'));
  if (summary.description.trim() === '') w.text(say('noDescription'), STYLES.body);
  for (const paragraph of summary.description.split(/\n\s*\n/)) {
    if (paragraph.trim()) {
      w.text(paragraph.trim(), STYLES.body);
      w.y -= 5;
    }
  }

  w.heading(say('gatherings', { count: summary.gatherings.length }));
  if (summary.gatherings.length === 0) w.text(say('noGatherings'), STYLES.body);
  else
    w.table(
      [
        { title: say('date'), width: 0.16 },
        { title: say('gathering'), width: 0.38 },
        { title: say('place'), width: 0.28 },
        { title: say('present'), width: 0.18, right: true },
      ],
      summary.gatherings.map((g) => [day(g.date), g.title, g.place ?? '', String(g.households)]),
    );

  w.heading(say('contacts'));
  if (summary.contacts.length === 0) w.text(say('noContacts'), STYLES.body);
  else
    w.table(
      [
        { title: say('family'), width: 0.35 },
        { title: say('kinds.call'), width: 0.13, right: true },
        { title: say('kinds.visit'), width: 0.13, right: true },
        { title: say('kinds.message'), width: 0.13, right: true },
        { title: say('kinds.gathering'), width: 0.13, right: true },
        { title: say('total'), width: 0.13, right: true },
      ],
      summary.contacts.map((c) => [
        c.name,
        String(c.call),
        String(c.visit),
        String(c.message),
        String(c.gathering),
        String(c.total),
      ]),
    );
  w.footers(summary.made);
  return doc.save();
}
