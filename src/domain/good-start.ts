/**
 * En god start (SPEC section 4, seed 002): the six sessions of a cohort and the arithmetic of its
 * before/after evaluation. Pure: shared by the API and the web app.
 */

/** The six fixed themes, in order: 1 the new family … 6 the new family, evaluation and the road ahead. */
export const THEMES = [1, 2, 3, 4, 5, 6] as const;
export type Theme = (typeof THEMES)[number];

/** The event title of a session (bokmål: what an invitation says), by theme. */
export const THEME_TITLES: Record<Theme, string> = {
  1: 'Den nye familien',
  2: 'Samarbeid med barnets familie',
  3: 'Tilknytning og tilhørighet',
  4: 'Avvisning',
  5: 'Følelsesregulering',
  6: 'Den nye familien, evaluering og veien videre',
};

export const sessionTitle = (theme: Theme) => `En god start ${theme}: ${THEME_TITLES[theme]}`;

/** The questionnaire is answered before the first session and after the last. */
export const ROUNDS = ['before', 'after'] as const;
export type Round = (typeof ROUNDS)[number];

export const QUESTION_TYPES = ['scale', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One question in nb, nn and en (the languages the tool is written in; others read bokmål). */
export interface Question {
  id: string;
  type: QuestionType;
  text: { nb: string; nn: string; en: string };
}

/** What the tool starts from until the team edits it: the seed's goals, a robust foster home. */
export const DEFAULT_QUESTIONS: Question[] = [
  {
    id: 'prepared',
    type: 'scale',
    text: {
      nb: 'Jeg føler meg forberedt på hverdagen som fosterforelder.',
      nn: 'Eg kjenner meg førebudd på kvardagen som fosterforelder.',
      en: 'I feel prepared for everyday life as a foster parent.',
    },
  },
  {
    id: 'attachment',
    type: 'scale',
    text: {
      nb: 'Jeg vet hvordan jeg kan hjelpe barnet å knytte seg til oss.',
      nn: 'Eg veit korleis eg kan hjelpe barnet å knyte seg til oss.',
      en: 'I know how to help the child form an attachment to us.',
    },
  },
  {
    id: 'cooperation',
    type: 'scale',
    text: {
      nb: 'Jeg er trygg i samarbeidet med barnets familie.',
      nn: 'Eg er trygg i samarbeidet med familien til barnet.',
      en: "I feel confident cooperating with the child's family.",
    },
  },
  {
    id: 'support',
    type: 'scale',
    text: {
      nb: 'Jeg vet hvor jeg kan få hjelp når det blir vanskelig.',
      nn: 'Eg veit kvar eg kan få hjelp når det blir vanskeleg.',
      en: 'I know where to get help when things get hard.',
    },
  },
  {
    id: 'comment',
    type: 'text',
    text: {
      nb: 'Er det noe annet du vil fortelle oss?',
      nn: 'Er det noko anna du vil fortelje oss?',
      en: 'Is there anything else you would like to tell us?',
    },
  },
];

/** Under this many households who answered both rounds, a change is "too few answers to tell". */
export const MIN_PAIRS = 5;

/** The 0.975 quantile of Student's t for 1–30 degrees of freedom; beyond, the values below. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t975(df: number): number {
  if (df < 1) throw new RangeError(`t975: need at least 1 degree of freedom, got ${df}`);
  if (df <= 30) return T975[df - 1] as number;
  if (df <= 40) return 2.021;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
}

export interface Change {
  pairs: number;
  /** the mean of after − before over the pairs; null under MIN_PAIRS */
  mean: number | null;
  /** the 95 % t interval of the mean change; null under MIN_PAIRS */
  low: number | null;
  high: number | null;
}

/**
 * The mean paired change with its 95 % t interval (honest for the few pairs a cohort has). Under
 * MIN_PAIRS pairs it says nothing: the figures are null.
 */
export function pairedChange(pairs: number, mean: number | null, sd: number | null): Change {
  if (pairs < MIN_PAIRS || mean === null) return { pairs, mean: null, low: null, high: null };
  const half = t975(pairs - 1) * ((sd ?? 0) / Math.sqrt(pairs));
  return { pairs, mean, low: mean - half, high: mean + half };
}
