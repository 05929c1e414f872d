/**
 * One file because a letter is laid out in one pass: each block (title, paragraphs, the personal
 * note, the facts, the answer box, the signature) measures itself against the room left on the
 * page and moves the same cursor, so they share the page, the cursor and the page break.
 *
 * Printed letters (SPEC §2): one household's invitation as an A4 PDF laid out for a C5 window
 * envelope (letter-page.ts), many of them merged into one PDF for the print room
 * (print-file.ts). The same per-household PDF goes out as digital mail.
 */

import { PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';
import type { PostalAddress } from '../channels/types.js';
import { dateFormat } from '../domain/calendar.js';
import { baseLanguage, type Direction, directionOf } from '../domain/template.js';
import { householdLanguage, householdWords, type LetterLabels } from '../i18n/household/index.js';
import { UnprintableTextError } from './fonts.js';
import {
  addressLines,
  COLORS,
  CONTENT_WIDTH,
  drawFirstPage,
  fitLine,
  LetterError,
  leading,
  MARGIN,
  QR_SIZE,
  style,
  textLines,
} from './letter-page.js';
import { A4, type Align, DocumentImages, drawQrCode, linkAnnotation, MM, sealPage, setInfo } from './pdf.js';
import { type Line, TextSetter, type TextStyle } from './text-setter.js';

export { addressLines, LetterError };

// --- Content ---------------------------------------------------------------------------------------------

export interface Letterhead {
  /** "Asker kommune" */
  municipality: string;
  /** "Fosterhjemstjenesten" */
  team: string;
  /** The small line above the address; default "municipality, team". */
  returnAddress?: string;
  /** Footer lines, e.g. postal address, phone, web site. */
  contact?: string[];
  /** PNG or JPEG. */
  logo?: Uint8Array;
}

export interface LetterContent {
  letterhead: Letterhead;
  to: PostalAddress;
  /** A Date is written in the letter's language, Europe/Oslo. */
  date: Date | string;
  title: string;
  /** The merged template text, one string per paragraph. */
  paragraphs: string[];
  /** The team's optional one-line personal note for this household. */
  note?: string;
  /** The event's practical facts: "Når" → "tirsdag 21. januar kl. 18–20". */
  facts?: { label: string; value: string }[];
  /** "Hilsen" */
  closing: string;
  /** The hosts' first names: "Hilsen Anne, Berit og Camilla". */
  senders: string[];
  /** The household's personal answer page: printed as text and as a QR code. */
  answerUrl: string;
  /** The event's image (PNG or JPEG). */
  image?: Uint8Array;
  /** BCP 47: nb, nn, en, ar, … */
  language: string;
  /** Default: rtl for Arabic, Persian, Urdu, Pashto, Sorani, Hebrew; else ltr. */
  direction?: Direction;
  labels?: Partial<LetterLabels>;
}

/** Writes letters into one document: a letter alone, or every letter of a print run (print-file.ts). */
export class LetterWriter {
  readonly setter: TextSetter;
  private readonly images: DocumentImages;

  constructor(readonly doc: PDFDocument) {
    this.setter = new TextSetter(doc);
    this.images = new DocumentImages(doc);
  }

  private async image(bytes: Uint8Array, what: string): Promise<PDFImage> {
    const image = await this.images.embed(bytes);
    if (!image) throw new LetterError(`The ${what} must be a PNG or JPEG image.`);
    return image;
  }

  /** Adds one letter's pages; returns how many. */
  async add(content: LetterContent): Promise<number> {
    const language = baseLanguage(content.language);
    const direction: Direction = content.direction ?? directionOf(language);
    // The household's own words where there are some; other languages get English unless the
    // template gives its own.
    const labels = {
      ...householdWords(householdLanguage(language) ?? 'en').letter,
      ...Object.fromEntries(
        Object.entries(content.labels ?? {}).filter(([, v]) => typeof v === 'string' && v.trim()),
      ),
    } as LetterLabels;
    const address = addressLines(content.to);
    const answerUrl = content.answerUrl.trim();
    if (!/^https?:\/\/\S+$/.test(answerUrl)) {
      throw new LetterError(`The answer link "${content.answerUrl}" is not a web address.`);
    }
    const { letterhead } = content;
    const returnAddress = letterhead.returnAddress ?? `${letterhead.municipality}, ${letterhead.team}`;
    const date = typeof content.date === 'string' ? content.date : formatDate(content.date, language);
    const signature = listFormat(content.senders, language);

    try {
      await this.setter.prepare(address);
    } catch (error) {
      if (error instanceof UnprintableTextError)
        throw new LetterError(`The address cannot be printed. ${error.message}`);
      throw error;
    }
    try {
      await this.setter.prepare([
        letterhead.municipality,
        letterhead.team,
        returnAddress,
        ...(letterhead.contact ?? []),
        date,
        content.title,
        ...content.paragraphs,
        content.note ?? '',
        ...(content.facts ?? []).flatMap((f) => [f.label, f.value]),
        content.closing,
        signature,
        labels.answerHeading,
        labels.answerHint,
        labels.page,
        answerUrl,
      ]);
    } catch (error) {
      if (error instanceof UnprintableTextError)
        throw new LetterError(`The letter cannot be printed. ${error.message}`);
      throw error;
    }
    const logo = letterhead.logo ? await this.image(letterhead.logo, 'logo') : undefined;
    const picture = content.image ? await this.image(content.image, 'event image') : undefined;

    const s = this.setter;
    const pages: PDFPage[] = [];
    const start = direction === 'rtl' ? 'right' : 'left';
    const end = direction === 'rtl' ? 'left' : 'right';
    const bodySize = direction === 'rtl' ? 12.5 : 11.5;
    const body = style('regular', bodySize);

    // First page: letterhead, address, image, date.
    let page = this.doc.addPage([A4.width * MM, A4.height * MM]);
    pages.push(page);
    drawFirstPage(s, page, {
      municipality: letterhead.municipality,
      team: letterhead.team,
      returnAddress,
      address,
      date,
      ...(logo ? { logo } : {}),
      ...(picture ? { picture } : {}),
      direction,
    });

    // The flowing part: y is the top of the next block, in mm from the page's top.
    let y = 99;
    const bottom = A4.height - MARGIN.bottom;
    const newPage = () => {
      page = this.doc.addPage([A4.width * MM, A4.height * MM]);
      pages.push(page);
      fitLine(s, page, `${letterhead.municipality} – ${letterhead.team}`, style('regular', 9, COLORS.muted), {
        left: MARGIN.left,
        width: CONTENT_WIDTH,
        baseline: 14,
      });
      y = MARGIN.top + 5;
    };
    /** Room for `height` mm, or a new page. */
    const room = (height: number) => {
      if (y + height > bottom) newPage();
    };
    const pt = (points: number) => points / MM;
    const drawLines = (
      lines: Line[],
      st: TextStyle,
      left: number,
      width: number,
      align: Align,
      splittable = true,
    ) => {
      const lineHeight = pt(leading(st.size));
      if (!splittable) room(lines.length * lineHeight);
      for (const line of lines) {
        if (splittable) room(lineHeight);
        const baseline = y + pt(st.size) * 1.05;
        s.drawLine(
          page,
          line,
          { x: left * MM, y: (A4.height - baseline) * MM, width: width * MM },
          st,
          align,
        );
        y += lineHeight;
      }
    };

    // Title
    const titleStyle = style('bold', 18, COLORS.accent);
    drawLines(
      s.lines(content.title, titleStyle, CONTENT_WIDTH * MM, direction),
      titleStyle,
      MARGIN.left,
      CONTENT_WIDTH,
      start,
    );
    y += 3;

    // Body
    for (const paragraph of content.paragraphs) {
      if (!paragraph.trim()) continue;
      drawLines(
        s.lines(paragraph, body, CONTENT_WIDTH * MM, direction),
        body,
        MARGIN.left,
        CONTENT_WIDTH,
        start,
      );
      y += 2.5;
    }

    // The personal note: set apart, italic, with a bar on the side the text starts from.
    if (content.note?.trim()) {
      const noteStyle = style('italic', bodySize + 1, COLORS.accent);
      const inset = 5;
      const lines = s.lines(content.note, noteStyle, (CONTENT_WIDTH - inset) * MM, direction);
      const height = lines.length * pt(leading(noteStyle.size));
      y += 1.5;
      room(height + 2);
      const barX = direction === 'rtl' ? MARGIN.left + CONTENT_WIDTH - 1 : MARGIN.left;
      page.drawRectangle({
        x: barX * MM,
        y: (A4.height - y - height - 1) * MM,
        width: 1 * MM,
        height: (height + 1) * MM,
        color: COLORS.accent,
      });
      drawLines(
        lines,
        noteStyle,
        direction === 'rtl' ? MARGIN.left : MARGIN.left + inset,
        CONTENT_WIDTH - inset,
        start,
        false,
      );
      y += 4;
    }

    // Practical facts: a tinted box, label and value in two columns.
    const facts = (content.facts ?? []).filter((f) => f.label.trim() || f.value.trim());
    if (facts.length) {
      const labelStyle = style('bold', bodySize);
      const pad = 3.5;
      const labelWidth = Math.min(
        45,
        Math.max(...facts.map((f) => s.width(f.label, labelStyle, direction) / MM)) + 4,
      );
      const valueWidth = CONTENT_WIDTH - 2 * pad - labelWidth;
      const rows = facts.map((f) => ({
        label: s.lines(f.label, labelStyle, labelWidth * MM - 4 * MM, direction),
        value: s.lines(f.value, body, valueWidth * MM, direction),
      }));
      const lh = pt(leading(bodySize));
      const height =
        rows.reduce((h, r) => h + Math.max(r.label.length, r.value.length) * lh, 0) + 2 * pad - 1;
      room(height);
      page.drawRectangle({
        x: MARGIN.left * MM,
        y: (A4.height - y - height) * MM,
        width: CONTENT_WIDTH * MM,
        height: height * MM,
        color: COLORS.tint,
      });
      y += pad - 0.5;
      for (const row of rows) {
        const top = y;
        const labelLeft =
          direction === 'rtl' ? MARGIN.left + CONTENT_WIDTH - pad - labelWidth : MARGIN.left + pad;
        const valueLeft = direction === 'rtl' ? MARGIN.left + pad : MARGIN.left + pad + labelWidth;
        drawLines(row.label, labelStyle, labelLeft, labelWidth, start, false);
        const afterLabel = y;
        y = top;
        drawLines(row.value, body, valueLeft, valueWidth, start, false);
        y = Math.max(y, afterLabel);
      }
      y += pad + 3;
    }

    // The answer: QR code and link, kept together.
    {
      const pad = 4;
      const gap = 7;
      const textWidth = CONTENT_WIDTH - 2 * pad - QR_SIZE - gap;
      const headingStyle = style('bold', bodySize + 1, COLORS.text);
      const hintStyle = style('regular', 10.5, COLORS.muted);
      const linkStyle = style('regular', 10.5, COLORS.accent);
      const heading = s.lines(labels.answerHeading, headingStyle, textWidth * MM, direction);
      const hint = s.lines(labels.answerHint, hintStyle, textWidth * MM, direction);
      const link = s.lines(answerUrl, linkStyle, textWidth * MM, 'ltr');
      const textHeight =
        heading.length * pt(leading(headingStyle.size)) +
        1.5 +
        hint.length * pt(leading(hintStyle.size)) +
        link.length * pt(leading(linkStyle.size));
      const height = Math.max(QR_SIZE, textHeight) + 2 * pad;
      room(height);
      const boxTop = y;
      page.drawRectangle({
        x: MARGIN.left * MM,
        y: (A4.height - boxTop - height) * MM,
        width: CONTENT_WIDTH * MM,
        height: height * MM,
        borderColor: COLORS.rule,
        borderWidth: 0.75,
      });
      const qrLeft = direction === 'rtl' ? MARGIN.left + CONTENT_WIDTH - pad - QR_SIZE : MARGIN.left + pad;
      const qrTop = boxTop + (height - QR_SIZE) / 2;
      drawQrCode(page, answerUrl, qrLeft, qrTop, QR_SIZE);
      linkAnnotation(this.doc, page, answerUrl, {
        left: qrLeft,
        top: qrTop,
        width: QR_SIZE,
        height: QR_SIZE,
      });
      const textLeft = direction === 'rtl' ? MARGIN.left + pad : MARGIN.left + pad + QR_SIZE + gap;
      y = boxTop + (height - textHeight) / 2;
      drawLines(heading, headingStyle, textLeft, textWidth, start, false);
      y += 1.5;
      drawLines(hint, hintStyle, textLeft, textWidth, start, false);
      const linkTop = y;
      drawLines(link, linkStyle, textLeft, textWidth, start, false);
      linkAnnotation(this.doc, page, answerUrl, {
        left: textLeft,
        top: linkTop,
        width: textWidth,
        height: y - linkTop,
      });
      y = boxTop + height + 6;
    }

    // Closing and the hosts' first names.
    {
      const closing = s.lines(content.closing, body, CONTENT_WIDTH * MM, direction);
      const namesStyle = style('italic', 15, COLORS.accent);
      const names = s.lines(signature, namesStyle, CONTENT_WIDTH * MM, direction);
      const teamStyle = style('regular', 10, COLORS.muted);
      const team = s.lines(
        `${letterhead.team}, ${letterhead.municipality}`,
        teamStyle,
        CONTENT_WIDTH * MM,
        direction,
      );
      room(
        closing.length * pt(leading(body.size)) +
          names.length * pt(leading(namesStyle.size)) +
          team.length * pt(leading(teamStyle.size)) +
          1,
      );
      drawLines(closing, body, MARGIN.left, CONTENT_WIDTH, start, false);
      y += 1;
      drawLines(names, namesStyle, MARGIN.left, CONTENT_WIDTH, start, false);
      drawLines(team, teamStyle, MARGIN.left, CONTENT_WIDTH, start, false);
    }

    // Footer on every page: contact lines, and page numbers when there is more than one page.
    const footer = (letterhead.contact ?? []).filter((l) => l.trim()).join('  ·  ');
    pages.forEach((p, i) => {
      page = p;
      if (footer) {
        fitLine(
          s,
          p,
          footer,
          style('regular', 8.5, COLORS.muted),
          { left: MARGIN.left, width: CONTENT_WIDTH, baseline: 287 },
          { minSize: 6.5, align: 'center' },
        );
      }
      if (pages.length > 1) {
        const label = labels.page.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length));
        textLines(
          s,
          p,
          label,
          style('regular', 8.5, COLORS.muted),
          { left: MARGIN.left, width: CONTENT_WIDTH, baseline: 292 },
          end,
          direction,
        );
      }
    });
    for (const p of pages) sealPage(this.doc, p);
    return pages.length;
  }
}

function formatDate(date: Date, language: string): string {
  const locale = language === 'nb' || language === 'nn' ? `${language}-NO` : language;
  try {
    return dateFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(date);
  } catch {
    return dateFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(date);
  }
}

/** "Anne, Berit og Camilla" in the letter's language. */
function listFormat(names: string[], language: string): string {
  const clean = names.map((n) => n.trim()).filter(Boolean);
  try {
    return new Intl.ListFormat(language === 'nn' ? 'nn' : language, { type: 'conjunction' }).format(clean);
  } catch {
    return new Intl.ListFormat('nb', { type: 'conjunction' }).format(clean);
  }
}

/** One household's letter as a PDF (A4, fonts embedded as subsets). Throws LetterError. */
export async function renderLetter(content: LetterContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  setInfo(
    doc,
    content.title,
    `${content.letterhead.municipality} – ${content.letterhead.team}`,
    content.language,
  );
  await new LetterWriter(doc).add(content);
  return doc.save();
}
