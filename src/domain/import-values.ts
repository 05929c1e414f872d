import type { EndReason, HouseholdInput } from './household.js';

// The values of a case-management system's export as the registry reads them: Norwegian dates
// (31.12.2025), kinds and relations in the office's words ("Beredskapshjem"), language names and
// channel lists ("e-post og SMS"). Pure: the import's mapping (import-mapping.ts) uses them.

const pad = (n: string) => n.padStart(2, '0');

/**
 * A day as YYYY-MM-DD from 31.12.2025, 31/12/2025, 1.2.2025, 2025-12-31 or 2025-12-31T00:00;
 * anything else comes back as typed, so the registry's check names it an invalid date.
 */
export function parseDay(text: string): string | null {
  const value = text.trim().replace(/\s+(kl\.?\s*)?\d{1,2}[:.]\d{2}([:.]\d{2})?$/, '');
  if (!value) return null;
  const norwegian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (norwegian) return `${norwegian[3]}-${pad(norwegian[2] as string)}-${pad(norwegian[1] as string)}`;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(value);
  if (iso) return `${iso[1]}-${pad(iso[2] as string)}-${pad(iso[3] as string)}`;
  return value;
}

export function parseKind(text: string): HouseholdInput['kind'] | null {
  const value = text.trim().toLowerCase();
  if (/beredskap|emergency/.test(value)) return 'emergency';
  if (/familiehjem|family.?home/.test(value)) return 'family_home';
  if (/ressurs|resource/.test(value)) return 'resource_family';
  if (/foster/.test(value)) return 'foster';
  return null;
}

export function parseRelation(text: string): HouseholdInput['relation'] | null {
  const value = text.trim().toLowerCase();
  if (/tilsyn|oversight|supervis/.test(value)) return 'oversight';
  if (/omsorg|care/.test(value)) return 'care';
  return null;
}

export function parseEndReason(text: string): EndReason | null | undefined {
  const value = text.trim().toLowerCase();
  if (!value) return undefined;
  if (/ikke.?planlagt|uplanlagt|unplanned|not planned|brudd|akutt/.test(value)) return 'unplanned';
  if (/planlagt|planned/.test(value)) return 'planned';
  return null;
}

/** Minutes from "45", "45 min" or "1:15"; null when it is none of them. */
export function parseMinutes(text: string): number | null {
  const value = text.trim().toLowerCase();
  const minutes = /^(\d{1,4})(?:[.,]0+)?\s*(min|minutt|minutter|minutes|m)?$/.exec(value);
  if (minutes) return Number(minutes[1]);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  return null;
}

/** Four digits: "372" (a spreadsheet dropped the leading zero) becomes "0372", "NO-0150" becomes "0150". */
export function parsePostcode(text: string): string {
  const value = text.trim();
  if (/^\d{3}$/.test(value)) return `0${value}`;
  const digits = value.replace(/^(no|nor)[\s-]*/i, '');
  return /^\d{4}$/.test(digits) ? digits : value;
}

const LANGUAGE_NAMES: Record<string, string> = {
  norsk: 'nb',
  bokmål: 'nb',
  bokmal: 'nb',
  norwegian: 'nb',
  nynorsk: 'nn',
  samisk: 'se',
  nordsamisk: 'se',
  sami: 'se',
  engelsk: 'en',
  english: 'en',
  arabisk: 'ar',
  arabic: 'ar',
  somali: 'so',
  somalisk: 'so',
  polsk: 'pl',
  polish: 'pl',
  tigrinja: 'ti',
  tigrinya: 'ti',
  ukrainsk: 'uk',
  ukrainian: 'uk',
  russisk: 'ru',
  russian: 'ru',
  persisk: 'fa',
  farsi: 'fa',
  dari: 'prs',
  pashto: 'ps',
  urdu: 'ur',
  kurdisk: 'ku',
  kurdish: 'ku',
  tyrkisk: 'tr',
  turkish: 'tr',
  litauisk: 'lt',
  lithuanian: 'lt',
  svensk: 'sv',
  swedish: 'sv',
  dansk: 'da',
  danish: 'da',
  tysk: 'de',
  german: 'de',
  fransk: 'fr',
  french: 'fr',
  spansk: 'es',
  spanish: 'es',
  thai: 'th',
  vietnamesisk: 'vi',
  vietnamese: 'vi',
  tamil: 'ta',
  amharisk: 'am',
  amharic: 'am',
  rumensk: 'ro',
  romanian: 'ro',
  finsk: 'fi',
  finnish: 'fi',
  kvensk: 'fkv',
};

/** A language code from a name ("norsk", "Arabisk") or a code ("AR", "nb-NO" → "nb"). */
export function parseLanguage(text: string): string {
  const value = text.trim().toLowerCase();
  const named = LANGUAGE_NAMES[value];
  if (named) return named;
  const code = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})?$/.exec(value);
  return code ? (code[1] as string) : value;
}

const CHANNEL_WORDS: [RegExp, NonNullable<HouseholdInput['adults'][number]['preferredChannels']>[number]][] =
  [
    [/^(digital ?post|digipost|e-?boks|digital mail|digital_mail)$/, 'digital_mail'],
    [/^(e-?post|e-?mail|mail)$/, 'email'],
    [/^(sms|tekstmelding|text|mobil)$/, 'sms'],
    [/^(brev|post|letter|papir)$/, 'letter'],
  ];

/** Channels from "e-post, SMS", "SMS og brev"; null when a word is none of them. */
export function parseChannels(text: string): HouseholdInput['adults'][number]['preferredChannels'] {
  const words = text
    .toLowerCase()
    .split(/[,;/+&|]|\s+og\s+|\s+and\s+/)
    .map((word) => word.trim())
    .filter(Boolean);
  const channels: NonNullable<HouseholdInput['adults'][number]['preferredChannels']> = [];
  for (const word of words) {
    const channel = CHANNEL_WORDS.find(([pattern]) => pattern.test(word))?.[1];
    if (!channel) return null;
    if (!channels.includes(channel)) channels.push(channel);
  }
  return channels;
}
