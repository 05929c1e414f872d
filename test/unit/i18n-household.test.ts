import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS } from '../../src/domain/template.js';
import {
  DEFAULT_TEMPLATES,
  HOUSEHOLD_LANGUAGES,
  householdWords,
  MACHINE_TRANSLATED,
  noticeText,
} from '../../src/i18n/household/index.js';

/**
 * The words households read (src/i18n/household/<language>.ts): every language has every key
 * bokmål has, none empty, so a family reading Somali or Tigrinya never meets a hole or a
 * Norwegian word in the middle of its page, letter or reminder.
 */

/** Every key path and what is there: text, a function's name, or a nested object's keys. */
function paths(node: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) paths(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, node);
  }
  return into;
}

/** Parts a language may leave out (the type marks them optional; bokmål is used instead). */
const OPTIONAL = ['feedbackForm', 'confidentiality', 'agreementSigning', 'review'];
const required = (key: string) => !OPTIONAL.some((part) => key === part || key.startsWith(`${part}.`));

describe('household words', () => {
  const nb = paths(householdWords('nb'));

  it('come in the languages the demo families read: Somali, Polish, Ukrainian and Tigrinya too', () => {
    expect(HOUSEHOLD_LANGUAGES).toEqual(['nb', 'nn', 'en', 'ar', 'so', 'pl', 'uk', 'ti']);
    for (const language of HOUSEHOLD_LANGUAGES) expect(householdWords(language).language).toBe(language);
  });

  it('are one catalogue file per language, each of them in the registry', () => {
    const dir = fileURLToPath(new URL('../../src/i18n/household/', import.meta.url));
    const files = readdirSync(dir)
      .map((f) => /^([a-z]{2,3})\.ts$/.exec(f)?.[1])
      .filter((l): l is string => l !== undefined);
    expect([...files].sort()).toEqual([...HOUSEHOLD_LANGUAGES].sort());
  });

  it.each(HOUSEHOLD_LANGUAGES)('has every household-facing key of bokmål in %s, none empty', (language) => {
    const words = paths(householdWords(language));
    const missing = [...nb.keys()].filter((key) => required(key) && !words.has(key));
    const extra = [...words.keys()].filter((key) => required(key) && !nb.has(key));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    for (const [key, value] of words) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      else if (Array.isArray(value)) for (const text of value) expect(String(text).trim(), key).not.toBe('');
      else expect(typeof value, key).toBe('function');
    }
    // Optional parts, where a language has them, are whole.
    for (const part of ['feedbackForm', 'confidentiality', 'agreementSigning']) {
      const own = [...words.keys()].filter((k) => k.startsWith(`${part}.`));
      if (own.length > 0)
        expect(own.sort()).toEqual([...nb.keys()].filter((k) => k.startsWith(`${part}.`)).sort());
    }
  });

  it('uses only the merge fields a template has, and keeps {svarlenke} in every notice and invitation', () => {
    for (const language of HOUSEHOLD_LANGUAGES) {
      const texts = [
        DEFAULT_TEMPLATES[language],
        ...(['coming', 'maybe', 'not_coming', 'promotion', 'reminder', 'reminder_first_time'] as const).map(
          (kind) => noticeText(kind, language).text,
        ),
      ];
      for (const text of texts) {
        for (const part of [text.subject, text.body, text.sms]) {
          for (const [, field] of part.matchAll(/\{([^}]+)\}/g)) {
            expect([...MERGE_FIELDS, 'voksne', 'barn', 'plass'], `${language}: {${field}}`).toContain(field);
          }
        }
      }
      expect(DEFAULT_TEMPLATES[language].body, language).toContain('{svarlenke}');
      expect(DEFAULT_TEMPLATES[language].sms, language).toContain('{svarlenke}');
    }
  });

  it('marks the machine-made languages as awaiting a native speaker’s review', () => {
    expect(MACHINE_TRANSLATED).toEqual(['so', 'pl', 'uk', 'ti']);
  });

  it('counts persons in each language’s grammar', () => {
    expect(householdWords('pl').persons(2, 5)).toEqual({ adults: '2 osoby dorosłe', children: '5 dzieci' });
    expect(householdWords('pl').persons(1, 22)).toEqual({ adults: '1 osoba dorosła', children: '22 dzieci' });
    expect(householdWords('uk').persons(1, 3)).toEqual({ adults: '1 дорослий', children: '3 дитини' });
    expect(householdWords('uk').persons(2, 11)).toEqual({ adults: '2 дорослих', children: '11 дітей' });
  });
});
