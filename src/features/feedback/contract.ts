import { type Static, Type } from '@sinclair/typebox';
import {
  EVALUATION_MAX,
  FORM_LANGUAGES,
  FORM_TEXT_MAX,
  QUESTION_TYPES,
  type QuestionType,
} from '../../domain/feedback.js';
import { Instant, Int, literals, Nullable, Uuid } from '../../server/schemas.js';

/**
 * The shapes of a café's feedback: questions and their options (their types, languages and limits
 * are domain/feedback.ts); the API's request and response schemas below them.
 */

/** A text in each of the form's languages: { nb: '…', en: '…' }. */
export type Texts = Partial<Record<string, string>>;

export interface FeedbackOption {
  id: string;
  text: Texts;
}

export interface FeedbackQuestion {
  id: string;
  type: QuestionType;
  text: Texts;
  /** single, multiple and topics only. */
  options?: FeedbackOption[];
}

const Id = Type.String({ pattern: '^[a-z0-9_-]{1,24}$' });
const Language = literals(FORM_LANGUAGES);
/** A text in each language the public page speaks; the service checks the form's languages have one. */
const Text = Type.Optional(Type.String({ maxLength: FORM_TEXT_MAX }));
export const FormTexts = Type.Object(
  Object.fromEntries(FORM_LANGUAGES.map((language) => [language, Text])) as Record<
    (typeof FORM_LANGUAGES)[number],
    typeof Text
  >,
  { additionalProperties: false },
);
export const FormOption = Type.Object({ id: Id, text: FormTexts }, { additionalProperties: false });
export const FormQuestion = Type.Object(
  {
    id: Id,
    type: literals(QUESTION_TYPES),
    text: FormTexts,
    options: Type.Optional(Type.Array(FormOption, { maxItems: 12 })),
  },
  { additionalProperties: false },
);

/** The form as the team saves it; `version` guards against overwriting someone else's save. */
export const FeedbackFormBody = Type.Object({
  questions: Type.Array(FormQuestion, { minItems: 1, maxItems: 20 }),
  languages: Type.Array(Language, { minItems: 1, maxItems: FORM_LANGUAGES.length }),
  closesAt: Instant,
  version: Type.Optional(Int({ minimum: 0 })),
});

/** The event's form (or the default form when none is saved), its short link and how many have answered. */
export const FeedbackForm = Type.Object({
  eventId: Type.String(),
  saved: Type.Boolean(),
  code: Nullable(Type.String()),
  url: Nullable(Type.String()),
  questions: Type.Array(FormQuestion),
  languages: Type.Array(Type.String()),
  closesAt: Type.String({ format: 'date-time' }),
  defaultClosesAt: Type.String({ format: 'date-time' }),
  open: Type.Boolean(),
  version: Type.Integer(),
  responses: Type.Integer(),
});

const Count = Type.Object({ id: Type.String(), text: FormTexts, count: Type.Integer() });
/** The answers so far: counts per option, scale means and distribution, free texts. */
export const FeedbackResults = Type.Object({
  eventId: Type.String(),
  responses: Type.Integer(),
  languages: Type.Array(Type.String()),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      type: literals(QUESTION_TYPES),
      text: FormTexts,
      /** Responses that answered this question. */
      answered: Type.Integer(),
      options: Type.Optional(Type.Array(Count)),
      mean: Type.Optional(Nullable(Type.Number())),
      /** Scale: how many chose 1, 2, 3, 4, 5. */
      distribution: Type.Optional(Type.Array(Type.Integer())),
      texts: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});

const Note = Nullable(Type.String({ maxLength: EVALUATION_MAX }));
const EvaluationFields = {
  wentWell: Note,
  changeNext: Note,
  attendanceNote: Note,
  programmeNote: Note,
};
/** The team's evaluation of an event (version 0: none yet). */
export const Evaluation = Type.Object({
  eventId: Type.String(),
  ...EvaluationFields,
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});
export const EvaluationBody = Type.Object({
  wentWell: Type.Optional(Note),
  changeNext: Type.Optional(Note),
  attendanceNote: Type.Optional(Note),
  programmeNote: Type.Optional(Note),
  version: Int({ minimum: 0 }),
});

/** The evaluation of the last earlier event of the same kind, or null. */
export const PreviousEvaluation = Type.Object({
  previous: Nullable(
    Type.Object({
      event: Type.Object({ id: Type.String(), title: Type.String(), date: Type.String() }),
      evaluation: Evaluation,
    }),
  ),
});

export type FormQuestion = Static<typeof FormQuestion>;
export type FeedbackFormBody = Static<typeof FeedbackFormBody>;
export type FeedbackForm = Static<typeof FeedbackForm>;
export type FeedbackResults = Static<typeof FeedbackResults>;
export type Evaluation = Static<typeof Evaluation>;
export type EvaluationBody = Static<typeof EvaluationBody>;
export type PreviousEvaluation = Static<typeof PreviousEvaluation>;

export const EventParams = Type.Object({ eventId: Uuid });
/** The public page's short link code. */
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 32 }) });
