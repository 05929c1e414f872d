import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  normalisePostcode,
  parsePostenRegister,
  parseTravelTimes,
} from '../../src/features/registry-data/service/parse-tables.js';

describe('reading an uploaded file', () => {
  it('finds the encoding: UTF-8 with and without BOM, UTF-16 from Excel, else Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFÆrø;5', 'utf8'))).toEqual({ text: 'Ærø;5', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('Ærø;5', 'utf8'))).toEqual({ text: 'Ærø;5', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Ærø;5', 'win1252'))).toEqual({ text: 'Ærø;5', encoding: 'windows-1252' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ærø\t5', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: 'Ærø\t5', encoding: 'utf-16le' });
  });

  it('puts back the leading zero Excel takes from a postcode', () => {
    expect(normalisePostcode('150')).toBe('0150');
    expect(normalisePostcode(' 1384 ')).toBe('1384');
    expect(normalisePostcode('13 84')).toBe('1384');
    expect(normalisePostcode('12345')).toBeNull();
    expect(normalisePostcode('ASKER')).toBeNull();
  });
});

describe('the travel-time table', () => {
  it('reads semicolons or commas, with or without a header, quoted or not', () => {
    expect(parseTravelTimes('postnummer;minutter\r\n1384;25\r\n\r\n0150;40;;\r\n').entries).toEqual([
      { line: 2, postcode: '1384', minutes: 25 },
      { line: 4, postcode: '0150', minutes: 40 },
    ]);
    expect(parseTravelTimes('"1384","25,0"\n150,40\n').entries).toEqual([
      { line: 1, postcode: '1384', minutes: 25 },
      { line: 2, postcode: '0150', minutes: 40 },
    ]);
    expect(parseTravelTimes('1384\t25\n').entries).toEqual([{ line: 1, postcode: '1384', minutes: 25 }]);
  });

  it('names every bad line and what is wrong with it', () => {
    const { problems } = parseTravelTimes('1384;25\nAsker;10\n1390;-5\n1391;2000\n1384;30\n1392\n');
    expect(problems).toEqual([
      { line: 2, rule: 'postcode', value: 'Asker' },
      { line: 3, rule: 'minutes', value: '-5' },
      { line: 4, rule: 'minutes', value: '2000' },
      { line: 5, rule: 'duplicate', value: '1384' },
      { line: 6, rule: 'columns', value: '1392' },
    ]);
    expect(parseTravelTimes('1384;"25\n').problems).toEqual([{ line: 1, rule: 'format' }]);
  });
});

describe("Posten's register", () => {
  it('reads postcode and place from the five tab-separated columns', () => {
    const text = '0001\tOSLO\t0301\tOSLO\tP\r\n1384\tASKER\t3203\tASKER\tB\r\n';
    expect(parsePostenRegister(text)).toEqual({
      entries: [
        { postcode: '0001', place: 'OSLO' },
        { postcode: '1384', place: 'ASKER' },
      ],
      problems: [],
    });
  });

  it('refuses what does not look like it', () => {
    const text =
      'Postnummer\tPoststed\tKommunenummer\tKommunenavn\tKategori\n1384\tASKER\t3203\tASKER\tB\n' +
      '138\tASKER\t3203\tASKER\tB\n1385\t\t3203\tASKER\tB\n1386\tASKER\t3203\tASKER\tX\n1384\tASKER\t3203\tASKER\tB\n1387;ASKER\n';
    expect(parsePostenRegister(text).problems).toEqual([
      { line: 3, rule: 'postcode', value: '138' },
      { line: 4, rule: 'place', value: '1385' },
      { line: 5, rule: 'category', value: 'X' },
      { line: 6, rule: 'duplicate', value: '1384' },
      { line: 7, rule: 'columns', value: '1387;ASKER' },
    ]);
  });
});
