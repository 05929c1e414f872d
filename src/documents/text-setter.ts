import bidiModule, { type Bidi } from 'bidi-js';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { Direction } from '../domain/template.js';
import {
  ARABIC_SCRIPT,
  BIDI_CONTROLS,
  cleanText,
  type Family,
  type FontStyle,
  familiesOf,
  familyOf,
  fontBytes,
  fontFile,
  pdfFontkit,
  UnprintableTextError,
  unprintableCharacters,
} from './fonts.js';

/**
 * Text setting in the fonts of fonts.ts: pdf-lib draws glyph runs that fontkit shapes with the
 * font's OpenType tables (Arabic joining forms, ligatures, marks; fontkit also puts an Arabic run
 * in right-to-left glyph order). What fontkit does not do is the Unicode bidirectional algorithm
 * for mixed text (an Arabic sentence with a Norwegian place name, a time or a link in it); that
 * is bidi-js: embedding levels per character, lines broken in logical order, then each line's
 * runs put in visual order (UAX #9 rule L2) and mirrored brackets swapped (L4).
 *
 * Each run stands where the visual order puts it, but the runs are written into the PDF in
 * logical order, and a right-to-left run word by word from its right end: text copied from the
 * letter (a viewer, a screen reader, pdftotext -raw) then reads in logical order. Drawn as one
 * run in visual order, an Arabic sentence was copied back to front.
 */

export interface TextStyle {
  style: FontStyle;
  size: number;
  color: Color;
}

/** A run of one font and one direction, its text ready to draw left to right. */
export interface Piece {
  text: string;
  family: Family;
  width: number;
  /** Where the run starts in the paragraph (its logical place). */
  start: number;
  /** What is drawn, in logical order: a right-to-left run's words, each at its offset from the run's left edge. */
  parts: { text: string; offset: number }[];
}

export interface Line {
  /** In visual order, left to right. */
  pieces: Piece[];
  width: number;
}

// bidi-js is CommonJS with ES-module typings: imported from Node, the default is the factory itself.
const bidiFactory: () => Bidi =
  typeof bidiModule === 'function' ? bidiModule : (bidiModule as { default: () => Bidi }).default;
const bidi = bidiFactory();

interface Run {
  start: number;
  end: number;
  level: number;
  family: Family;
}

const MAX_CACHED_WIDTHS = 100_000;
/** Width at 1 pt per family, style and text: the same in every document. */
const widths = new Map<string, number>();

/**
 * Sets text for one PDF document: embeds the fonts it needs (subsets, each once per document),
 * breaks paragraphs into lines of a given width and draws them. Widths are cached for the
 * process, as the same template text recurs in every letter of a print run.
 */
export class TextSetter {
  private readonly fonts = new Map<string, PDFFont>();
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(pdfFontkit);
  }

  /** Embeds the fonts these texts need; throws UnprintableTextError for a character no font has. */
  async prepare(texts: Iterable<string>): Promise<void> {
    const needed = new Set<Family>(['latin']);
    const missing = new Set<string>();
    for (const text of texts) {
      for (const c of unprintableCharacters(text)) missing.add(c);
      // Latin-1 and Latin Extended are all in Noto Sans: only other text needs a look.
      if (/[\u0250-\u{10FFFF}]/u.test(text)) for (const family of familiesOf(text)) needed.add(family);
    }
    if (missing.size > 0) throw new UnprintableTextError([...missing]);
    for (const family of needed) {
      for (const style of ['regular', 'bold', 'italic'] as const) {
        const key = `${family}/${style}`;
        if (this.fonts.has(key)) continue;
        // One embedded font per file.
        const file = fontFile(family, style);
        let font = this.embedded.get(file);
        if (!font) {
          font = await this.doc.embedFont(fontBytes(family, style), { subset: true });
          this.embedded.set(file, font);
        }
        this.fonts.set(key, font);
      }
    }
  }

  font(family: Family, style: FontStyle): PDFFont {
    const font = this.fonts.get(`${family}/${style}`);
    if (!font) throw new Error(`Font ${family}/${style} not embedded: call prepare() with the text first.`);
    return font;
  }

  /** Width of a logical-order run in one family, in points. */
  measure(text: string, family: Family, style: FontStyle, size: number): number {
    const key = `${family}\u0000${style}\u0000${text}`;
    let perPoint = widths.get(key);
    if (perPoint === undefined) {
      perPoint = this.font(family, style).widthOfTextAtSize(text, 1);
      if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
      widths.set(key, perPoint);
    }
    return perPoint * size;
  }

  /** Width of a single-line text as it will be drawn. */
  width(text: string, style: TextStyle, direction: Direction = 'ltr'): number {
    return this.lines(text, style, Number.POSITIVE_INFINITY, direction).reduce(
      (w, l) => Math.max(w, l.width),
      0,
    );
  }

  /**
   * Breaks a paragraph (hard line breaks allowed) into lines no wider than maxWidth. Breaks fall
   * after spaces; a word longer than a line (a link) breaks after / ? & = - . _ or, failing
   * those, anywhere.
   */
  lines(text: string, style: TextStyle, maxWidth: number, direction: Direction): Line[] {
    const out: Line[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      const clean = cleanText(paragraph);
      if (clean === '') {
        out.push({ pieces: [], width: 0 });
        continue;
      }
      out.push(...this.paragraphLines(clean, style, maxWidth, direction));
    }
    return out;
  }

  private paragraphLines(text: string, style: TextStyle, boxWidth: number, direction: Direction): Line[] {
    // A hair of tolerance: a box measured to fit a text exactly must hold it.
    const maxWidth = boxWidth + 0.01;
    const { levels } = bidi.getEmbeddingLevels(text, direction);
    // Family per UTF-16 index (both halves of a surrogate pair get the same one).
    const families: Family[] = new Array(text.length);
    let previous: Family | null = null;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) ?? 0;
      const len = cp > 0xffff ? 2 : 1;
      const char = text.slice(i, i + len);
      const family: Family = familyOf(cp, char, previous) ?? previous ?? 'latin';
      previous = family;
      for (let k = 0; k < len; k++) families[i + k] = family;
      i += len;
    }
    const runsOf = (start: number, end: number): Run[] => {
      const runs: Run[] = [];
      for (let i = start; i < end; i++) {
        const level = levels[i] ?? 0;
        const family = families[i] ?? 'latin';
        const last = runs[runs.length - 1];
        if (last && last.level === level && last.family === family) last.end = i + 1;
        else runs.push({ start: i, end: i + 1, level, family });
      }
      return runs;
    };
    const widthOf = (start: number, end: number) =>
      runsOf(start, end).reduce(
        (w, r) => w + this.measure(mirrored(text, levels, r.start, r.end), r.family, style.style, style.size),
        0,
      );

    // Break opportunities: after each run of spaces.
    const words: { start: number; end: number; trimmedEnd: number }[] = [];
    for (const m of text.matchAll(/\S+\s*/g)) {
      const start = m.index ?? 0;
      words.push({ start, end: start + m[0].length, trimmedEnd: start + m[0].trimEnd().length });
    }

    const lineRanges: [number, number][] = [];
    let lineStart = -1;
    let lineEnd = -1; // trimmed end of the last word on the line
    let lineWidth = 0;
    for (const word of words) {
      if (lineStart >= 0) {
        // The spaces before the word and the word, added to the line so far.
        const withWord = lineWidth + widthOf(lineEnd, word.trimmedEnd);
        if (withWord <= maxWidth) {
          lineEnd = word.trimmedEnd;
          lineWidth = withWord;
          continue;
        }
        lineRanges.push([lineStart, lineEnd]);
        lineStart = -1;
      }
      const wordWidth = widthOf(word.start, word.trimmedEnd);
      if (wordWidth <= maxWidth) {
        lineStart = word.start;
        lineEnd = word.trimmedEnd;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than the line: cut it into pieces that fit.
      let from = word.start;
      while (from < word.trimmedEnd) {
        let cut = from + 1;
        let preferred = -1;
        for (let i = from + 1; i <= word.trimmedEnd; i++) {
          if (i < word.trimmedEnd && isLowSurrogate(text.charCodeAt(i))) continue;
          if (widthOf(from, i) > maxWidth) break;
          cut = i;
          if (/[/?&=\-._]/.test(text[i - 1] ?? '')) preferred = i;
        }
        const end = preferred > from && cut < word.trimmedEnd ? preferred : cut;
        if (end >= word.trimmedEnd) {
          lineStart = from;
          lineEnd = word.trimmedEnd;
          lineWidth = widthOf(from, end);
          break;
        }
        lineRanges.push([from, end]);
        from = end;
      }
    }
    if (lineStart >= 0) lineRanges.push([lineStart, lineEnd]);

    return lineRanges.map(([start, end]) => {
      const runs = reorder(runsOf(start, end));
      const pieces = runs
        .map((run): Piece => {
          const logical = mirrored(text, levels, run.start, run.end).replace(BIDI_CONTROLS, '');
          const width = this.measure(logical, run.family, style.style, style.size);
          const rtl = run.level % 2 === 1;
          if (!rtl) return { text: logical, family: run.family, width, start: run.start, parts: [] };
          // fontkit puts an Arabic-script run right to left itself; other right-to-left text
          // (punctuation and spaces between Arabic words) is reversed here.
          const visual = (t: string) => (ARABIC_SCRIPT.test(t) ? t : [...t].reverse().join(''));
          // Words, and each punctuation mark on its own (drawn in visual order, "،" and "!"
          // would otherwise be read before the word they follow).
          const parts: Piece['parts'] = [];
          let right = width;
          const tokens = [...logical.matchAll(/\s+|[\p{L}\p{M}\p{N}\p{Cf}]+|./gu)];
          for (const token of tokens) {
            const part = token[0];
            right -= this.measure(part, run.family, style.style, style.size);
            if (part.trim() === '') continue;
            parts.push({ text: visual(part), offset: right });
          }
          return { text: visual(logical), family: run.family, width, start: run.start, parts };
        })
        .filter((p) => p.text !== '');
      return { pieces, width: pieces.reduce((w, p) => w + p.width, 0) };
    });
  }

  /** Draws a line with its baseline at y; `x` and `width` give the box it is aligned in. */
  drawLine(
    page: PDFPage,
    line: Line,
    box: { x: number; y: number; width: number },
    style: TextStyle,
    align: 'left' | 'right' | 'center',
  ): void {
    let x =
      align === 'left'
        ? box.x
        : align === 'right'
          ? box.x + box.width - line.width
          : box.x + (box.width - line.width) / 2;
    const placed = line.pieces.map((piece) => {
      const at = x;
      x += piece.width;
      return { piece, at };
    });
    placed.sort((a, b) => a.piece.start - b.piece.start);
    for (const { piece, at } of placed) {
      const font = this.font(piece.family, style.style);
      const parts = piece.parts.length > 0 ? piece.parts : [{ text: piece.text, offset: 0 }];
      for (const part of parts) {
        page.drawText(part.text, {
          x: at + part.offset,
          y: box.y,
          size: style.size,
          font,
          color: style.color,
        });
      }
    }
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The text of [start, end) with characters at right-to-left levels mirrored (UAX #9 L4). */
function mirrored(text: string, levels: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const char = text[i] ?? '';
    out += (levels[i] ?? 0) % 2 === 1 ? (bidi.getMirroredCharacter(char) ?? char) : char;
  }
  return out;
}

/** UAX #9 L2 on runs: from the highest level down to the lowest odd one, reverse each sequence at or above it. */
function reorder(runs: Run[]): Run[] {
  if (runs.length < 2) return runs;
  const out = [...runs];
  const highest = Math.max(...out.map((r) => r.level));
  const lowestOdd = Math.min(...out.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if ((out[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}
