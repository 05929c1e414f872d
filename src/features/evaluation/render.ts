import { staffText } from '../../i18n/staff.js';
import { csvDocument } from '../../server/csv.js';
import { countCell, type ProgrammeTable } from '../programmes/index.js';
import type { EvaluationResults, ProgrammeResults } from './contract.js';

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

const word = (key: string) => staffText('nb', `programmes.export.${key}`);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/**
 * The coordinator's pooled results as a table for .xlsx and CSV: hidden counts «under 5» as on
 * the page, no mean beside a hidden count, no change below the pairs' threshold.
 */
export function programmeResultsTable(results: ProgrammeResults): ProgrammeTable {
  return {
    title: word('evaluation'),
    header: [
      word('question'),
      word('beforeN'),
      word('beforeMean'),
      word('afterN'),
      word('afterMean'),
      word('pairs'),
      word('change'),
      word('low'),
      word('high'),
    ],
    rows: results.scales.map((s) => [
      s.text.nb,
      countCell(s.beforeN),
      round1(s.beforeMean),
      countCell(s.afterN),
      round1(s.afterMean),
      countCell(s.pairs),
      s.change === null ? word('tooFew') : round1(s.change),
      round1(s.low),
      round1(s.high),
    ]),
  };
}
