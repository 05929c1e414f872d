import type { Texts } from '../../../features/feedback/contract.js';

/** The next free id like q6 / o7 among `ids`. */
export function nextId(prefix: string, ids: string[]): string {
  const numbers = ids.map((id) => Number(id.slice(prefix.length))).filter(Number.isInteger);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}

/** A text in the UI's language, else in the form's first language that has one. */
export function textIn(text: Texts, language: string, languages: string[]): string {
  return (
    text[language] ?? languages.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? ''
  );
}
