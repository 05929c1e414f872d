/**
 * Invitation templates (SPEC section 2, "Personal invitation"): text with merge fields such as
 * {fornavn}, one template per language, rendered for each household as an e-mail (text and
 * HTML), an SMS and a letter.
 * Pure: no database, no clock.
 *
 * Syntax: `{field}` is replaced by the field's value; `{{` and `}}` write a literal brace. A field
 * that is not one of MERGE_FIELDS is an error (TemplateError, code template.unknown_field), so a
 * typo is caught when the team saves the template, not when a household reads "{fornvan}".
 * A paragraph (text between blank lines) that merges to nothing — e.g. {personlig_hilsen} for a
 * household with no note — is left out.
 */

export const MERGE_FIELDS = [
  'fornavn',
  'tittel',
  'dato',
  'tid',
  'sted',
  'program',
  'påmelding',
  'vertskap',
  'personlig_hilsen',
  'svarlenke',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

export type Direction = 'ltr' | 'rtl';

/** The parts of a template the team writes. */
export interface TemplateText {
  subject: string;
  /** E-mail and letter body: paragraphs separated by a blank line. */
  body: string;
  /** The SMS: short, with {svarlenke}. */
  sms: string;
}

export interface InvitationTemplate extends TemplateText {
  language: string;
  direction: Direction;
}

export class TemplateError extends Error {
  readonly code = 'template.unknown_field';
  constructor(
    readonly field: string,
    readonly part?: keyof TemplateText,
  ) {
    super(`Unknown merge field {${field}}; known fields: ${MERGE_FIELDS.map((f) => `{${f}}`).join(', ')}`);
    this.name = 'TemplateError';
  }
  get details() {
    return { field: this.field, known: [...MERGE_FIELDS], ...(this.part ? { part: this.part } : {}) };
  }
}

export type TemplatePart = { text: string } | { field: MergeField };

const isField = (name: string): name is MergeField => (MERGE_FIELDS as readonly string[]).includes(name);

/** Splits a template into text and fields; throws TemplateError at the first unknown field. */
export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if ((ch === '{' || ch === '}') && source[i + 1] === ch) {
      text += ch;
      i += 2;
      continue;
    }
    if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      const name = end === -1 ? '' : source.slice(i + 1, end).trim();
      // A brace with a name-like word inside is meant as a field; anything else is plain text.
      if (end !== -1 && /^[\p{L}\p{N}_ -]{1,40}$/u.test(name)) {
        const key = name.normalize('NFC').toLowerCase();
        if (!isField(key)) throw new TemplateError(name);
        if (text) parts.push({ text });
        text = '';
        parts.push({ field: key });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  if (text) parts.push({ text });
  return parts;
}

/** The fields a template uses, in order of first use. */
export function fieldsOf(source: string): MergeField[] {
  const fields = parseTemplate(source).flatMap((p) => ('field' in p ? [p.field] : []));
  return [...new Set(fields)];
}

/** Checks every part of a template; throws TemplateError naming the part. */
export function checkTemplate(template: TemplateText): void {
  for (const part of ['subject', 'body', 'sms'] as const) {
    try {
      parseTemplate(template[part]);
    } catch (error) {
      if (error instanceof TemplateError) throw new TemplateError(error.field, part);
      throw error;
    }
  }
}

function merge(parts: TemplatePart[], values: MergeValues, encode: (value: string) => string = (v) => v) {
  return parts.map((p) => ('field' in p ? encode(values[p.field]) : p.text)).join('');
}

/** One line of text (subject, SMS): fields replaced, whitespace tidied. */
export function renderLine(source: string, values: MergeValues): string {
  return merge(parseTemplate(source), values).replace(/\s+/g, ' ').trim();
}

/**
 * The body's paragraphs, merged. Paragraphs that are empty after merging are dropped; `omit`
 * drops paragraphs that use any of those fields (a letter prints the answer link and the
 * personal note in its own places).
 */
export function renderParagraphs(source: string, values: MergeValues, omit: MergeField[] = []): string[] {
  return source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .flatMap((paragraph) => {
      const parts = parseTemplate(paragraph);
      if (parts.some((p) => 'field' in p && omit.includes(p.field))) return [];
      const text = merge(parts, values)
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
      return text === '' ? [] : [text];
    });
}

export function renderText(source: string, values: MergeValues): string {
  return renderParagraphs(source, values).join('\n\n');
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The body as HTML paragraphs: the template's own text and every merged value escaped, the
 * answer link made a link (only an http(s) address is).
 */
export function renderHtmlBody(source: string, values: MergeValues): string {
  const marker = '\u0000svarlenke\u0000';
  const paragraphs = renderParagraphs(source, { ...values, svarlenke: values.svarlenke ? marker : '' });
  const link = /^https?:\/\//i.test(values.svarlenke)
    ? `<a href="${escapeHtml(values.svarlenke)}">${escapeHtml(values.svarlenke)}</a>`
    : escapeHtml(values.svarlenke);
  return paragraphs
    .map((p) => `<p>${escapeHtml(p).split(marker).join(link).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

// --- SMS --------------------------------------------------------------------------------------------

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

/** Typography that has a plain GSM twin, so a Norwegian SMS stays in the 160-character alphabet. */
function gsmFriendly(text: string): string {
  return text
    .replace(/[–—]/g, '-')
    .replace(/[‘’‚]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/…/g, '...')
    .replace(/\u00a0/g, ' ');
}

export interface SmsInfo {
  /** Characters as the user counts them. */
  length: number;
  /** GSM-7 while every character is in the GSM alphabet; one character outside it makes all UCS-2. */
  encoding: 'gsm7' | 'ucs2';
  /** How many SMS (segments) the provider sends (and bills). */
  parts: number;
  /** Characters each segment holds: 160/153 in GSM-7, 70/67 in UCS-2 (a long SMS spends some on joining). */
  perPart: number;
}

/** Segments as the networks count them: GSM-7 extension characters (€ [ ] { } …) take two places. */
export function smsInfo(text: string): SmsInfo {
  const chars = [...text];
  const gsm = chars.every((c) => GSM_BASIC.includes(c) || GSM_EXTENDED.includes(c));
  const [size, single, multi] = gsm
    ? [chars.reduce((n, c) => n + (GSM_EXTENDED.includes(c) ? 2 : 1), 0), 160, 153]
    : [text.length, 70, 67]; // UCS-2: UTF-16 code units
  const parts = size <= single ? 1 : Math.ceil(size / multi);
  return {
    length: chars.length,
    encoding: gsm ? 'gsm7' : 'ucs2',
    parts,
    perPart: parts === 1 ? single : multi,
  };
}

/** The SMS part of a template as the team writes it, counted as it will be sent (typography made GSM). */
export function templateSmsInfo(source: string): SmsInfo {
  return smsInfo(gsmFriendly(source.replace(/\s+/g, ' ').trim()));
}

/** Whole hours without minutes: "kl. 18.00–20.00" → "kl. 18–20". */
const compactTime = (tid: string) => tid.replace(/\b(\d{1,2})[.:]00\b/g, '$1');

/**
 * The SMS, kept to one message where it can be: the time is written short, and if the text is
 * still longer than 160 characters, the signature names only the first host, then the greeting
 * only the first adult, then the date leaves out the weekday.
 */
export function renderSms(source: string, values: MergeValues, max = 160): { text: string } & SmsInfo {
  const first = (list: string) => list.split(/,| og | and | و /)[0]?.trim() ?? list;
  const steps: ((v: MergeValues) => MergeValues)[] = [
    (v) => ({ ...v, tid: compactTime(v.tid) }),
    (v) => ({ ...v, vertskap: first(v.vertskap) }),
    (v) => ({ ...v, fornavn: first(v.fornavn) }),
    (v) => ({ ...v, dato: v.dato.replace(/^[^\s\d]+,?\s+/u, '') }),
  ];
  let current = values;
  let result: { text: string } & SmsInfo = { text: '', length: 0, encoding: 'gsm7', parts: 0, perPart: 160 };
  for (const step of steps) {
    current = step(current);
    const text = gsmFriendly(renderLine(source, current));
    result = { text, ...smsInfo(text) };
    if (result.length <= max) break;
  }
  return result;
}

// --- Languages ------------------------------------------------------------------------------------------

const RTL = new Set(['ar', 'fa', 'prs', 'ur', 'ps', 'ckb', 'he', 'yi', 'dv']);

/** 'nb-NO' → 'nb'; 'no' → 'nb'. */
export function baseLanguage(language: string): string {
  const base = language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return base === 'no' ? 'nb' : base;
}

export function directionOf(language: string): Direction {
  return RTL.has(baseLanguage(language)) ? 'rtl' : 'ltr';
}

/**
 * The template language for a household: the first of its adults' preferred languages that has
 * a template, else bokmål.
 */
export function chooseLanguage(
  preferred: readonly (string | null | undefined)[],
  available: Iterable<string>,
) {
  const have = new Set([...available].map(baseLanguage));
  for (const language of preferred) {
    if (!language) continue;
    const base = baseLanguage(language);
    if (have.has(base)) return base;
  }
  return 'nb';
}
