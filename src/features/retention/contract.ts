import { type Static, Type } from '@sinclair/typebox';

// Bounds are checked by the service (domain/retention.ts checkRetention), so every field out of
// bounds is named at once with the stable code retention.out_of_bounds.
const Months = Type.Integer({ minimum: 0, maximum: 1200, description: 'months' });

/** How many months each kind of personal data is kept. */
export const RetentionPeriods = Type.Object({
  answers: Months,
  feedback: Months,
  import_files: Months,
  call_notes: Months,
  archived_households: Months,
  audit_log: Months,
  stopped_candidates: Months,
  supervision_notes: Months,
  follow_up_notes: Months,
  evaluation_answers: Months,
  attendance: Months,
});
export type RetentionPeriods = Static<typeof RetentionPeriods>;

const Bound = Type.Object({ default: Type.Integer(), min: Type.Integer(), max: Type.Integer() });

/** The municipality's periods and the bounds it may set them within. */
export const RetentionSettings = Type.Object({
  periods: RetentionPeriods,
  bounds: Type.Object({
    answers: Bound,
    feedback: Bound,
    import_files: Bound,
    call_notes: Bound,
    archived_households: Bound,
    audit_log: Bound,
    stopped_candidates: Bound,
    supervision_notes: Bound,
    follow_up_notes: Bound,
    evaluation_answers: Bound,
    attendance: Bound,
  }),
});
export type RetentionSettings = Static<typeof RetentionSettings>;

const Passed = Type.Object({
  /** What passed before this instant. */
  before: Type.String({ format: 'date-time' }),
  /** How many the next run removes or anonymises: a count, never who. */
  count: Type.Integer(),
});

/** What the next run would remove now, per kind. */
export const RetentionPreview = Type.Object({
  answers: Passed,
  feedback: Passed,
  import_files: Passed,
  call_notes: Passed,
  archived_households: Passed,
  audit_log: Passed,
  stopped_candidates: Passed,
  supervision_notes: Passed,
  follow_up_notes: Passed,
  evaluation_answers: Passed,
  attendance: Passed,
});
export type RetentionPreview = Static<typeof RetentionPreview>;
