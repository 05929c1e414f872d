import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';

/**
 * The fonts of every PDF Landsby makes (letters, the QR sheet, the season report).
 *
 * Fonts come from npm packages that ship TrueType files (nothing is fetched at install or run
 * time): Noto Sans (Latin, Greek, Cyrillic: æøå, Sámi letters, Ukrainian …) from
 * @embedpdf/fonts-latin, Noto Naskh Arabic (Arabic, Persian/Dari, Urdu, Sorani) from
 * @embedpdf/fonts-arabic, Noto Sans Ethiopic (Tigrinya, Amharic) from @fontsource/noto-sans-ethiopic
 * (its Ethiopic WOFF files, which fontkit reads) and the black-and-white Noto Emoji from
 * @expo-google-fonts/noto-emoji, all under the SIL Open Font License. Each PDF embeds subsets of
 * them. A character none of them has (Chinese, …) is refused with its name, before anything is
 * printed. Setting text in them (lines, directions) is text-setter.ts.
 */

export type FontStyle = 'regular' | 'bold' | 'italic';
/** A font family, in fallback order: a character is set in the first family that has it. */
export type Family = 'latin' | 'arabic' | 'ethiopic' | 'emoji';
const FAMILIES: readonly Family[] = ['latin', 'arabic', 'ethiopic', 'emoji'];

const require = createRequire(import.meta.url);
/** The @embedpdf packages' export maps expose only their index; the fonts sit in ../fonts beside dist/. */
const embedpdfFonts = (pkg: string) => () => join(dirname(require.resolve(pkg)), '..', 'fonts');

const FONT_FILES: Record<Family, { dir: () => string; files: Record<FontStyle, string> }> = {
  latin: {
    dir: embedpdfFonts('@embedpdf/fonts-latin'),
    files: { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf', italic: 'NotoSans-Italic.ttf' },
  },
  arabic: {
    dir: embedpdfFonts('@embedpdf/fonts-arabic'),
    // Arabic script has no italic tradition: the regular face stands in for it.
    files: {
      regular: 'NotoNaskhArabic-Regular.ttf',
      bold: 'NotoNaskhArabic-Bold.ttf',
      italic: 'NotoNaskhArabic-Regular.ttf',
    },
  },
  // Ethiopic has no italic tradition either.
  ethiopic: {
    dir: () =>
      dirname(
        require.resolve('@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff'),
      ),
    files: {
      regular: 'noto-sans-ethiopic-ethiopic-400-normal.woff',
      bold: 'noto-sans-ethiopic-ethiopic-700-normal.woff',
      italic: 'noto-sans-ethiopic-ethiopic-400-normal.woff',
    },
  },
  // Black-and-white emoji, for the smiley in a personal note (one face for every style).
  emoji: {
    dir: () => join(dirname(require.resolve('@expo-google-fonts/noto-emoji')), '400Regular'),
    files: {
      regular: 'NotoEmoji_400Regular.ttf',
      bold: 'NotoEmoji_400Regular.ttf',
      italic: 'NotoEmoji_400Regular.ttf',
    },
  },
};

const bytesCache = new Map<string, Uint8Array>();

/** The file of a family's style: a document embeds each file once (the Arabic "italic" is its regular face). */
export function fontFile(family: Family, style: FontStyle): string {
  return FONT_FILES[family].files[style];
}

/** The font file of a family's style (read once per process). */
export function fontBytes(family: Family, style: FontStyle): Uint8Array {
  const { dir, files } = FONT_FILES[family];
  const file = files[style];
  let bytes = bytesCache.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(dir(), file)));
    bytesCache.set(file, bytes);
  }
  return bytes;
}

const coverageCache = new Map<Family, fontkit.Font>();
function coverageFont(family: Family): fontkit.Font {
  let font = coverageCache.get(family);
  if (!font) {
    font = pdfFontkit.create(fontBytes(family, 'regular')); // the same parse the PDFs use
    coverageCache.set(family, font);
  }
  return font;
}

const parsedFonts = new WeakMap<Uint8Array, fontkit.Font>();
const MAX_CACHED_LAYOUTS = 2_000;

/**
 * fontkit as pdf-lib uses it: parsed fonts and their layouts shared, and one fix. @pdf-lib/fontkit 1.1.1 writes a subset's glyphs
 * back to back and, when the subset is small, a short `loca` table, which stores offsets / 2:
 * a glyph of odd length (Noto Sans has them) shifts every later glyph, and viewers draw blanks
 * or wrong shapes. Padding each glyph to 4 bytes, as the OpenType spec recommends, keeps every
 * offset even. (Seen here: "Øø Åå" rendered as blanks by Poppler before the fix.)
 */
export const pdfFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): fontkit.Font {
    // Parsing a font costs ~20 ms: each font file is parsed once per process and the parsed font
    // shared by every document (each embedding takes its own subset of it).
    const cached = parsedFonts.get(buffer);
    if (cached && postscriptName === undefined) return cached;
    const font = fontkit.create(buffer, postscriptName);
    if (postscriptName === undefined) parsedFonts.set(buffer, font);
    // Shaping is the costly part of drawing text, and a print run repeats the same template
    // lines: layouts are kept per font (pdf-lib only reads the glyph runs it gets back).
    const layout = font.layout.bind(font);
    const layouts = new Map<string, fontkit.GlyphRun>();
    font.layout = (text: string, features?: Parameters<typeof layout>[1]) => {
      if (features !== undefined) return layout(text, features);
      let run = layouts.get(text);
      if (!run) {
        run = layout(text);
        if (layouts.size >= MAX_CACHED_LAYOUTS) layouts.clear();
        layouts.set(text, run);
      }
      return run;
    };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as fontkit.Subset & {
        _addGlyph?: (gid: number) => number;
        glyf?: { length: number; copy(target: unknown, at: number): void; constructor: unknown }[];
        offset?: number;
      };
      const addGlyph = subset._addGlyph;
      if (typeof addGlyph !== 'function') return subset; // a CFF font: no loca table
      subset._addGlyph = function (this: typeof subset, gid: number) {
        const index = addGlyph.call(this, gid);
        const glyph = this.glyf?.[index];
        const pad = glyph ? (4 - (glyph.length % 4)) % 4 : 0;
        if (glyph && pad > 0 && this.glyf && this.offset !== undefined) {
          // The glyph is fontkit's own Buffer class (a bundled polyfill): make the copy with it.
          const BufferClass = glyph.constructor as { alloc(size: number): NonNullable<typeof glyph> };
          const padded = BufferClass.alloc(glyph.length + pad);
          glyph.copy(padded, 0);
          this.glyf[index] = padded;
          this.offset += pad;
        }
        return index;
      };
      return subset;
    };
    return font;
  },
};

// --- Characters ----------------------------------------------------------------------------------

export const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
const MARK_OR_FORMAT = /[\p{M}\p{Cf}]/u;
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Tabs and other white space become plain spaces; control characters go. */
export function cleanText(text: string): string {
  return text
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(CONTROL, '')
    .trim();
}

/**
 * The family a character is set in, or null when no font has it. Arabic script goes to the
 * Arabic font; marks and format characters (ZWNJ, harakat) stay with the character before; white
 * space, digits and punctuation inside Arabic text stay in the Arabic font so shaping is not cut.
 */
export function familyOf(codePoint: number, char: string, previous: Family | null): Family | null {
  if (ARABIC_SCRIPT.test(char))
    return coverageFont('arabic').hasGlyphForCodePoint(codePoint) ? 'arabic' : null;
  if (MARK_OR_FORMAT.test(char) && previous) return previous;
  if (previous === 'arabic' && !LETTER.test(char) && coverageFont('arabic').hasGlyphForCodePoint(codePoint)) {
    return 'arabic';
  }
  for (const family of FAMILIES) {
    if (coverageFont(family).hasGlyphForCodePoint(codePoint)) return family;
  }
  return null;
}

/** The characters of `text` that no embedded font can print (for a clear message before sending). */
export function unprintableCharacters(text: string): string[] {
  const missing = new Set<string>();
  let previous: Family | null = null;
  for (const char of cleanText(text).replace(BIDI_CONTROLS, '')) {
    const family = familyOf(char.codePointAt(0) ?? 0, char, previous);
    if (family) previous = family;
    else if (!/\p{Cf}/u.test(char) && char !== '\n') missing.add(char);
  }
  return [...missing];
}

export function familiesOf(text: string): Set<Family> {
  const families = new Set<Family>();
  let previous: Family | null = null;
  for (const char of text) {
    const family = familyOf(char.codePointAt(0) ?? 0, char, previous);
    if (family) {
      families.add(family);
      previous = family;
    }
  }
  return families;
}

export class UnprintableTextError extends Error {
  constructor(readonly characters: string[]) {
    super(
      `These characters cannot be printed with the letter fonts (Noto Sans, Noto Naskh Arabic, Noto Sans Ethiopic, Noto Emoji): ${characters
        .map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ')}.`,
    );
    this.name = 'UnprintableTextError';
  }
}
