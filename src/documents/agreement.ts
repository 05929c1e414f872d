import { PDFDocument, type PDFPage } from 'pdf-lib';
import { dateFormat, TIME_ZONE } from '../domain/calendar.js';
import { COLORS, leading, style } from './letter-page.js';
import { A4, MM, setInfo } from './pdf.js';
import { TextSetter, type TextStyle } from './text-setter.js';

// The agreement (oppdragsavtale) between the municipality and a resource family, from the seed's
// terms (seed 003, «Avtale mellom bvt og ressursfamilie»). The template is bokmål, the language the
// municipality contracts in; the signing page shows the very same paragraphs (agreementSections),
// and what an adult signs is those paragraphs as text.

export interface AgreementContent {
  municipality: string;
  network: string;
  /** the resource family's adults, «Kari Berg» */
  adults: string[];
  startOn: string;
  endOn: string;
  ksUnits: number;
  ksYear: number;
  ksRateOre: number;
  compensationOre: number;
  expenses: string;
  otherArrangements: string;
  /** who has signed, and when */
  signatures: { name: string; signedAt: string | null }[];
  /** the day the PDF is made */
  made: string;
}

export interface AgreementSection {
  heading: string;
  paragraphs: string[];
}

const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
const nok = (ore: number) =>
  new Intl.NumberFormat('nb-NO', {
    style: 'currency',
    currency: 'NOK',
    minimumFractionDigits: ore % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(ore / 100);
const units = (n: number) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(n);
const both = (names: string[]) =>
  new Intl.ListFormat('nb-NO', { style: 'long', type: 'conjunction' }).format(names);
const when = (instant: string) =>
  dateFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(
    new Date(instant),
  );

export const agreementTitle = 'Oppdragsavtale for ressursfamilie';

/** «Asker kommune»; a name that says «kommune» itself («Demo kommune») as it is. */
const kommune = (name: string) => (/\bkommune$/i.test(name) ? name : `${name} kommune`);

/** The agreement's terms, as the PDF prints them and the signing page shows them. */
export function agreementSections(c: Omit<AgreementContent, 'signatures' | 'made'>): AgreementSection[] {
  const own = (text: string) => text.trim().split(/\n+/).filter(Boolean);
  return [
    {
      heading: 'Partene',
      paragraphs: [
        `Avtalen er inngått mellom ${kommune(c.municipality)} ved barneverntjenesten og ressursfamilien ${both(c.adults)}, som leder ressursfamilie-nettverket «${c.network}».`,
      ],
    },
    {
      heading: '1. Oppdraget',
      paragraphs: [
        'Ressursfamilien tilrettelegger for samhandling i et nettverk av fosterhjem. Den er tilgjengelig for familiene i nettverket, holder minst seks samlinger i året og oppsummerer erfaringene fra nettverket hvert halvår.',
        'Ressursfamilien erstatter ikke barneverntjenesten, og har meldeplikt til barneverntjenesten. To ansatte i barneverntjenesten har sammen ansvaret for veiledningen av ressursfamilien.',
      ],
    },
    {
      heading: '2. Varighet',
      paragraphs: [`Avtalen gjelder fra ${day(c.startOn)} til og med ${day(c.endOn)}.`],
    },
    {
      heading: '3. Godtgjøring',
      paragraphs: [
        `Ressursfamilien får en godtgjøring på ${units(c.ksUnits)} KS. KS-satsen for ${c.ksYear} er ${nok(c.ksRateOre)} per måned, så godtgjøringen er ${nok(c.compensationOre)} per måned.`,
        'Godtgjøringen kommer på toppen av eventuelle andre ordninger ressursfamilien har med barneverntjenesten.',
        ...own(c.otherArrangements),
      ],
    },
    {
      heading: '4. Utgifter',
      paragraphs: [
        'I tillegg gjelder vanlig utleggsrefusjon, som avtales med barneverntjenesten.',
        ...own(c.expenses),
        'Aktivitetene i nettverket dekker familiene selv. Til julesamlingen og sommersamlingen får ressursfamilien inntil 500 kr per familie i nettverket til dekning av kostnader.',
      ],
    },
  ];
}

/** The terms as one text: what is kept with each signature. */
export const agreementText = (sections: AgreementSection[]) =>
  [agreementTitle, ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n\n');

const MARGIN = { left: 25, right: 20, top: 22, bottom: 22 } as const;
const WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Writes top-down in millimetres, on a new page when the current one is full. */
class Writer {
  private page: PDFPage;
  private top: number = MARGIN.top;

  constructor(
    private readonly doc: PDFDocument,
    private readonly s: TextSetter,
  ) {
    this.page = doc.addPage([A4.width * MM, A4.height * MM]);
  }

  paragraph(text: string, st: TextStyle, after = 3) {
    const lines = this.s.lines(text, st, WIDTH * MM, 'ltr');
    const step = leading(st.size) / MM;
    if (this.top + lines.length * step > A4.height - MARGIN.bottom) {
      this.page = this.doc.addPage([A4.width * MM, A4.height * MM]);
      this.top = MARGIN.top;
    }
    for (const line of lines) {
      this.top += step;
      this.s.drawLine(
        this.page,
        line,
        { x: MARGIN.left * MM, y: (A4.height - this.top) * MM, width: WIDTH * MM },
        st,
        'left',
      );
    }
    this.top += after;
  }

  rule() {
    this.page.drawLine({
      start: { x: MARGIN.left * MM, y: (A4.height - this.top) * MM },
      end: { x: (A4.width - MARGIN.right) * MM, y: (A4.height - this.top) * MM },
      thickness: 0.6,
      color: COLORS.rule,
    });
    this.top += 4;
  }
}

/** The agreement as an A4 PDF: the terms, then each adult's electronic signature or its place. */
export async function agreementPdf(c: AgreementContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  setInfo(doc, `${agreementTitle} – ${c.network}`, kommune(c.municipality), 'nb');
  const s = new TextSetter(doc);
  const sections = agreementSections(c);
  const signed = c.signatures.map((x) =>
    x.signedAt ? `${x.name}: signert elektronisk ${when(x.signedAt)}` : `${x.name}: ikke signert ennå`,
  );
  await s.prepare([
    c.municipality,
    c.network,
    ...sections.flatMap((x) => [x.heading, ...x.paragraphs]),
    ...signed,
  ]);
  const w = new Writer(doc, s);
  w.paragraph(`${kommune(c.municipality)} · barneverntjenesten`, style('regular', 9.5, COLORS.muted), 2);
  w.paragraph(agreementTitle, style('bold', 18, COLORS.accent), 2);
  w.paragraph(`Ressursfamilie-nettverket «${c.network}»`, style('regular', 11, COLORS.muted), 4);
  w.rule();
  for (const section of sections) {
    w.paragraph(section.heading, style('bold', 11.5), 1.5);
    for (const p of section.paragraphs) w.paragraph(p, style('regular', 10.5));
    w.paragraph('', style('regular', 4), 0);
  }
  w.paragraph('5. Signaturer', style('bold', 11.5), 1.5);
  w.paragraph(
    'Ressursfamiliens voksne signerer avtalen elektronisk med en personlig lenke.',
    style('regular', 10.5),
  );
  for (const line of signed) w.paragraph(line, style('regular', 10.5), 1.5);
  w.paragraph('', style('regular', 4), 0);
  w.rule();
  w.paragraph(`Laget i Landsby ${day(c.made)}`, style('regular', 8.5, COLORS.muted), 0);
  return doc.save();
}
