import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLetterChannel } from '../../src/channels/letter.js';
import type { OutgoingMessage } from '../../src/channels/types.js';
import { unprintableCharacters } from '../../src/documents/fonts.js';
import { type LetterContent, LetterError, renderLetter } from '../../src/documents/letter.js';
import { ENVELOPE_WINDOWS, WINDOW_CLEAR_AREA, WINDOW_TEXT_AREA } from '../../src/documents/letter-page.js';
import { A4 } from '../../src/documents/pdf.js';
import { mergeLetterPdfs, mergeLetters } from '../../src/documents/print-file.js';

// Printed letters (for households without e-mail, mobile or digital mail): rendered to PDF, then looked at as the print room and the
// postman would — through Poppler (pdftoppm, pdftotext, pdffonts), the QR code read back from
// the picture with jsQR. Copies of the rendered pages are left in /tmp/letter-*.png to look at.

// jsqr is CommonJS with ES-module typings: from Node, its default import is the module, whose
// `default` is the decoder.
const jsQR = jsQRModule.default;

function requirePoppler(): void {
  for (const tool of ['pdftoppm', 'pdftotext', 'pdffonts']) {
    if (spawnSync(tool, ['-v']).error) {
      throw new Error(
        `${tool} is missing. These tests look at the letters through Poppler's tools: install them with\n` +
          '  apt-get install -y poppler-utils',
      );
    }
  }
}

function picture(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = 240 - (y * 80) / height;
      png.data[i + 1] = 150 + (x * 60) / width;
      png.data[i + 2] = 60 + (y * 120) / height;
      png.data[i + 3] = x < 10 ? 0 : 255; // some transparency: the soft-mask path
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const IMAGE = picture(600, 400);
const LOGO = picture(240, 80);

const norwegian: LetterContent = {
  letterhead: {
    municipality: 'Asker kommune',
    team: 'Fosterhjemstjenesten',
    returnAddress: 'Asker kommune, Fosterhjemstjenesten, Postboks 353, 1372 Asker',
    contact: ['Postboks 353, 1372 Asker', 'Telefon 66 78 00 00', 'asker.kommune.no'],
    logo: LOGO,
  },
  to: { name: 'Kari og Ola Nordmann', line: 'Bjørnåsveien 12 B', postcode: '1384', place: 'Asker' },
  date: new Date('2025-10-14T10:00:00Z'),
  title: 'Velkommen til fosterhjemskafé!',
  paragraphs: [
    'Hei Kari og Ola!',
    'Vi i fosterhjemstjenesten inviterer til fosterhjemskafé – en varm og uformell møteplass for fosterforeldre og beredskapshjem. Her kan dere bli kjent på tvers, dele erfaringer og bygge nettverk.',
    'Vi serverer pizza, pølser, kaffe og kjeks. Æ, ø og å, Sámi á č đ ŋ š ŧ ž and Привіт render too.',
  ],
  note: 'Så hyggelig at dere kom i mai – vi håper å se dere igjen! 😊',
  facts: [
    { label: 'Når', value: 'Tirsdag 25. november kl. 18.00–20.00' },
    { label: 'Hvor', value: 'Kantina i Røyken rådhus, Katrineåsveien 20, 3440 Røyken' },
    { label: 'Påmelding', value: 'Innen 11. november, på grunn av matserveringen.' },
  ],
  closing: 'Hilsen',
  senders: ['Anne', 'Berit', 'Camilla'],
  answerUrl: 'https://landsby.asker.kommune.no/svar/7f3a9c2e4b1d',
  image: IMAGE,
  language: 'nb',
};

const arabic: LetterContent = {
  ...norwegian,
  to: { name: 'Ahmad og Fatima Al-Hassan', line: 'Solbergveien 4', postcode: '1384', place: 'Asker' },
  title: 'مرحبًا بكم في مقهى الأسر الحاضنة!',
  paragraphs: [
    'مرحبًا أحمد وفاطمة!',
    'يدعوكم فريق الأسر الحاضنة في بلدية أسكر (Asker kommune) إلى مقهى الأسر الحاضنة، وهو مكان لقاء دافئ وغير رسمي. الموعد يوم الثلاثاء 25 نوفمبر من الساعة 18:00 إلى 20:00.',
  ],
  note: 'سعدنا كثيرًا بحضوركم في مايو!',
  facts: [
    { label: 'متى', value: 'الثلاثاء 25 نوفمبر، 18:00–20:00' },
    { label: 'أين', value: 'Røyken rådhus، Katrineåsveien 20، 3440 Røyken' },
  ],
  closing: 'مع التحية',
  answerUrl: 'https://landsby.asker.kommune.no/svar/0a1b2c3d4e5f',
  language: 'ar',
};

let dir: string;
const pdfs = new Map<string, Uint8Array>();

beforeAll(async () => {
  requirePoppler();
  dir = mkdtempSync(join(tmpdir(), 'landsby-letter-'));
  pdfs.set('nb', await renderLetter(norwegian));
  pdfs.set('ar', await renderLetter(arabic));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Page 1 as pixels, at `dpi`; a copy goes to /tmp/letter-<name>.png. */
function renderPage(name: string, pdf: Uint8Array, dpi: number): PNG {
  const input = file(`${name}.pdf`, pdf);
  const prefix = join(dir, `${name}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', input, prefix]);
  copyFileSync(`${prefix}.png`, join(tmpdir(), `letter-${name}.png`));
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

function text(pdf: Uint8Array, name: string): string {
  return execFileSync('pdftotext', ['-layout', file(`${name}-text.pdf`, pdf), '-'], { encoding: 'utf8' });
}

/** Words with their boxes in mm from the top left, page 1. */
function words(
  pdf: Uint8Array,
  name: string,
): { text: string; left: number; top: number; right: number; bottom: number }[] {
  const html = execFileSync(
    'pdftotext',
    ['-bbox', '-f', '1', '-l', '1', file(`${name}-bbox.pdf`, pdf), '-'],
    {
      encoding: 'utf8',
    },
  );
  const mm = 25.4 / 72;
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    text: m[5] ?? '',
    left: Number(m[1]) * mm,
    top: Number(m[2]) * mm,
    right: Number(m[3]) * mm,
    bottom: Number(m[4]) * mm,
  }));
}

type Rect = { left: number; top: number; width: number; height: number };
const inside = (r: Rect, x: number, y: number) =>
  x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;

type Box = { left: number; top: number; right: number; bottom: number };

/** The box around the address words (found above the fold, each at least once). */
function addressBlock(boxes: (Box & { text: string })[], expected: string[]): Box {
  const found = expected.map((word) => {
    const box = boxes.find((b) => b.text.includes(word) && b.top < 100);
    expect(box, word).toBeDefined();
    return box as Box;
  });
  const lines = boxes.filter((b) => found.some((f) => Math.abs(f.top - b.top) < 0.5) && b.top < 100);
  return {
    left: Math.min(...lines.map((b) => b.left)),
    top: Math.min(...lines.map((b) => b.top)),
    right: Math.max(...lines.map((b) => b.right)),
    bottom: Math.max(...lines.map((b) => b.bottom)),
  };
}

/** How far a block lies inside a window at its closest edge, in mm (negative: it sticks out). */
const clearance = (block: Box, window: Rect) =>
  Math.min(
    block.left - window.left,
    window.left + window.width - block.right,
    block.top - window.top,
    window.top + window.height - block.bottom,
  );

/**
 * The look through the envelope window: every dark pixel in the window's surroundings belongs to
 * the address area, and the address area has text in it.
 */
function windowCheck(png: PNG, dpi: number) {
  const perMm = dpi / 25.4;
  let inAddress = 0;
  const stray: { x: number; y: number }[] = [];
  const area = WINDOW_CLEAR_AREA;
  for (let py = Math.floor(area.top * perMm); py <= Math.ceil((area.top + area.height) * perMm); py++) {
    for (let px = Math.floor(area.left * perMm); px <= Math.ceil((area.left + area.width) * perMm); px++) {
      const i = (py * png.width + px) * 4;
      const lum =
        0.299 * (png.data[i] ?? 255) + 0.587 * (png.data[i + 1] ?? 255) + 0.114 * (png.data[i + 2] ?? 255);
      if (lum > 160) continue;
      const x = (px + 0.5) / perMm;
      const y = (py + 0.5) / perMm;
      if (inside(WINDOW_TEXT_AREA, x, y)) inAddress++;
      else stray.push({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });
    }
  }
  return { inAddress, stray };
}

describe('a letter', () => {
  it('is an A4 PDF with its fonts embedded', async () => {
    for (const [name, pdf] of pdfs) {
      const doc = await PDFDocument.load(pdf);
      expect(doc.getPageCount(), name).toBe(1);
      const { width, height } = doc.getPage(0).getSize();
      expect(width).toBeCloseTo((A4.width * 72) / 25.4, 1);
      expect(height).toBeCloseTo((A4.height * 72) / 25.4, 1);
      expect(doc.getTitle()).toBe(name === 'nb' ? norwegian.title : arabic.title);
      const fonts = execFileSync('pdffonts', [file(`${name}-fonts.pdf`, pdf)], { encoding: 'utf8' });
      // name, type, encoding, emb, sub, uni: every font embedded, with a ToUnicode map. (pdf-lib
      // names its subsets without the ABCDEF+ tag, so Poppler's "sub" column says no: the file
      // size says subset — a whole Noto Sans is 630 kB.)
      const rows = fonts.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row, row).toMatch(/yes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/);
      expect(pdf.length).toBeLessThan(120_000);
      expect(fonts).toContain('NotoSans');
      if (name === 'nb') expect(fonts).toContain('NotoEmoji'); // the smiley in the note
      if (name === 'ar') expect(fonts).toContain('NotoNaskhArabic');
    }
  });

  it('carries the address, the note, the facts, the link and the signatures as text', () => {
    const nb = text(pdfs.get('nb') as Uint8Array, 'nb');
    for (const expected of [
      'Kari og Ola Nordmann',
      'Bjørnåsveien 12 B',
      '1384 ASKER',
      'Asker kommune, Fosterhjemstjenesten, Postboks 353, 1372 Asker',
      'Så hyggelig at dere kom i mai – vi håper å se dere igjen! 😊',
      'Tirsdag 25. november kl. 18.00–20.00',
      'https://landsby.asker.kommune.no/svar/7f3a9c2e4b1d',
      'Anne, Berit og Camilla',
      'Æ, ø og å',
      'Привіт',
      '14. oktober 2025',
    ]) {
      expect(nb).toContain(expected);
    }
    const ar = text(pdfs.get('ar') as Uint8Array, 'ar');
    expect(ar).toContain('Ahmad og Fatima Al-Hassan');
    expect(ar).toContain('1384 ASKER');
    expect(ar).toContain('https://landsby.asker.kommune.no/svar/0a1b2c3d4e5f');
    expect(ar).toMatch(/\p{Script=Arabic}{4,}/u);
  });

  it('copies Arabic text in logical order: words, numbers and punctuation as they were written (pdftotext -raw)', () => {
    // -raw keeps the order the text is written into the PDF, as copying from most viewers does.
    const raw = execFileSync('pdftotext', ['-raw', file('ar-raw.pdf', pdfs.get('ar') as Uint8Array), '-'], {
      encoding: 'utf8',
    })
      .replace(/[\u202A-\u202E]/g, '')
      .replace(/\s+/g, ' ');
    expect(raw).toContain('يدعوكم فريق');
    expect(raw).toContain('بكم في مقهى');
    expect(raw).toContain('أسكر ) Asker kommune ( إلى'); // brackets copy as the glyphs drawn
    expect(raw).toContain('الساعة 18:00 إلى 20:00 .');
    expect(raw).toContain('14 أكتوبر 2025');
  });

  it('prints Tigrinya in Noto Sans Ethiopic and Ukrainian in Noto Sans, with ink where the words are', async () => {
    for (const [language, title, word] of [
      ['ti', 'ዕድመ ናብ ካፈ ኣለይቲ ስድራቤታት', 'ስድራቤታት'],
      ['uk', 'Запрошення на кафе прийомних сімей', 'прийомних'],
    ] as const) {
      const pdf = await renderLetter({ ...norwegian, title, paragraphs: [title], note: undefined, language });
      const fonts = execFileSync('pdffonts', [file(`${language}-fonts.pdf`, pdf)], { encoding: 'utf8' });
      if (language === 'ti') expect(fonts).toContain('NotoSansEthiopic');
      expect(text(pdf, language)).toContain(title);
      const png = renderPage(language, pdf, 150);
      const perMm = 150 / 25.4;
      const box = words(pdf, `${language}-words`).find((b) => b.text === word);
      expect(box, word).toBeDefined();
      if (!box) continue;
      let ink = 0;
      for (let py = Math.floor(box.top * perMm); py < Math.ceil(box.bottom * perMm); py++) {
        for (let px = Math.floor(box.left * perMm); px < Math.ceil(box.right * perMm); px++) {
          if ((png.data[(py * png.width + px) * 4] ?? 255) < 128) ink++;
        }
      }
      expect(ink, language).toBeGreaterThan(100);
    }
  });

  it('has a QR code that reads as the household’s answer link', () => {
    for (const [name, content] of [
      ['nb', norwegian],
      ['ar', arabic],
    ] as const) {
      const png = renderPage(`${name}-qr`, pdfs.get(name) as Uint8Array, 150);
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data, name).toBe(content.answerUrl);
    }
  });

  it('shows the address, and only the address, in the C5 envelope window (pdftoppm)', () => {
    for (const name of ['nb', 'ar']) {
      const png = renderPage(name, pdfs.get(name) as Uint8Array, 100);
      const { inAddress, stray } = windowCheck(png, 100);
      expect(stray, `${name}: dark pixels in the window outside the address`).toEqual([]);
      expect(inAddress, name).toBeGreaterThan(400);
    }
  });

  it('puts the address at least 4 mm inside both common C5/C4 windows, top at 45 and at 50 mm (pdftotext -bbox)', () => {
    const boxes = words(pdfs.get('nb') as Uint8Array, 'nb');
    const address = addressBlock(boxes, ['Kari', 'Nordmann', 'Bjørnåsveien', '1384', 'ASKER']);
    for (const window of ENVELOPE_WINDOWS) expect(clearance(address, window)).toBeGreaterThanOrEqual(4);
    // The return address is in the window too, whichever of the two the envelope has.
    const returnAddress = addressBlock(boxes, ['Postboks', '353,', '1372']);
    for (const window of ENVELOPE_WINDOWS) expect(clearance(returnAddress, window)).toBeGreaterThan(0);
    expect(returnAddress.bottom).toBeLessThanOrEqual(address.top);
  });

  it('draws every glyph of æøå (a subset with odd-length glyphs once drew blanks)', async () => {
    const pdf = await renderLetter({ ...norwegian, to: { ...norwegian.to, name: 'Øø Åå Ææ Ŋŋ' } });
    const png = renderPage('glyphs', pdf, 150);
    const perMm = 150 / 25.4;
    for (const word of ['Øø', 'Åå', 'Ææ', 'Ŋŋ']) {
      const box = words(pdf, 'glyphs').find((b) => b.text === word);
      expect(box, word).toBeDefined();
      if (!box) continue;
      let ink = 0;
      for (let py = Math.floor(box.top * perMm); py < Math.ceil(box.bottom * perMm); py++) {
        for (let px = Math.floor(box.left * perMm); px < Math.ceil(box.right * perMm); px++) {
          if ((png.data[(py * png.width + px) * 4] ?? 255) < 128) ink++;
        }
      }
      expect(ink, word).toBeGreaterThan(40);
    }
  });

  it('keeps a six-line address in the window, and refuses one of seven', async () => {
    const long: LetterContent = {
      ...norwegian,
      to: {
        name: 'Kari Marie Nordmann-Kristiansen og Ola Nordmann-Kristiansen',
        line: 'c/o Hansen\nBjørnåsveien 12 B\nLeilighet H0201',
        postcode: '1384',
        place: 'Asker',
      },
    };
    const pdf = await renderLetter(long);
    const png = renderPage('six-lines', pdf, 100);
    const { inAddress, stray } = windowCheck(png, 100);
    expect(stray).toEqual([]);
    expect(inAddress).toBeGreaterThan(600);
    expect(text(pdf, 'six')).toContain('Leilighet H0201');
    const address = addressBlock(words(pdf, 'six-bbox'), ['Kari', 'Kristiansen', 'H0201', 'ASKER']);
    for (const window of ENVELOPE_WINDOWS) expect(clearance(address, window)).toBeGreaterThanOrEqual(4);

    await expect(
      renderLetter({
        ...long,
        to: { ...long.to, line: 'c/o Hansen\nBjørnåsveien 12 B\nLeilighet H0201\nInngang bak' },
      }),
    ).rejects.toThrow(/needs 7 lines, and the envelope window holds 6/);
  });

  it('refuses what cannot be printed, with the reason', async () => {
    await expect(
      renderLetter({ ...norwegian, to: { ...norwegian.to, name: '张伟 og Kari' } }),
    ).rejects.toThrow(/address cannot be printed.*"张" \(U\+5F20\)/);
    await expect(renderLetter({ ...norwegian, to: { ...norwegian.to, postcode: '13' } })).rejects.toThrow(
      /not a Norwegian postcode/,
    );
    await expect(renderLetter({ ...norwegian, to: { ...norwegian.to, line: ' ' } })).rejects.toThrow(
      /no street address/,
    );
    await expect(renderLetter({ ...norwegian, answerUrl: 'landsby/svar' })).rejects.toThrow(LetterError);
    await expect(
      renderLetter({
        ...norwegian,
        letterhead: {
          ...norwegian.letterhead,
          returnAddress: `${'Fosterhjemstjenesten, '.repeat(6)}1372 Asker`,
        },
      }),
    ).rejects.toThrow(/return address .* is too long for the envelope window/);
    await expect(renderLetter({ ...norwegian, image: new Uint8Array([1, 2, 3, 4]) })).rejects.toThrow(
      /event image must be a PNG or JPEG/,
    );
    expect(unprintableCharacters('Kari Nordmann, Åsgårdstoppen 3')).toEqual([]);
    expect(unprintableCharacters('مرحبًا Привет Ελλάδα')).toEqual([]);
    expect(unprintableCharacters('😀 👍🏽 ❤️ 张 ሰላም ꯃ')).toEqual(['张', 'ꯃ']); // Ethiopic prints (Noto Sans Ethiopic); Meitei does not
  });

  it('runs over to a second page with page numbers when the text is long', async () => {
    const pdf = await renderLetter({
      ...norwegian,
      paragraphs: Array.from({ length: 12 }, () => norwegian.paragraphs[1] ?? ''),
    });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(2);
    const all = text(pdf, 'long');
    expect(all).toContain('Side 1 av 2');
    expect(all).toContain('Side 2 av 2');
    expect(all).toContain('Anne, Berit og Camilla');
  });
});

describe('the print file', () => {
  it('merges three letters into three pages, fonts and image once', async () => {
    const third: LetterContent = {
      ...norwegian,
      to: { name: 'Åse Bråthen', line: 'Kirkeveien 7', postcode: '3440', place: 'Røyken' },
      note: undefined,
      answerUrl: 'https://landsby.asker.kommune.no/svar/99',
    };
    const merged = await mergeLetters([norwegian, arabic, third]);
    expect(merged).toMatchObject({ letters: 3, pages: 3, failed: [] });
    const doc = await PDFDocument.load(merged.pdf);
    expect(doc.getPageCount()).toBe(3);
    const all = text(merged.pdf, 'merged');
    expect(all).toContain('Kari og Ola Nordmann');
    expect(all).toContain('Ahmad og Fatima Al-Hassan');
    expect(all).toContain('3440 RØYKEN');
    // Smaller than the three letters apart: fonts, logo and image are in it once.
    const apart =
      (pdfs.get('nb')?.length ?? 0) + (pdfs.get('ar')?.length ?? 0) + (await renderLetter(third)).length;
    expect(merged.pdf.length).toBeLessThan(apart * 0.7);
  });

  it('leaves out a letter that cannot be printed, says which, and prints the rest', async () => {
    const merged = await mergeLetters([
      norwegian,
      { ...norwegian, to: { ...norwegian.to, postcode: '' } },
      arabic,
    ]);
    expect(merged.letters).toBe(2);
    expect(merged.pages).toBe(2);
    expect(merged.failed).toEqual([{ index: 1, reason: expect.stringMatching(/no postcode/) }]);
  });

  it('adds a blank back page after an odd-paged letter for two-sided printing', async () => {
    const long = {
      ...norwegian,
      paragraphs: Array.from({ length: 12 }, () => norwegian.paragraphs[1] ?? ''),
    };
    const merged = await mergeLetters([norwegian, long, arabic], { duplex: true });
    expect(merged.pages).toBe(6); // 1 + blank, 2, 1 + blank
  });

  it('merges stored letter PDFs too', async () => {
    const pdf = await mergeLetterPdfs([pdfs.get('nb'), pdfs.get('ar'), pdfs.get('nb')] as Uint8Array[]);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(3);
    expect(text(pdf, 'stored')).toContain('Ahmad og Fatima Al-Hassan');
  });
});

describe('the letter channel', () => {
  const message = (extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
    id: randomUUID(),
    channel: 'letter',
    to: { name: 'Kari og Ola Nordmann', address: norwegian.to },
    subject: norwegian.title,
    text: '',
    pdf: pdfs.get('nb'),
    ...extra,
  });

  it('answers sent with the PDF for the print room to keep with the message', async () => {
    const m = message();
    // The sending stores letterPdf in the database (letter_pdf) with the outcome, one per message.
    expect(await createLetterChannel().send(m)).toEqual({
      status: 'sent',
      providerId: `letter-${m.id}`,
      letterPdf: m.pdf,
    });
  });

  it('refuses a letter without a printable address or without a PDF', async () => {
    const channel = createLetterChannel();
    expect(await channel.send(message({ to: { name: 'Kari' } }))).toMatchObject({
      status: 'failed',
      retryable: false,
      reason: expect.stringMatching(/no postal address/),
    });
    expect(
      await channel.send(message({ to: { name: 'Kari', address: { ...norwegian.to, postcode: 'N-1384' } } })),
    ).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not a Norwegian postcode/) });
    expect(await channel.send(message({ pdf: undefined }))).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/no PDF/),
    });
    expect(await channel.send(message({ channel: 'email' }))).toMatchObject({ status: 'failed' });
  });
});
