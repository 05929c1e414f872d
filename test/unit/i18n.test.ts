import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/roles.js';
import { AREAS } from '../../src/web/app/navigation.js';

/**
 * The message catalogues (src/i18n/*.json) are shared by the web app and the server (which
 * reads `errors`). Every key must exist in all three languages with a non-empty text, and every
 * key the web app uses must exist.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const LANGUAGES = ['nb', 'nn', 'en'] as const;
type Catalogue = Record<string, unknown>;

const catalogues = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(join(root, 'src/i18n', `${language}.json`), 'utf8')) as Catalogue,
  ]),
) as Record<(typeof LANGUAGES)[number], Catalogue>;

/** 'a.b.c' → text; the flat keys under `errors` (e.g. 'auth.locked') come out as 'errors.auth.locked'. */
function flatten(node: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, node);
  }
  return into;
}

const flat = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(catalogues[language])]),
) as Record<(typeof LANGUAGES)[number], Map<string, unknown>>;

const nb = flat.nb;

/** A key the app may ask for: a text, or a plural family (key_one, key_other). */
const hasKey = (key: string) => typeof nb.get(key) === 'string' || typeof nb.get(`${key}_other`) === 'string';

const hasSection = (prefix: string) => [...nb.keys()].some((key) => key.startsWith(`${prefix}.`));

const placeholders = (text: unknown) =>
  [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const ERROR_CODES = [
  'not_found',
  'internal',
  'validation.invalid',
  'request.too_large',
  'request.malformed',
  'request.unsupported_media_type',
  'rate_limited',
  'auth.required',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.locked',
  'auth.csrf',
  'auth.token_invalid',
  'auth.session_expired',
  'auth.oidc_failed',
  'auth.oidc_no_account',
  'auth.inactive',
  'users.email_taken',
  'users.cannot_change_self',
  'users.unknown_role',
  ...serverErrorCodes(),
];

/** Every code the server throws (`new AppError('code', …)`), so a new one cannot lack its message. */
function serverErrorCodes(): string[] {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'web') walk(path);
      } else if (entry.name.endsWith('.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/new AppError\(\s*'([a-z_.]+)'/g))
          codes.add(match[1] as string);
      }
    }
  };
  walk(join(root, 'src'));
  return [...codes];
}

const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'login',
  'login_failed',
  'logout',
  'export',
  'password_reset',
  'invite',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Every `t('…')`, `t("…")` and `` t(`…`) `` in the web app; template keys come back with their placeholders. */
function usedKeys(): { file: string; key: string }[] {
  const call = /(?<![\w$])t\(\s*(['"`])((?:(?!\1).)+)\1/g;
  return sourceFiles(join(root, 'src/web')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(call)].map((match) => ({
      file: file.slice(root.length),
      key: match[2] ?? '',
    })),
  );
}

describe('message catalogues', () => {
  for (const language of LANGUAGES) {
    for (const other of LANGUAGES) {
      if (language === other) continue;
      it(`${other} has every key of ${language}`, () => {
        const missing = [...flat[language].keys()].filter((key) => !flat[other].has(key));
        expect(missing, `missing in ${other}.json`).toEqual([]);
      });
    }

    it(`${language} has no empty or non-text values`, () => {
      const bad = [...flat[language]].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => key)).toEqual([]);
    });

    it(`${language} uses the same {{placeholders}} as nb`, () => {
      const differing = [...nb]
        .filter(([key]) => flat[language].has(key))
        .filter(([key, text]) => placeholders(text).join() !== placeholders(flat[language].get(key)).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    it(`${language} has a flat "errors" entry for every API error code`, () => {
      const errors = catalogues[language].errors as Record<string, unknown>;
      const missing = ERROR_CODES.filter((code) => typeof errors[code] !== 'string' || !errors[code]);
      expect(missing).toEqual([]);
    });
  }
});

describe('keys used by the web app', () => {
  const used = usedKeys();

  it('finds the t() calls (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(100);
  });

  it('every literal t() key exists in nb', () => {
    const missing = used.filter(({ key }) => !key.includes('${') && !hasKey(key));
    expect(missing).toEqual([]);
  });

  it('every template key t(`prefix.…`) names a section that exists in nb', () => {
    const missing = used
      .filter(({ key }) => key.includes('${'))
      .map(({ file, key }) => ({ file, prefix: key.slice(0, key.indexOf('${')).replace(/\.$/, '') }))
      .filter(({ prefix }) => !hasSection(prefix));
    expect(missing).toEqual([]);
  });

  it('has the keys built from data: roles, areas, languages, audit actions', () => {
    const expected = [
      ...ROLES.map((role) => `roles.${role}`),
      ...AREAS.map((area) => `nav.${area.key}`),
      ...AREAS.filter((area) => area.key !== 'home').map((area) => `home.cards.${area.key}`),
      ...LANGUAGES.map((language) => `language.${language}`),
      ...AUDIT_ACTIONS.map((action) => `audit.actions.${action}`),
    ];
    expect(expected.filter((key) => !hasKey(key))).toEqual([]);
  });
});
