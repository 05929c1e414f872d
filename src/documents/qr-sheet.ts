import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { type Direction, directionOf } from '../domain/template.js';
import { A4, drawQrCode, linkAnnotation, MM } from './pdf.js';
import { TextSetter, type TextStyle } from './text-setter.js';

/**
 * The feedback form's short link as a QR code: PNG and SVG for the team's own posters and slides,
 * and a printable A4 sheet for the tables (title, date, a big QR code, the link in large type, a
 * line in each of the form's languages). Error correction M, as on the printed letters.
 */

const QR_OPTIONS = { errorCorrectionLevel: 'M' as const, margin: 4 };

/** Size of the PNG in pixels: sharp on a projector and on a printed A5 poster. */
export const QR_PNG_SIZE = 1024;

export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width: QR_PNG_SIZE });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}

/** The link as printed: without "https://", which nobody needs to type. */
function printedLink(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

export interface SheetContent {
  title: string;
  /** The event's date as words, e.g. "tirsdag 17. mars 2026". */
  date: string;
  url: string;
  /** One short line in each of the form's languages, the first one's first. */
  lines: { language: string; text: string }[];
}

const COLORS = { text: rgb(0.09, 0.09, 0.11), muted: rgb(0.3, 0.3, 0.33), accent: rgb(0, 0.27, 0.48) };
const MARGIN = 20;
const WIDTH = A4.width - 2 * MARGIN;
const QR_SIZE = 120;

/** The A4 sheet for the tables, one page. */
export async function feedbackSheet(content: SheetContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(content.title);
  doc.setLanguage(content.lines[0]?.language ?? 'nb');
  doc.setCreator('Landsby');
  const setter = new TextSetter(doc);
  const link = printedLink(content.url);
  await setter.prepare([content.title, content.date, link, ...content.lines.map((l) => l.text)]);
  const page = doc.addPage([A4.width * MM, A4.height * MM]);
  let y = MARGIN + 5;

  const block = (text: string, st: TextStyle, direction: Direction = 'ltr', after = 0) => {
    const leading = (st.size * 1.3) / MM;
    for (const line of setter.lines(text, st, WIDTH * MM, direction)) {
      y += (st.size * 1.05) / MM;
      setter.drawLine(
        page,
        line,
        { x: MARGIN * MM, y: (A4.height - y) * MM, width: WIDTH * MM },
        st,
        'center',
      );
      y += leading - (st.size * 1.05) / MM;
    }
    y += after;
  };

  block(content.title, { style: 'bold', size: 30, color: COLORS.accent }, 'ltr', 2);
  block(content.date, { style: 'regular', size: 16, color: COLORS.muted }, 'ltr', 8);
  const qrLeft = (A4.width - QR_SIZE) / 2;
  drawQrCode(page, content.url, qrLeft, y, QR_SIZE);
  // The code opens the link on a screen too (the same PDF shown on a projector or sent by e-mail).
  linkAnnotation(doc, page, content.url, { left: qrLeft, top: y, width: QR_SIZE, height: QR_SIZE });
  y += QR_SIZE + 6;
  // The link on one line, as large as fits: it is typed from the paper.
  const linkStyle: TextStyle = { style: 'bold', size: 26, color: COLORS.text };
  const linkWidth = setter.width(link, linkStyle);
  if (linkWidth > WIDTH * MM) linkStyle.size = Math.max(12, Math.floor((26 * WIDTH * MM) / linkWidth));
  block(link, linkStyle, 'ltr', 8);
  for (const line of content.lines) {
    block(line.text, { style: 'regular', size: 15, color: COLORS.text }, directionOf(line.language), 3);
  }
  return doc.save();
}
