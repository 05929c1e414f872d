import { type Static, Type } from '@sinclair/typebox';
import { QUESTION_TYPES, ROUNDS } from '../../domain/good-start.js';
import { literals, Nullable, Text, Uuid } from '../../server/schemas.js';
import { Count } from '../programmes/contract.js';

const QuestionText = Type.Object(
  { nb: Text(300, { minLength: 1 }), nn: Text(300, { minLength: 1 }), en: Text(300, { minLength: 1 }) },
  { additionalProperties: false },
);

export const Question = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$', maxLength: 40 }),
    type: literals(QUESTION_TYPES),
    text: QuestionText,
  },
  { additionalProperties: false },
);

export const QuestionnaireView = Type.Object({
  questions: Type.Array(Question),
  version: Type.Integer({ description: '0 while the team has not edited the default questions' }),
});
export type QuestionnaireView = Static<typeof QuestionnaireView>;

export const QuestionnaireInput = Type.Object(
  {
    questions: Type.Array(Question, { minItems: 1, maxItems: 20 }),
    version: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }),
  },
  { additionalProperties: false },
);
export type QuestionnaireInput = Static<typeof QuestionnaireInput>;

export const CohortParams = Type.Object({ cohortId: Uuid });
export type CohortParams = Static<typeof CohortParams>;

export const LinksInput = Type.Object({ round: literals(ROUNDS) }, { additionalProperties: false });
export type LinksInput = Static<typeof LinksInput>;

/** Each household's personal link of each round made so far, and whether it was answered. */
export const LinkList = Type.Object({
  links: Type.Array(
    Type.Object({
      householdId: Type.String(),
      name: Type.String(),
      round: literals(ROUNDS),
      language: Type.String(),
      url: Type.String(),
      answered: Type.Boolean(),
      /** The questionnaire of the round is queued or sent to the household (features/sending). */
      sent: Type.Boolean(),
    }),
  ),
});
export type LinkList = Static<typeof LinkList>;

/** The links after «Send spørreskjema»: how many messages were queued now, when they go, who could not get one. */
export const QuestionnaireSending = Type.Object({
  links: LinkList.properties.links,
  queued: Type.Integer(),
  /** Households of the cohort with no invitation to the round's session: no channel to send by. */
  notInvited: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
});
export type QuestionnaireSending = Static<typeof QuestionnaireSending>;

/** After «Send påminnelse»: how many reminders were queued now, and when they go. */
export const QuestionnaireReminding = Type.Object({
  links: LinkList.properties.links,
  queued: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
});
export type QuestionnaireReminding = Static<typeof QuestionnaireReminding>;

const Num = Nullable(Type.Number());

/** Before and after side by side per scale question; the change only from MIN_PAIRS pairs. */
export const EvaluationResults = Type.Object({
  cohort: Type.Object({ id: Type.String(), name: Type.String() }),
  minPairs: Type.Integer(),
  answered: Type.Object({ before: Type.Integer(), after: Type.Integer() }),
  scales: Type.Array(
    Type.Object({
      questionId: Type.String(),
      text: Type.Object({ nb: Type.String(), nn: Type.String(), en: Type.String() }),
      beforeN: Type.Integer(),
      beforeMean: Num,
      afterN: Type.Integer(),
      afterMean: Num,
      pairs: Type.Integer(),
      change: Num,
      low: Num,
      high: Num,
    }),
  ),
  /** The free-text answers, for the team only; no household named. */
  texts: Type.Array(
    Type.Object({
      questionId: Type.String(),
      round: literals(ROUNDS),
      text: Type.String(),
    }),
  ),
});
export type EvaluationResults = Static<typeof EvaluationResults>;

export const PageParams = Type.Object({ token: Type.String({ maxLength: 64 }) });

export const ProgrammeParams = Type.Object({ programmeId: Uuid });
export type ProgrammeParams = Static<typeof ProgrammeParams>;

/**
 * The programme coordinator's view: the same aggregates pooled over the programme's cohorts, every
 * count under 5 shown as { under: 5 } and the mean beside it left out; the change from 5 pairs.
 */
export const ProgrammeResults = Type.Object({
  minPairs: Type.Integer(),
  scales: Type.Array(
    Type.Object({
      questionId: Type.String(),
      text: Type.Object({ nb: Type.String(), nn: Type.String(), en: Type.String() }),
      beforeN: Count,
      beforeMean: Num,
      afterN: Count,
      afterMean: Num,
      pairs: Count,
      change: Num,
      low: Num,
      high: Num,
    }),
  ),
});
export type ProgrammeResults = Static<typeof ProgrammeResults>;
