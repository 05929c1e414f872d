import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectDelimiter,
  parseUpload,
  UnreadableFile,
} from '../../src/features/import/service/parse-file.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function reason(data: Buffer): Promise<string> {
  try {
    await parseUpload(data);
  } catch (error) {
    if (error instanceof UnreadableFile) return error.reason;
    throw error;
  }
  return 'read';
}

describe('reading a CSV export', () => {
  it('splits on semicolons, as Norwegian Excel writes them', async () => {
    const file = await parseUpload(utf8('Fornavn;Etternavn;Reisetid\nKari;Nordmann;12,5\n'));
    expect(file).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8' });
    expect(file.headers).toEqual(['Fornavn', 'Etternavn', 'Reisetid']);
    expect(file.rows).toEqual([{ row: 2, cells: ['Kari', 'Nordmann', '12,5'] }]);
  });

  it('splits on commas when the header says so', async () => {
    const file = await parseUpload(
      utf8('Fornavn,Etternavn,"Adresse; gate"\r\nOla,Hansen,"Storgata 1, 2. etg"\r\n'),
    );
    expect(file.delimiter).toBe(',');
    expect(file.headers).toEqual(['Fornavn', 'Etternavn', 'Adresse; gate']);
    expect(file.rows[0]?.cells).toEqual(['Ola', 'Hansen', 'Storgata 1, 2. etg']);
  });

  it('reads tab-separated text too', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b,c\n')).toBe(';'); // a tie goes to the semicolon
  });

  it('drops the UTF-8 byte order mark, so the first header is clean', async () => {
    const file = await parseUpload(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Saksnr;Fornavn\n1;Åse\n')]),
    );
    expect(file.headers[0]).toBe('Saksnr');
    expect(file.rows[0]?.cells).toEqual(['1', 'Åse']);
  });

  it('reads Windows-1252 (æøå as single bytes) when the bytes are not valid UTF-8', async () => {
    const bytes = iconv.encode(
      'Fornavn;Etternavn;Poststed\nBjørn;Ærlig;Tønsberg\nÅse;Østby;Å i Lofoten\n',
      'windows-1252',
    );
    expect(bytes.includes(Buffer.from('ø', 'utf8'))).toBe(false);
    const file = await parseUpload(bytes);
    expect(file.encoding).toBe('windows-1252');
    expect(file.rows.map((r) => r.cells)).toEqual([
      ['Bjørn', 'Ærlig', 'Tønsberg'],
      ['Åse', 'Østby', 'Å i Lofoten'],
    ]);
  });

  it('reads UTF-16 "Unicode text" with its byte order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('Fornavn\tEtternavn\nÆse\tØ\n', 'utf-16le'),
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'Fornavn\tEtternavn\nÆse\tØ\n', encoding: 'utf-16le' });
  });

  it('keeps a quoted line break inside its field and numbers rows as a spreadsheet does', async () => {
    const file = await parseUpload(
      utf8('Fornavn;Adresse;Merknad\nKari;"Storgata 1\nLeilighet 2";"Hun sa ""hei"""\nOla;Fjellveien 2;\n'),
    );
    expect(file.rows).toEqual([
      { row: 2, cells: ['Kari', 'Storgata 1\nLeilighet 2', 'Hun sa "hei"'] },
      { row: 3, cells: ['Ola', 'Fjellveien 2', ''] },
    ]);
  });

  it('skips empty lines but keeps the row numbers, and pads short rows', async () => {
    const file = await parseUpload(
      utf8('Fornavn;Etternavn;E-post\r\n\r\nKari;Nordmann\r\n;;\r\nOla;Hansen;ola@x.no\r\n'),
    );
    expect(file.rows).toEqual([
      { row: 3, cells: ['Kari', 'Nordmann', ''] },
      { row: 5, cells: ['Ola', 'Hansen', 'ola@x.no'] },
    ]);
  });

  it('finds the header under a title line', async () => {
    const file = await parseUpload(utf8('Fosterhjem per 01.01.2026\n\nFornavn;Etternavn\nKari;Nordmann\n'));
    expect(file.headers).toEqual(['Fornavn', 'Etternavn']);
    expect(file.rows).toEqual([{ row: 4, cells: ['Kari', 'Nordmann'] }]);
  });

  it('refuses what is no table, each with its own reason', async () => {
    expect(await reason(Buffer.alloc(0))).toBe('empty');
    expect(await reason(utf8(' \n\r\n'))).toBe('empty');
    expect(
      await reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])),
    ).toBe('binary');
    expect(await reason(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)))).toBe(
      'binary',
    );
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('old_excel');
    expect(await reason(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]))).toBe(
      'xlsx',
    );
    expect(await reason(utf8('Bare én kolonne\nKari\n'))).toBe('no_header');
    expect(await reason(utf8('Fornavn;Etternavn\n'))).toBe('no_rows');
    expect(await reason(utf8('Fornavn;Etternavn\n"Kari;Nordmann\n'))).toBe('csv');
  });
});

describe('reading an Excel workbook', () => {
  async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    fill(book.addWorksheet('Fosterhjem'), book);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('reads the first sheet with text, numbers, dates, formulas and rich text', async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(['Saksnr', 'Fornavn', 'Etternavn', 'Fødselsdato', 'Postnr', 'Reisetid']);
      sheet.addRow([
        1001,
        'Kari',
        { richText: [{ text: 'Nord' }, { text: 'mann' }] },
        new Date(Date.UTC(2014, 4, 17)),
        372,
        { formula: '20+25', result: 45 },
      ]);
      sheet.addRow([]);
      sheet.addRow(['1002', 'Åse', 'Østby', '31.12.2015', '0150', '']);
    });
    const file = await parseUpload(data);
    expect(file).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(file.headers).toEqual(['Saksnr', 'Fornavn', 'Etternavn', 'Fødselsdato', 'Postnr', 'Reisetid']);
    expect(file.rows).toEqual([
      { row: 2, cells: ['1001', 'Kari', 'Nordmann', '2014-05-17', '372', '45'] },
      { row: 4, cells: ['1002', 'Åse', 'Østby', '31.12.2015', '0150', ''] },
    ]);
  });

  it('skips an empty first sheet', async () => {
    const data = await workbook((_empty, book) => {
      const sheet = book.addWorksheet('Data');
      sheet.addRow(['Fornavn', 'Etternavn']);
      sheet.addRow(['Kari', 'Nordmann']);
    });
    expect((await parseUpload(data)).rows).toEqual([{ row: 2, cells: ['Kari', 'Nordmann'] }]);
  });

  it('says a workbook with nothing in it is empty', async () => {
    expect(await reason(await workbook(() => {}))).toBe('empty');
  });
});
