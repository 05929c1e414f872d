import { PDFDocument } from 'pdf-lib';
import { type LetterContent, LetterWriter } from './letter.js';
import { LetterError } from './letter-page.js';
import { A4, MM, setInfo } from './pdf.js';

/**
 * The print room's file: many letters in one PDF, each starting on a new sheet when printed on
 * both sides. The team prints it for the letters sent in a run (in the order the sending gives
 * them: by postcode, as the post office sorts).
 */

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
