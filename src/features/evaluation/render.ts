import { csvDocument } from '../../server/csv.js';
import type { EvaluationResults } from './contract.js';

const round2 = (n: number | null) => (n === null ? null : n.toFixed(2).replace('.', ','));

/** The results as CSV (semicolon, decimal comma, as Norwegian Excel reads them): aggregates only. */
export function resultsCsv(results: EvaluationResults, language: 'nb' | 'nn' | 'en'): string {
  return csvDocument(
    [
      'spørsmål',
      'svar_før',
      'snitt_før',
      'svar_etter',
      'snitt_etter',
      'par',
      'endring',
      'nedre_95',
      'øvre_95',
    ],
    results.scales.map((s) => [
      s.text[language],
      s.beforeN,
      round2(s.beforeMean),
      s.afterN,
      round2(s.afterMean),
      s.pairs,
      round2(s.change),
      round2(s.low),
      round2(s.high),
    ]),
  );
}
