import { describe, expect, it } from 'vitest';
import { renderSms, smsInfo, templateSmsInfo } from '../../src/domain/template.js';
import { fillNoticeFields, invitationValues, noticeText } from '../../src/i18n/household/index.js';

describe('SMS segments as the template editor shows them', () => {
  it('counts GSM-7 at 160 characters, then 153 per segment', () => {
    expect(smsInfo('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', parts: 1, perPart: 160 });
    expect(smsInfo('a'.repeat(306))).toMatchObject({ encoding: 'gsm7', parts: 2, perPart: 153 });
    expect(smsInfo('a'.repeat(307))).toMatchObject({ encoding: 'gsm7', parts: 3, perPart: 153 });
  });

  it('counts a GSM-7 extension character (€ [ ] { } ~ ^ | \\) as two', () => {
    expect(smsInfo(`${'a'.repeat(158)}€`)).toMatchObject({ length: 159, parts: 1 });
    expect(smsInfo(`${'a'.repeat(159)}€`)).toMatchObject({ length: 160, encoding: 'gsm7', parts: 2 });
    expect(smsInfo('{'.repeat(80))).toMatchObject({ encoding: 'gsm7', parts: 1 });
    expect(smsInfo('{'.repeat(81))).toMatchObject({ encoding: 'gsm7', parts: 2 });
  });

  it('turns the whole text to UCS-2, 70 then 67 per segment, for one character outside GSM-7', () => {
    expect(smsInfo('ش'.repeat(70))).toMatchObject({ encoding: 'ucs2', parts: 1, perPart: 70 });
    expect(smsInfo('ش'.repeat(134))).toMatchObject({ encoding: 'ucs2', parts: 2, perPart: 67 });
    expect(smsInfo(`${'a'.repeat(100)}ł`)).toMatchObject({ encoding: 'ucs2', parts: 2 });
  });

  it('counts the template as it will be sent: Norwegian typography stays in GSM-7', () => {
    expect(templateSmsInfo('Hei {fornavn}! Kafé «i kveld» kl. 18–20 …')).toMatchObject({
      encoding: 'gsm7',
      parts: 1,
    });
    expect(templateSmsInfo('مرحباً {fornavn}!').encoding).toBe('ucs2');
  });
});

describe('the default confirmation SMS', () => {
  const facts = {
    adults: [{ firstName: 'Kari' }, { firstName: 'Ola' }],
    event: {
      title: 'Fosterhjemskafé',
      date: '2027-01-19',
      startTime: '18:00',
      endTime: '20:00',
      programme: [],
      food: true,
      registration: 'optional' as const,
      deadline: null,
    },
    venue: { name: 'Frivilligsentralen', addressLine: 'Torget 1', postcode: '7550', place: 'Hommelvik' },
    hosts: ['Anne', 'Berit'],
    note: null,
    // An answer link as long as a real one: a municipality's address and a 22-character token.
    answerUrl: 'https://landsby.malvik.kommune.no/svar/AB12CD34EFGH56IJ78KL90',
  };

  it('fits in one SMS in bokmål, with both adults greeted, the time and who is coming', () => {
    const { text } = noticeText('coming', 'nb');
    const sms = renderSms(fillNoticeFields(text.sms, { adults: 2, children: 3, place: null }, 'nb'), {
      ...invitationValues(facts, 'nb'),
    });
    expect(sms).toMatchObject({ encoding: 'gsm7', parts: 1 });
    expect(sms.text).toBe(
      'Takk, Kari og Ola! Vi ses tirsdag 19. januar kl. 18-20, 2 voksne og 3 barn. Endre: https://landsby.malvik.kommune.no/svar/AB12CD34EFGH56IJ78KL90',
    );
  });

  it('fits in one SMS in nynorsk and English too', () => {
    for (const language of ['nn', 'en']) {
      const { text } = noticeText('coming', language);
      const sms = renderSms(
        fillNoticeFields(text.sms, { adults: 2, children: 3, place: null }, language),
        invitationValues(facts, language),
      );
      expect(sms.parts, sms.text).toBe(1);
    }
  });
});
