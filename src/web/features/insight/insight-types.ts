export type { InsightFigures as Insight } from '../../../features/insight/contract.js';

export type Count = number | { under: number };
export interface Share {
  count: Count;
  of: Count;
  share: number | null;
  low: number | null;
  high: number | null;
}
export type Verdict = 'too_thin' | 'a_better' | 'b_better';
export interface Group {
  rows: { group: string; events: number; invited: Count; came: Share }[];
  comparison: { a: string; b: string; verdict: Verdict } | null;
}
