import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  fill,
  type PDFContentStream,
  type PDFContext,
  PDFDocument,
  PDFImage,
  PDFName,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  PDFString,
  PngEmbedder,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';
import type { Config } from '../server/config.js';
import { type Direction, type Line, TextSetter, type TextStyle, UnprintableTextError } from './fonts.js';
import type { Channel, OutgoingMessage, PostalAddress, SendResult } from './types.js';

/**
 * Printed letters (SPEC §2, issue 6 point 5): one household's invitation as an A4 PDF laid out
 * for a C5 window envelope, and many of them merged into one PDF for the print room. The same
 * per-household PDF goes out as digital mail.
 *
 * Where the address goes. A C5 envelope (229 × 162 mm, ISO 269) takes an A4 sheet folded once,
 * at 148.5 mm, so the top half of the page faces the window. Two references, and the address
 * sits where both agree:
 * - DIN 5008 Form B: the address field is 20 mm from the left edge and 45 mm from the top,
 *   85 × 45 mm: 17.7 mm for the return address and postal notes (8 pt), then 27.3 mm for up to
 *   six address lines, text starting 5 mm inside the field (25 mm from the edge).
 *   (din-5008-richtlinien.de "Anschriftenfeld"; korrespondenz-din-5008.de "DIN 5008 Adressfeld".)
 * - Norwegian window envelopes: most windows start 15 mm from the left; on a C5 the window is
 *   44 mm from the top, 105 mm wide and 35 mm high (officeconsult.no, "Brevmaler: plassering av
 *   mottakerfelt i vinduskonvolutter").
 * So everything shown in the window is written inside x 25–105 mm, y 46–78 mm: in the DIN field,
 * in the Norwegian C5 window, and at least 10 mm clear of the window's left and right edges for
 * a sheet that shifts sideways in the envelope. Nothing else is printed in the larger area
 * x 15–120 mm, y 44–90 mm (the union of the two), so no letter text shows through the window.
 * The event image goes right of that, from x 130 mm. A short fold mark at 148.5 mm (DIN 5008's
 * hole mark, the middle of the page) shows where to fold for C5.
 */

// --- Page geometry (millimetres from the top left corner) --------------------------------------------

const MM = 72 / 25.4;
export const A4 = { width: 210, height: 297 } as const;
/** DIN 5008 Form B address field. */
export const ADDRESS_FIELD = { left: 20, top: 45, width: 85, height: 45 } as const;
/** A Norwegian C5 window envelope's window, as it lies on the page. */
export const C5_WINDOW = { left: 15, top: 44, width: 105, height: 35 } as const;
/** Where the return address and the address are written: inside both of the above. */
export const ADDRESS_AREA = { left: 25, top: 46, width: 80, height: 32 } as const;
/** Nothing but the address is printed here (the union of the field and the window). */
export const WINDOW_CLEAR_AREA = { left: 15, top: 44, width: 105, height: 46 } as const;

const MARGIN = { left: 25, right: 20, top: 20, bottom: 22 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 165 mm
const RETURN_BASELINE = 49.5;
const ADDRESS_BASELINE = 56;
const IMAGE_BOX = { left: 130, top: 45, width: 60, height: 43 } as const;
const FOLD_MARK = 148.5;
const QR_SIZE = 26;

const COLORS = {
  text: rgb(0.09, 0.09, 0.11),
  muted: rgb(0.3, 0.3, 0.33),
  accent: rgb(0, 0.27, 0.48),
  tint: rgb(0.93, 0.96, 0.985),
  rule: rgb(0.7, 0.74, 0.8),
};

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

export interface LetterLabels {
  answerHeading: string;
  answerHint: string;
  /** "{page}" and "{pages}" are replaced. */
  page: string;
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

const LABELS: Record<string, LetterLabels> = {
  nb: {
    answerHeading: 'Svar på invitasjonen',
    answerHint: 'Skann koden med mobilkameraet, eller gå til:',
    page: 'Side {page} av {pages}',
  },
  nn: {
    answerHeading: 'Svar på invitasjonen',
    answerHint: 'Skann koden med mobilkameraet, eller gå til:',
    page: 'Side {page} av {pages}',
  },
  en: {
    answerHeading: 'Reply to the invitation',
    answerHint: 'Scan the code with your phone camera, or go to:',
    page: 'Page {page} of {pages}',
  },
  ar: {
    answerHeading: 'الرد على الدعوة',
    answerHint: 'امسح الرمز بكاميرا هاتفك، أو افتح الرابط:',
    page: 'صفحة {page} من {pages}',
  },
};

const RTL_LANGUAGES = new Set(['ar', 'fa', 'prs', 'ur', 'ps', 'ckb', 'he', 'yi', 'dv']);
const baseLanguage = (language: string) => language.toLowerCase().split(/[-_]/)[0] ?? 'nb';

/** A letter that cannot be made: the reason is for the team to read. */
export class LetterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterError';
  }
}

/**
 * The address as printed: name (wrapped if long), street line(s), "1384 ASKER". Norwegian
 * addressing: postcode and place on the last line, the place in capitals.
 */
export function addressLines(address: PostalAddress): string[] {
  const name = address.name?.trim() ?? '';
  const street = (address.line ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const postcode = address.postcode?.trim() ?? '';
  const place = address.place?.trim() ?? '';
  const missing = [
    name ? '' : 'name',
    street.length ? '' : 'street address',
    postcode ? '' : 'postcode',
    place ? '' : 'place',
  ].filter(Boolean);
  if (missing.length) throw new LetterError(`The address cannot be printed: no ${missing.join(', ')}.`);
  if (!/^\d{4}$/.test(postcode)) {
    throw new LetterError(
      `The address cannot be printed: "${postcode}" is not a Norwegian postcode (4 digits).`,
    );
  }
  return [name, ...street, `${postcode} ${place.toLocaleUpperCase('nb')}`];
}

// --- Images --------------------------------------------------------------------------------------------

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** A PNG decoded and compressed once, to be put into any number of documents. */
interface PreparedPng {
  embedder(): PngEmbedder;
}
const preparedPngs = new Map<string, Promise<PreparedPng>>();

/**
 * pdf-lib decodes a PNG and deflates its pixels again for every document it goes into (~15 ms
 * for a 600 × 400 photo); a print run puts the same image in thousands of per-household PDFs.
 * So the compressed image streams are made once and copied into each document.
 */
function preparePng(key: string, bytes: Uint8Array): Promise<PreparedPng> {
  let prepared = preparedPngs.get(key);
  if (!prepared) {
    prepared = PngEmbedder.for(bytes).then((png) => {
      const { image } = png as unknown as {
        image: { rgbChannel: Uint8Array; alphaChannel?: Uint8Array; bitsPerComponent: number };
      };
      const rgb = deflateSync(image.rgbChannel);
      const alpha = image.alphaChannel ? deflateSync(image.alphaChannel) : undefined;
      const base = {
        Type: 'XObject',
        Subtype: 'Image',
        Width: png.width,
        Height: png.height,
        Filter: 'FlateDecode',
      };
      const embedIntoContext = async (context: PDFContext, ref?: PDFRef) => {
        const sMask = alpha
          ? context.register(
              context.stream(alpha, {
                ...base,
                BitsPerComponent: image.bitsPerComponent,
                ColorSpace: 'DeviceGray',
                Decode: [0, 1],
              }),
            )
          : undefined;
        const xObject = context.stream(rgb, {
          ...base,
          BitsPerComponent: image.bitsPerComponent,
          ColorSpace: 'DeviceRGB',
          ...(sMask ? { SMask: sMask } : {}),
        });
        if (ref) {
          context.assign(ref, xObject);
          return ref;
        }
        return context.register(xObject);
      };
      // PDFImage takes only pdf-lib's own embedders: one made from the decoded PNG, whose
      // embedding copies the streams compressed above instead of compressing again.
      return {
        embedder: () => Object.assign(Object.create(png) as PngEmbedder, { embedIntoContext }),
      };
    });
    if (preparedPngs.size >= 16) preparedPngs.clear();
    preparedPngs.set(key, prepared);
    prepared.catch(() => preparedPngs.delete(key));
  }
  return prepared;
}

// --- Writing letters into a document -------------------------------------------------------------------

type Align = 'left' | 'right' | 'center';

class LetterWriter {
  readonly setter: TextSetter;
  private readonly images = new Map<string, PDFImage>();

  constructor(readonly doc: PDFDocument) {
    this.setter = new TextSetter(doc);
  }

  private async image(bytes: Uint8Array, what: string): Promise<PDFImage> {
    const key = createHash('sha1').update(bytes).digest('hex');
    let image = this.images.get(key);
    if (!image) {
      if (isJpeg(bytes)) {
        image = await this.doc.embedJpg(bytes); // kept as it is (DCTDecode): nothing to cache
      } else if (isPng(bytes)) {
        const prepared = await preparePng(key, bytes);
        image = PDFImage.of(this.doc.context.nextRef(), this.doc, prepared.embedder());
        await image.embed();
      } else {
        throw new LetterError(`The ${what} must be a PNG or JPEG image.`);
      }
      this.images.set(key, image);
    }
    return image;
  }

  /** Adds one letter's pages; returns how many. */
  async add(content: LetterContent): Promise<number> {
    const language = baseLanguage(content.language);
    const direction: Direction = content.direction ?? (RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr');
    // Built-in labels for nb, nn, en and ar; other languages get English unless the template gives its own.
    const labels = {
      ...(LABELS[language] ?? LABELS.en),
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
    const style = (st: TextStyle['style'], size: number, color = COLORS.text): TextStyle => ({
      style: st,
      size,
      color,
    });
    const bodySize = direction === 'rtl' ? 12.5 : 11.5;
    const body = style('regular', bodySize);
    const leading = (size: number) => size * 1.4;

    // First page: letterhead, address, image, date.
    let page = this.doc.addPage([A4.width * MM, A4.height * MM]);
    pages.push(page);
    const text = (
      str: string,
      st: TextStyle,
      box: { left: number; width: number; baseline: number },
      align: Align,
      dir: Direction = direction,
    ) => {
      const lines = s.lines(str, st, box.width * MM, dir);
      lines.forEach((line, i) => {
        s.drawLine(
          page,
          line,
          {
            x: box.left * MM,
            y: (A4.height - box.baseline) * MM - i * leading(st.size),
            width: box.width * MM,
          },
          st,
          align,
        );
      });
      return lines.length;
    };

    // Letterhead (the municipality's identity: laid out the same in every language).
    const logoBox = { right: A4.width - MARGIN.right, top: 10, width: 50, height: 20 };
    let headWidth = CONTENT_WIDTH;
    if (logo) {
      const scale = Math.min((logoBox.width * MM) / logo.width, (logoBox.height * MM) / logo.height);
      const w = logo.width * scale;
      const h = logo.height * scale;
      page.drawImage(logo, {
        x: logoBox.right * MM - w,
        y: (A4.height - logoBox.top) * MM - h,
        width: w,
        height: h,
      });
      headWidth = CONTENT_WIDTH - w / MM - 5;
    }
    fitLine(
      s,
      page,
      letterhead.municipality,
      style('bold', 15, COLORS.accent),
      { left: MARGIN.left, width: headWidth, baseline: 20 },
      { minSize: 11 },
    );
    fitLine(
      s,
      page,
      letterhead.team,
      style('regular', 11, COLORS.muted),
      { left: MARGIN.left, width: headWidth, baseline: 26 },
      { minSize: 8 },
    );
    page.drawLine({
      start: { x: MARGIN.left * MM, y: (A4.height - 33) * MM },
      end: { x: (A4.width - MARGIN.right) * MM, y: (A4.height - 33) * MM },
      thickness: 0.8,
      color: COLORS.accent,
    });

    // The window: return address (8 pt, DIN 5008; shrunk to 6 pt at the least to stay one line)
    // and the address, always left to right (it is read by Posten).
    fitLine(
      s,
      page,
      returnAddress,
      style('regular', 8, COLORS.muted),
      { left: ADDRESS_AREA.left, width: ADDRESS_AREA.width, baseline: RETURN_BASELINE },
      {
        minSize: 6,
        overflow: {
          refuse: `The return address "${returnAddress}" is too long for the envelope window, even at 6 pt: shorten it.`,
        },
      },
    );
    const addressStyleFor = (size: number) => style('regular', size);
    let addressSize = 11;
    let addressRows = address.flatMap((l) =>
      s.lines(l, addressStyleFor(addressSize), ADDRESS_AREA.width * MM, 'ltr'),
    );
    if (addressRows.length > 5) {
      addressSize = 10;
      addressRows = address.flatMap((l) =>
        s.lines(l, addressStyleFor(addressSize), ADDRESS_AREA.width * MM, 'ltr'),
      );
    }
    if (addressRows.length > 6) {
      throw new LetterError(
        `The address cannot be printed: it needs ${addressRows.length} lines, and the envelope window holds 6.`,
      );
    }
    const addressPitch = addressSize === 11 ? 4.8 : 4.2;
    addressRows.forEach((line, i) => {
      s.drawLine(
        page,
        line,
        {
          x: ADDRESS_AREA.left * MM,
          y: (A4.height - ADDRESS_BASELINE - i * addressPitch) * MM,
          width: ADDRESS_AREA.width * MM,
        },
        addressStyleFor(addressSize),
        'left',
      );
    });

    if (picture) {
      const scale = Math.min(
        (IMAGE_BOX.width * MM) / picture.width,
        (IMAGE_BOX.height * MM) / picture.height,
      );
      const w = picture.width * scale;
      const h = picture.height * scale;
      page.drawImage(picture, {
        x: (IMAGE_BOX.left + IMAGE_BOX.width) * MM - w,
        y: (A4.height - IMAGE_BOX.top) * MM - h,
        width: w,
        height: h,
      });
    }

    // Fold mark for C5 (one fold, in the middle).
    page.drawLine({
      start: { x: 5 * MM, y: (A4.height - FOLD_MARK) * MM },
      end: { x: 10 * MM, y: (A4.height - FOLD_MARK) * MM },
      thickness: 0.5,
      color: COLORS.muted,
    });

    text(
      date,
      style('regular', 10.5, COLORS.muted),
      { left: MARGIN.left, width: CONTENT_WIDTH, baseline: 95 },
      end,
    );

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
        text(
          label,
          style('regular', 8.5, COLORS.muted),
          { left: MARGIN.left, width: CONTENT_WIDTH, baseline: 292 },
          end,
        );
      }
    });
    for (const p of pages) this.seal(p);
    return pages.length;
  }

  /**
   * Compresses a finished page's drawing now. pdf-lib keeps every drawing operator as an object
   * until the document is saved: ~240 kB a page, 2.4 GB for a print run of 10,000. Swapping the
   * page's content stream for its compressed bytes lets them go (a later drawing on the page
   * would start a new content stream, as pdf-lib does anyway).
   */
  private seal(page: PDFPage): void {
    const internal = page as unknown as { contentStream?: PDFContentStream; contentStreamRef?: PDFRef };
    const { contentStream, contentStreamRef } = internal;
    if (!contentStream || !contentStreamRef) return;
    // Compressed with Node's zlib (FlateDecode is the zlib format), copied out of zlib's 16 kB
    // output chunk so only its own few kB stay in memory.
    const dict = contentStream.dict.clone();
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    const compressed = Uint8Array.prototype.slice.call(deflateSync(contentStream.getUnencodedContents()));
    this.doc.context.assign(contentStreamRef, PDFRawStream.of(dict, compressed));
    internal.contentStream = undefined;
    internal.contentStreamRef = undefined;
  }
}

/**
 * One line, shrunk (down to minSize) rather than wrapped when it is too long; still too long, it
 * is cut with an ellipsis, or refused (throws LetterError) where every word matters.
 */
function fitLine(
  s: TextSetter,
  page: PDFPage,
  str: string,
  st: TextStyle,
  box: { left: number; width: number; baseline: number },
  options: { minSize?: number; align?: Align; overflow?: 'cut' | { refuse: string } } = {},
): void {
  const max = box.width * MM;
  let size = st.size;
  let width = s.width(str, { ...st, size });
  const minSize = options.minSize ?? st.size;
  if (width > max && minSize < size) {
    size = Math.max(minSize, (size * max) / width);
    width = s.width(str, { ...st, size });
  }
  let fitted = str;
  if (width > max + 0.01) {
    const overflow = options.overflow ?? 'cut';
    if (overflow !== 'cut') throw new LetterError(overflow.refuse);
    const chars = [...str];
    let n = chars.length;
    while (n > 1 && s.width(`${chars.slice(0, n).join('').trimEnd()}…`, { ...st, size }) > max) n--;
    fitted = `${chars.slice(0, n).join('').trimEnd()}…`;
  }
  const [line] = s.lines(fitted, { ...st, size }, Number.POSITIVE_INFINITY, 'ltr');
  if (!line) return;
  s.drawLine(
    page,
    line,
    { x: box.left * MM, y: (A4.height - box.baseline) * MM, width: max },
    { ...st, size },
    options.align ?? 'left',
  );
}

function formatDate(date: Date, language: string): string {
  const locale = language === 'nb' || language === 'nn' ? `${language}-NO` : language;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(date);
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

/**
 * The QR code as vector rectangles (sharp at any print resolution), error correction M. One
 * rectangle per horizontal run of dark modules, all filled at once.
 */
function drawQrCode(page: PDFPage, text: string, left: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const module = (size * MM) / n;
  const x0 = left * MM;
  const yTop = (A4.height - top) * MM;
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const from = col;
      while (col < n && qr.modules.get(row, col)) col++;
      ops.push(rectangle(x0 + from * module, yTop - (row + 1) * module, (col - from) * module, module));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/** A clickable link (for the same PDF read on a screen as digital mail). */
function linkAnnotation(
  doc: PDFDocument,
  page: PDFPage,
  url: string,
  box: { left: number; top: number; width: number; height: number },
): void {
  const annotation = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [
        box.left * MM,
        (A4.height - box.top - box.height) * MM,
        (box.left + box.width) * MM,
        (A4.height - box.top) * MM,
      ],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(annotation);
}

// --- Public API ----------------------------------------------------------------------------------------

function setInfo(doc: PDFDocument, title: string, author: string, language?: string): void {
  doc.setTitle(title);
  doc.setAuthor(author);
  doc.setCreator('Landsby');
  doc.setProducer('Landsby (pdf-lib)');
  if (language) doc.setLanguage(language);
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

export interface MergeOptions {
  /** Two-sided printing: a letter with an odd page count gets a blank back page, so the next starts on a new sheet. */
  duplex?: boolean;
  /** The print file's title (default "Brev til utskrift"). */
  title?: string;
  /** Called after each letter, e.g. for progress. */
  onLetter?: (index: number, pages: number) => void;
}

export interface MergedLetters {
  pdf: Uint8Array;
  letters: number;
  pages: number;
  /** Letters left out, with the reason (the rest are printed). */
  failed: { index: number; reason: string }[];
}

/**
 * The print room's file: every letter in one PDF, in the order given, fonts and a shared image
 * embedded once. A letter that cannot be made (LetterError) is left out and reported, so one
 * bad address does not stop the print run.
 */
export async function mergeLetters(
  letters: Iterable<LetterContent> | AsyncIterable<LetterContent>,
  options: MergeOptions = {},
): Promise<MergedLetters> {
  const doc = await PDFDocument.create();
  const writer = new LetterWriter(doc);
  let index = 0;
  let count = 0;
  const failed: MergedLetters['failed'] = [];
  let author = '';
  for await (const content of letters) {
    author ||= `${content.letterhead.municipality} – ${content.letterhead.team}`;
    const before = doc.getPageCount();
    try {
      const pages = await writer.add(content);
      if (options.duplex && pages % 2 === 1) doc.addPage([A4.width * MM, A4.height * MM]);
      count++;
      options.onLetter?.(index, pages);
    } catch (error) {
      if (!(error instanceof LetterError)) throw error;
      while (doc.getPageCount() > before) doc.removePage(doc.getPageCount() - 1);
      failed.push({ index, reason: error.message });
    }
    index++;
  }
  setInfo(doc, options.title ?? 'Brev til utskrift', author || 'Landsby');
  const pdf = await doc.save({ objectsPerTick: 500 });
  return { pdf, letters: count, pages: doc.getPageCount(), failed };
}

/**
 * Merges letters that were already rendered (e.g. the PDFs the letter channel stored). Each
 * brings its own font subsets, so this file is larger than mergeLetters' for the same letters:
 * use it for a reprint of a few, mergeLetters for a print run.
 */
export async function mergeLetterPdfs(
  pdfs: Iterable<Uint8Array>,
  options: MergeOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  let index = 0;
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes);
    const copied = await doc.copyPages(source, source.getPageIndices());
    for (const p of copied) doc.addPage(p);
    if (options.duplex && copied.length % 2 === 1) doc.addPage([A4.width * MM, A4.height * MM]);
    options.onLetter?.(index++, copied.length);
  }
  setInfo(doc, options.title ?? 'Brev til utskrift', 'Landsby');
  return doc.save();
}

// --- The channel ---------------------------------------------------------------------------------------

export interface LetterChannel extends Channel {
  /** Where the letters' PDFs are kept until the print room prints them. */
  readonly outbox: string;
}

/**
 * Letters are printed by the print room from one merged file (mergeLetters), not one by one:
 * send() checks the letter can go in a window envelope, keeps its PDF as
 * DATA_DIR/outbox/letter-<message id>.pdf and answers 'sent'. The file is named by the message
 * id, so sending the same message again replaces it instead of printing it twice. 'printed' is
 * for the team to record once the print room has printed the run.
 */
export function createLetterChannel(config: Pick<Config, 'dataDir'>): LetterChannel {
  const outbox = join(config.dataDir, 'outbox');
  const refuse = (reason: string): SendResult => ({ status: 'failed', reason, retryable: false });
  return {
    name: 'letter',
    outbox,
    async send(message: OutgoingMessage): Promise<SendResult> {
      if (message.channel !== 'letter') return refuse(`Not a letter (channel ${message.channel}).`);
      const address = message.to.address;
      if (!address) return refuse('The household has no postal address to print.');
      try {
        addressLines(address);
      } catch (error) {
        if (error instanceof LetterError) return refuse(error.message);
        throw error;
      }
      const pdf = message.pdf;
      if (!pdf || pdf.length < 8 || Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
        return refuse('The letter has no PDF to print.');
      }
      mkdirSync(outbox, { recursive: true });
      const name = `letter-${message.id.replace(/[^\w-]/g, '')}.pdf`;
      const path = join(outbox, name);
      // Write, then rename: a file in the outbox is always whole.
      await writeFile(`${path}.part`, pdf);
      await rename(`${path}.part`, path);
      return { status: 'sent', providerId: name };
    },
  };
}
