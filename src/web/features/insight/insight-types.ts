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
export interface Insight {
  from: string;
  to: string;
  hidden: boolean;
  events: number;
  attendance: {
    date: string;
    title: string;
    venue: string | null;
    invited: Count;
    coming: Count;
    came: Count;
    firstTimers: Count;
  }[];
  returners: {
    rows: { date: string; title: string; firstTimers: Count; cameAgain: Count; medianDays: number | null }[];
    total: { cameAgain: Share; medianDays: number | null };
  };
  everCame: Share;
  channels: {
    rows: { channel: string; answered: Share; came: Share }[];
    comparisons: { a: string; b: string; measure: 'answered' | 'came'; verdict: Verdict }[];
  };
  deadline: Group;
  venues: Group;
  weekdays: Group;
  travel: Group;
  feedback: { rows: { date: string; title: string; responses: Count; mean: number | null }[] };
  topics: { rows: { topic: string; count: Count }[] };
}
