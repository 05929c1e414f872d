import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  chooseLanguage,
  fieldsOf,
  MERGE_FIELDS,
  parseTemplate,
  renderHtmlBody,
  renderLine,
  renderSms,
  renderText,
  smsInfo,
  TemplateError,
} from '../../src/domain/template.js';
import {
  DEFAULT_TEMPLATES,
  defaultTemplate,
  type InvitationFacts,
  invitationValues,
  letterParts,
} from '../../src/i18n/household/index.js';

const facts = (overrides: Partial<InvitationFacts> = {}): InvitationFacts => ({
  adults: [{ firstName: 'Kari' }, { firstName: 'Ola' }],
  event: {
    title: 'Fosterhjemskafé',
    date: '2027-01-19',
    startTime: '18:00',
    endTime: '20:00',
    food: true,
    registration: 'required',
    deadline: '2027-01-12',
    programme: [{ kind: 'talk', title: 'Tilknytning i hverdagen', minutes: 25, speaker: 'Anne' }],
  },
  venue: { name: 'Frivilligsentralen', addressLine: 'Torget 1', postcode: '1384', place: 'Asker' },
  hosts: ['Anne', 'Berit', 'Camilla'],
  note: 'Så fint om dere tar med Emma også!',
  answerUrl: 'https://landsby.asker.kommune.no/svar/AB12CD34EF',
  ...overrides,
});

describe('merge fields', () => {
  it('fills every field for a household, in bokmål', () => {
    const values = invitationValues(facts(), 'nb');
    expect(values).toMatchObject({
      fornavn: 'Kari og Ola',
      tittel: 'Fosterhjemskafé',
      dato: 'tirsdag 19. januar',
      tid: 'kl. 18.00–20.00',
      sted: 'Frivilligsentralen, Torget 1, 1384 Asker',
      vertskap: 'Anne, Berit og Camilla',
      personlig_hilsen: 'Så fint om dere tar med Emma også!',
      svarlenke: 'https://landsby.asker.kommune.no/svar/AB12CD34EF',
    });
    expect(values.påmelding).toBe(
      'Meld dere på innen tirsdag 12. januar, så vi vet hvor mye mat vi skal lage.',
    );
    expect(values.program).toContain('Tilknytning i hverdagen ved Anne (25 min)');
    expect(values.program).toContain('mat');
  });

  it('writes the date and names in each language', () => {
    expect(invitationValues(facts(), 'nn').dato).toBe('tysdag 19. januar');
    expect(invitationValues(facts(), 'en').dato).toBe('Tuesday 19 January');
    expect(invitationValues(facts(), 'en').fornavn).toBe('Kari and Ola');
    expect(invitationValues(facts(), 'ar').dato).toContain('19');
  });

  it('says nothing of registration when there is none', () => {
    const values = invitationValues(facts({ event: { ...facts().event, registration: 'none' } }), 'nb');
    expect(values.påmelding).toBe('');
  });

  it('renders subject and body; a paragraph that merges to nothing is left out', () => {
    const template = DEFAULT_TEMPLATES.nb;
    const values = invitationValues(facts({ note: null }), 'nb');
    expect(renderLine(template.subject, values)).toBe('Velkommen til Fosterhjemskafé tirsdag 19. januar');
    const text = renderText(template.body, values);
    expect(
      text.startsWith(
        'Hei Kari og Ola!\n\nVi inviterer til Fosterhjemskafé tirsdag 19. januar kl. 18.00–20.00',
      ),
    ).toBe(true);
    expect(text).not.toContain('{');
    expect(text).not.toMatch(/\n{3}/);
    expect(text.endsWith('Hilsen Anne, Berit og Camilla')).toBe(true);
    expect(renderText(template.body, invitationValues(facts(), 'nb'))).toContain(
      'Hei Kari og Ola!\n\nSå fint om dere tar med Emma også!',
    );
  });

  it('writes literal braces with {{ and }}, and leaves stray braces as text', () => {
    const values = invitationValues(facts(), 'nb');
    expect(renderLine('{{tittel}} er {tittel}', values)).toBe('{tittel} er Fosterhjemskafé');
    expect(renderLine('Smil :-} og { ', values)).toBe('Smil :-} og {');
  });

  it('accepts the fields in any case', () => {
    expect(fieldsOf('{Fornavn} {PÅMELDING}')).toEqual(['fornavn', 'påmelding']);
  });
});

describe('unknown merge fields', () => {
  it('are refused with the field and the known ones', () => {
    expect(() => parseTemplate('Hei {fornvan}!')).toThrow(TemplateError);
    try {
      checkTemplate({ subject: 'Hei', body: 'Hei {fornavn}, velkommen {kl}', sms: '{svarlenke}' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      const e = error as TemplateError;
      expect(e.code).toBe('template.unknown_field');
      expect(e.details).toEqual({ field: 'kl', known: [...MERGE_FIELDS], part: 'body' });
      expect(e.message).toContain('{kl}');
      expect(e.message).toContain('{fornavn}');
    }
  });

  it('the default templates use only known fields', () => {
    for (const template of Object.values(DEFAULT_TEMPLATES))
      expect(() => checkTemplate(template)).not.toThrow();
  });
});

describe('HTML e-mail', () => {
  it('escapes every merged value and links the answer page', () => {
    const values = invitationValues(
      facts({ note: '<script>alert("x")</script> & velkommen', adults: [{ firstName: 'Kari <b>' }] }),
      'nb',
    );
    const html = renderHtmlBody(DEFAULT_TEMPLATES.nb.body, values);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; velkommen');
    expect(html).toContain(
      '<a href="https://landsby.asker.kommune.no/svar/AB12CD34EF">https://landsby.asker.kommune.no/svar/AB12CD34EF</a>',
    );
  });

  it('does not make a link of an address that is not http(s)', () => {
    const values = invitationValues(facts({ answerUrl: 'javascript:alert(1)' }), 'nb');
    expect(renderHtmlBody('Svar: {svarlenke}', values)).toBe('<p>Svar: javascript:alert(1)</p>');
  });
});

describe('SMS', () => {
  const longFacts = facts({
    adults: [{ firstName: 'Marie-Louise' }, { firstName: 'Jan-Christian' }],
    hosts: ['Anne', 'Berit', 'Camilla'],
    answerUrl: 'https://landsby.baerum.kommune.no/svar/AB12CD34EF',
  });

  it('keeps the default bokmål, nynorsk and English SMS in one message of at most 160 characters', () => {
    const typical = facts();
    for (const language of ['nb', 'nn', 'en'] as const) {
      for (const f of [typical, longFacts]) {
        const sms = renderSms(DEFAULT_TEMPLATES[language].sms, invitationValues(f, language));
        expect(sms.length, `${language}: ${sms.text}`).toBeLessThanOrEqual(160);
        expect(sms.encoding).toBe('gsm7');
        expect(sms.parts).toBe(1);
        expect(sms.text).toContain(f.answerUrl);
      }
    }
    const nb = renderSms(DEFAULT_TEMPLATES.nb.sms, invitationValues(typical, 'nb'));
    expect(nb.text).toBe(
      'Hei Kari og Ola! Bli med på Fosterhjemskafé tirsdag 19. januar kl. 18-20. Svar: https://landsby.asker.kommune.no/svar/AB12CD34EF Hilsen Anne, Berit og Camilla',
    );
  });

  it('shortens the names before it goes over 160 characters', () => {
    const sms = renderSms(DEFAULT_TEMPLATES.nb.sms, invitationValues(longFacts, 'nb'));
    expect(sms.text.startsWith('Hei Marie-Louise og Jan-Christian! ')).toBe(true);
    expect(sms.text.endsWith('Hilsen Anne')).toBe(true);
  });

  it('keeps the Arabic SMS within 160 characters (UCS-2, so in more than one part)', () => {
    const sms = renderSms(DEFAULT_TEMPLATES.ar.sms, invitationValues(longFacts, 'ar'));
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(sms.encoding).toBe('ucs2');
    expect(sms.parts).toBeGreaterThan(1);
  });

  it('counts parts as the networks do', () => {
    expect(smsInfo('a'.repeat(160))).toEqual({ length: 160, encoding: 'gsm7', parts: 1, perPart: 160 });
    expect(smsInfo('a'.repeat(161))).toEqual({ length: 161, encoding: 'gsm7', parts: 2, perPart: 153 });
    expect(smsInfo('æøåÆØÅ').encoding).toBe('gsm7');
    expect(smsInfo('€'.repeat(80)).parts).toBe(1);
    expect(smsInfo('€'.repeat(81)).parts).toBe(2);
    expect(smsInfo('–')).toEqual({ length: 1, encoding: 'ucs2', parts: 1, perPart: 70 });
    expect(smsInfo('ش'.repeat(71)).parts).toBe(2);
  });
});

describe('language', () => {
  it("picks the household's preferred language that has a template, else bokmål", () => {
    const available = ['nb', 'nn', 'en', 'ar'];
    expect(chooseLanguage(['nn'], available)).toBe('nn');
    expect(chooseLanguage(['so', 'en'], available)).toBe('en');
    expect(chooseLanguage(['ar-SY'], available)).toBe('ar');
    expect(chooseLanguage(['so'], available)).toBe('nb');
    expect(chooseLanguage(['no'], available)).toBe('nb');
    expect(chooseLanguage([null, undefined], available)).toBe('nb');
    expect(chooseLanguage(['so'], [...available, 'so'])).toBe('so');
  });

  it('has default templates in bokmål, nynorsk, English, Arabic (right to left), Somali, Polish, Ukrainian and Tigrinya', () => {
    expect(defaultTemplate('nb')?.direction).toBe('ltr');
    expect(defaultTemplate('ar')?.direction).toBe('rtl');
    expect(defaultTemplate('en-GB')?.language).toBe('en');
    for (const language of ['so', 'pl', 'uk', 'ti'])
      expect(defaultTemplate(language)?.language).toBe(language);
    expect(defaultTemplate('fa')).toBeUndefined();
  });
});

describe('letter', () => {
  it('leaves out the link, the note and the signature paragraphs, which the letter prints itself', () => {
    const template = defaultTemplate('nb');
    if (!template) throw new Error('no nb');
    const values = invitationValues(facts(), 'nb');
    const parts = letterParts(template, values);
    expect(parts.paragraphs[0]).toBe('Hei Kari og Ola!');
    expect(parts.paragraphs.join('\n')).not.toContain('svar/');
    expect(parts.paragraphs.join('\n')).not.toContain('Emma');
    expect(parts.paragraphs.join('\n')).not.toContain('Hilsen');
    expect(parts.closing).toBe('Hilsen');
    expect(parts.facts).toEqual([
      { label: 'Når', value: 'tirsdag 19. januar kl. 18.00–20.00' },
      { label: 'Hvor', value: 'Frivilligsentralen, Torget 1, 1384 Asker' },
    ]);
  });
});
