import { describe, expect, it } from 'vitest';
import type { NoticeKind } from '../../src/domain/notices.js';
import { checkTemplate } from '../../src/domain/template.js';
import { fillNoticeFields, noticeText } from '../../src/i18n/household/index.js';

const KINDS: NoticeKind[] = [
  'coming',
  'waiting',
  'maybe',
  'not_coming',
  'promotion',
  'reminder',
  'reminder_first_time',
];

describe('the messages after an invitation', () => {
  for (const language of ['nb', 'nn', 'en', 'ar']) {
    it(`exist in ${language} for every kind, with only known merge fields`, () => {
      for (const kind of KINDS) {
        const { language: used, text } = noticeText(kind, language);
        expect(used).toBe(language);
        const fill = (s: string) => fillNoticeFields(s, { adults: 2, children: 1, place: 3 }, language);
        expect(() =>
          checkTemplate({ subject: fill(text.subject), body: fill(text.body), sms: fill(text.sms) }),
        ).not.toThrow();
      }
    });
  }

  it('fall back to bokmål for a language without notices', () => {
    expect(noticeText('reminder', 'fa').language).toBe('nb');
    expect(noticeText('reminder', 'so').language).toBe('so');
  });

  it('say the numbers, with the right word for one and many, and the place in line', () => {
    const { text } = noticeText('waiting', 'nb');
    expect(fillNoticeFields(text.body, { adults: 2, children: 1, place: 3 }, 'nb')).toContain('som nummer 3');
    const coming = (language: string, adults: number, children: number) =>
      fillNoticeFields(noticeText('coming', language).text.body, { adults, children, place: null }, language);
    expect(coming('nb', 1, 0)).toContain('dere kommer: 1 voksen og 0 barn.');
    expect(coming('nb', 2, 1)).toContain('dere kommer: 2 voksne og 1 barn.');
    expect(coming('en', 1, 1)).toContain('you are coming: 1 adult and 1 child.');
    expect(coming('en', 2, 3)).toContain('you are coming: 2 adults and 3 children.');
  });
});
