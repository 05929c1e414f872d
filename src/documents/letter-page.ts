import { type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import type { PostalAddress } from '../channels/types.js';
import type { Direction } from '../domain/template.js';
import { A4, type Align, MM } from './pdf.js';
import type { TextSetter, TextStyle } from './text-setter.js';

/**
 * A letter's page (letter.ts lays out the rest): A4 folded once into a C5 window envelope, the
 * address where the window shows it, and the first page above the text.
 *
 * Where the address goes. A C5 envelope (229 × 162 mm, ISO 269) takes an A4 sheet folded once,
 * at 148.5 mm, so the top half of the page faces the window (a C4 takes it flat, the same way up).
 * The common C5/C4 window lies 20 mm from the left edge, 90 × 40 mm, its top at 45 mm (DIN 5008
 * Form B) or at 50 mm (many Norwegian and Swedish envelopes). The recipient's address is written
 * at least 4 mm inside both, x 24–106 mm and y 54–81 mm, so a sheet that shifts a little in the
 * envelope still shows it whole; the return address (8 pt) sits above it in the part both windows
 * show, from y 50 mm. Nothing else is printed in the larger area x 15–120 mm, y 44–90 mm (the two
 * windows and a margin), so no letter text shows through the window. The event image goes right
 * of that, from x 130 mm. A short fold mark at 148.5 mm (DIN 5008's hole mark, the middle of the
 * page) shows where to fold for C5.
 */

// --- Page geometry (millimetres from the top left corner) --------------------------------------------

/** The two common window positions of C5/C4 window envelopes, as they lie on the page. */
export const ENVELOPE_WINDOWS = [
  { left: 20, top: 45, width: 90, height: 40 },
  { left: 20, top: 50, width: 90, height: 40 },
] as const;
/** Where the recipient's address is written: at least 4 mm inside both windows. */
export const ADDRESS_AREA = { left: 25, top: 54, width: 81, height: 27 } as const;
/** Where anything shown in the window is written (the return address above the address). */
export const WINDOW_TEXT_AREA = { left: 25, top: 50, width: 81, height: 31 } as const;
/** Nothing but the return address and the address is printed here (the windows and a margin). */
export const WINDOW_CLEAR_AREA = { left: 15, top: 44, width: 105, height: 46 } as const;

export const MARGIN = { left: 25, right: 20, top: 20, bottom: 22 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right; // 165 mm
// Baselines: a line's ink rises ~1.07 × its size above the baseline and falls ~0.3 × below (Noto Sans).
const RETURN_BASELINE = 53.3;
const ADDRESS_BASELINE = 58.6;
const IMAGE_BOX = { left: 130, top: 45, width: 60, height: 43 } as const;
const FOLD_MARK = 148.5;
export const QR_SIZE = 26;

export const COLORS = {
  text: rgb(0.09, 0.09, 0.11),
  muted: rgb(0.3, 0.3, 0.33),
  accent: rgb(0, 0.27, 0.48),
  tint: rgb(0.93, 0.96, 0.985),
  rule: rgb(0.7, 0.74, 0.8),
};

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

/** Lines of text from a baseline down, at the letter's leading (1.4 × the size). */
export function textLines(
  s: TextSetter,
  page: PDFPage,
  str: string,
  st: TextStyle,
  box: { left: number; width: number; baseline: number },
  align: Align,
  direction: Direction,
): number {
  const lines = s.lines(str, st, box.width * MM, direction);
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
}

export const leading = (size: number) => size * 1.4;

export const style = (st: TextStyle['style'], size: number, color = COLORS.text): TextStyle => ({
  style: st,
  size,
  color,
});

/** What the first page shows above the letter's text. */
export interface FirstPage {
  municipality: string;
  team: string;
  returnAddress: string;
  /** As printed: addressLines(). */
  address: string[];
  date: string;
  logo?: PDFImage;
  picture?: PDFImage;
  direction: Direction;
}

/**
 * The first page above the text: letterhead, the address in the window, the event image, the
 * fold mark and the date. Throws LetterError for an address or return address the window cannot
 * hold.
 */
export function drawFirstPage(s: TextSetter, page: PDFPage, first: FirstPage): void {
  const { municipality, team, returnAddress, address, date, logo, picture, direction } = first;
  const end = direction === 'rtl' ? 'left' : 'right';

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
    municipality,
    style('bold', 15, COLORS.accent),
    { left: MARGIN.left, width: headWidth, baseline: 20 },
    { minSize: 11 },
  );
  fitLine(
    s,
    page,
    team,
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
  const addressPitch = addressSize === 11 ? 4.8 : 4.1;
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
    const scale = Math.min((IMAGE_BOX.width * MM) / picture.width, (IMAGE_BOX.height * MM) / picture.height);
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

  textLines(
    s,
    page,
    date,
    style('regular', 10.5, COLORS.muted),
    { left: MARGIN.left, width: CONTENT_WIDTH, baseline: 95 },
    end,
    direction,
  );
}

/**
 * One line, shrunk (down to minSize) rather than wrapped when it is too long; still too long, it
 * is cut with an ellipsis, or refused (throws LetterError) where every word matters.
 */
export function fitLine(
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
