/**
 * How long each kind of personal data is kept (SPEC, Cross-cutting: "retention and deletion
 * rules"). A municipality sets each period in whole months within the bounds below; the daily
 * retention run removes or anonymises what has passed it. docs/operations.md gives the reason
 * for every default and bound.
 */

export const RETENTION_KINDS = [
  /** Answers and messages of events that have ended: anonymised (counts stay for the figures). */
  'answers',
  /** Feedback responses to events: deleted. */
  'feedback',
  /** Uploaded registry import files (their name, columns and the import's record): deleted. */
  'import_files',
  /** The free-text notes of welcome calls and network contacts: removed (the outcome stays). */
  'call_notes',
  /** Households archived this long ago, every placement ended: erased, placements kept nameless. */
  'archived_households',
  /** The audit log's entries: deleted. */
  'audit_log',
  /** Family-home candidates who stopped and resource-family candidates who declined: deleted. */
  'stopped_candidates',
  /** The staff-only notes of supervision talks: removed (the talk and who took part stay). */
  'supervision_notes',
  /** The notes of a family home's follow-up log: removed (the date and the kind stay). */
  'follow_up_notes',
  /** The evaluation answers of En god start cohorts that have finished: deleted. */
  'evaluation_answers',
  /** Who was checked in at events that have ended: deleted (no count is kept elsewhere). */
  'attendance',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionPeriods = Record<RetentionKind, number>;

export interface RetentionBound {
  /** The default period in months. */
  default: number;
  min: number;
  max: number;
}

export const RETENTION_BOUNDS: Record<RetentionKind, RetentionBound> = {
  answers: { default: 24, min: 3, max: 60 },
  feedback: { default: 24, min: 3, max: 60 },
  import_files: { default: 1, min: 1, max: 12 },
  call_notes: { default: 24, min: 6, max: 60 },
  archived_households: { default: 36, min: 12, max: 120 },
  // The audit log answers for what was done with the data after the data is gone: kept at least
  // five years, longer than anything it records may be kept.
  audit_log: { default: 60, min: 60, max: 120 },
  stopped_candidates: { default: 12, min: 3, max: 36 },
  supervision_notes: { default: 24, min: 6, max: 60 },
  follow_up_notes: { default: 24, min: 6, max: 60 },
  evaluation_answers: { default: 36, min: 12, max: 120 },
  attendance: { default: 60, min: 24, max: 120 },
};

export const DEFAULT_RETENTION: RetentionPeriods = Object.fromEntries(
  RETENTION_KINDS.map((kind) => [kind, RETENTION_BOUNDS[kind].default]),
) as RetentionPeriods;

/** The periods outside their bounds, as the fields the API and the page mark. */
export function checkRetention(periods: RetentionPeriods): { field: string; rule: string }[] {
  return RETENTION_KINDS.flatMap((kind) => {
    const value = periods[kind];
    const { min, max } = RETENTION_BOUNDS[kind];
    if (!Number.isInteger(value) || value < min) return [{ field: kind, rule: 'min' }];
    if (value > max) return [{ field: kind, rule: 'max' }];
    return [];
  });
}

/**
 * The instant before which a kind's data has passed its period: `months` calendar months before
 * `now` (the last day of a shorter month when the day does not exist in it, e.g. 31 March → 28/29
 * February).
 */
export function cutOff(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

/** Every kind's cut-off for the municipality's periods. */
export function cutOffs(now: Date, periods: RetentionPeriods): Record<RetentionKind, Date> {
  return Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, cutOff(now, periods[kind])])) as Record<
    RetentionKind,
    Date
  >;
}
