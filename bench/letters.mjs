#!/usr/bin/env node
// Printed letters at scale: render N personal invitations (default 10,000) into one merged PDF
// for the print room, as mergeLetters does for a print run; and, for comparison, the cost of one
// household's own PDF (renderLetter, what the letter channel stores and digital mail sends).
// Run: node --import tsx bench/letters.mjs [letters]     Prints figures; asserts nothing.
// Peak memory is the process's high-water mark (VmHWM in /proc/self/status), sampled RSS besides.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderLetter } from '../src/documents/letter.ts';
import { mergeLetters } from '../src/documents/print-file.ts';

const LETTERS = Number(process.argv[2] ?? 10_000);
const SINGLE = 200;

const FIRST = [
  'Kari',
  'Ola',
  'Åse',
  'Bjørn',
  'Ingrid',
  'Per',
  'Sigrid',
  'Håkon',
  'Nora',
  'Emil',
  'Æsa',
  'Øystein',
];
const LAST = ['Nordmann', 'Hansen', 'Ødegård', 'Bråthen', 'Lie', 'Søreide', 'Aasen', 'Kvalø'];
const STREETS = [
  'Bjørnåsveien',
  'Solbergveien',
  'Kirkeveien',
  'Åsgårdstoppen',
  'Drammensveien',
  'Søndre gate',
];
const PLACES = [
  ['1384', 'Asker'],
  ['3440', 'Røyken'],
  ['1383', 'Asker'],
  ['3475', 'Sætre'],
  ['1394', 'Nesbru'],
];

function picture(width, height) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      png.data[i] = 240 - (y * 80) / height;
      png.data[i + 1] = 150 + (x * 60) / width;
      png.data[i + 2] = 60 + (y * 120) / height;
      png.data[i + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const image = picture(600, 400);
const arabicEvery = 20; // one household in 20 gets its letter in Arabic

function content(i) {
  const a = FIRST[i % FIRST.length];
  const b = FIRST[(i * 7 + 3) % FIRST.length];
  const last = LAST[(i * 3) % LAST.length];
  const [postcode, place] = PLACES[i % PLACES.length];
  const arabic = i % arabicEvery === arabicEvery - 1;
  return {
    letterhead: {
      municipality: 'Asker kommune',
      team: 'Fosterhjemstjenesten',
      returnAddress: 'Asker kommune, Fosterhjemstjenesten, Postboks 353, 1372 Asker',
      contact: ['Postboks 353, 1372 Asker', 'Telefon 66 78 00 00', 'asker.kommune.no'],
    },
    to: {
      name: `${a} og ${b} ${last}`,
      line: `${STREETS[i % STREETS.length]} ${1 + (i % 97)}`,
      postcode,
      place,
    },
    date: new Date('2025-10-14T10:00:00Z'),
    title: arabic ? 'مرحبًا بكم في مقهى الأسر الحاضنة!' : 'Velkommen til fosterhjemskafé!',
    paragraphs: arabic
      ? [
          `مرحبًا ${a} و${b}!`,
          'يدعوكم فريق الأسر الحاضنة في بلدية أسكر (Asker kommune) إلى مقهى الأسر الحاضنة، وهو مكان لقاء دافئ وغير رسمي. سنقدّم البيتزا والقهوة.',
        ]
      : [
          `Hei ${a} og ${b}!`,
          'Vi i fosterhjemstjenesten inviterer til fosterhjemskafé – en varm og uformell møteplass for fosterforeldre og beredskapshjem. Her kan dere bli kjent på tvers, dele erfaringer og bygge nettverk. Vi serverer pizza, pølser, kaffe og kjeks.',
          'Denne gangen kommer den nye avdelingslederen og presenterer seg, og det blir god tid til å prate.',
        ],
    note: i % 3 === 0 ? `Så hyggelig at dere kom i mai, ${a} – vi håper å se dere igjen!` : undefined,
    facts: [
      { label: arabic ? 'متى' : 'Når', value: 'Tirsdag 25. november kl. 18.00–20.00' },
      { label: arabic ? 'أين' : 'Hvor', value: 'Kantina i Røyken rådhus, Katrineåsveien 20, 3440 Røyken' },
    ],
    closing: arabic ? 'مع التحية' : 'Hilsen',
    senders: ['Anne', 'Berit', 'Camilla'],
    answerUrl: `https://landsby.asker.kommune.no/svar/${(0x10000000 + i * 7919).toString(16)}${i.toString(36)}`,
    image,
    language: arabic ? 'ar' : 'nb',
  };
}

function vmHwmMb() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}
let sampledPeak = 0;
const sample = () => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss / 2 ** 20);
};
const sampler = setInterval(sample, 50);

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

// One household's PDF (the letter channel, digital mail).
let t = performance.now();
let bytes = 0;
for (let i = 0; i < SINGLE; i++) bytes += (await renderLetter(content(i))).length;
const single = (performance.now() - t) / SINGLE;
console.log(
  `renderLetter: ${single.toFixed(1)} ms per letter, ${(bytes / SINGLE / 1024).toFixed(1)} KB per PDF (${SINGLE} letters)`,
);

// The print run.
t = performance.now();
const gen = function* () {
  for (let i = 0; i < LETTERS; i++) {
    if (i % 500 === 0) sample();
    yield content(i);
  }
};
const merged = await mergeLetters(gen());
const seconds = (performance.now() - t) / 1000;
sample();
clearInterval(sampler);
const out = join(tmpdir(), 'landsby-letters-bench.pdf');
writeFileSync(out, merged.pdf);
console.log(
  `mergeLetters: ${merged.letters} letters, ${merged.pages} pages, ${mb(merged.pdf.length)} in ${seconds.toFixed(1)} s ` +
    `(${((seconds * 1000) / LETTERS).toFixed(2)} ms per letter); ${merged.failed.length} failed`,
);
console.log(`peak memory: ${vmHwmMb().toFixed(0)} MB (VmHWM), ${sampledPeak.toFixed(0)} MB sampled RSS`);
console.log(`print file: ${out}`);
