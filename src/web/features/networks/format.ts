import { intlLocale } from '../../shared/format.js';

/** 50000 øre → «kr 500» (whole kroner without decimals, as the payroll office writes them). */
export function kroner(ore: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'NOK',
    minimumFractionDigits: ore % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(ore / 100);
}

/** «1 250,50» or «1250.5» as typed → øre; undefined when it is no amount. */
export function oreOf(text: string): number | undefined {
  const cleaned = text.replace(/\s|kr|NOK/gi, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  const ore = Math.round(Number(cleaned) * 100);
  return ore > 0 ? ore : undefined;
}

/** «Ingrid Berg og Ola Hansen»: people as the language lists them. */
export function listOf(items: string[], language: string): string {
  return new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}
