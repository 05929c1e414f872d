import { type Static, Type } from '@sinclair/typebox';
import { COMMENT_MAX, DIET_NOTE_MAX, DIETS, MAX_PERSONS, RESPONSES } from '../../domain/answer.js';
import { ANSWER_STATUSES } from '../../domain/answer-status.js';
import { literals, Nullable } from '../../server/schemas.js';

/**
 * A household's answer as the API takes and gives it: the fields of the one answer form (My page
 * and the team's «Noter svar»). The answer page itself is a form post (routes.ts), checked by the
 * service against the same limits.
 */

export const AnswerResponse = literals(RESPONSES);
export type AnswerResponse = Static<typeof AnswerResponse>;
export const AnswerDiet = literals(DIETS);
export type AnswerDiet = Static<typeof AnswerDiet>;
/** confirmed, waiting (for a place), not_coming, maybe. */
export const AnswerStatus = literals(ANSWER_STATUSES);
export type AnswerStatus = Static<typeof AnswerStatus>;

const Persons = Type.Integer({ minimum: 0, maximum: MAX_PERSONS });

/** The fields of an answer, for a body that adds its own (My page names the household). */
export const AnswerFields = {
  response: AnswerResponse,
  adults: Persons,
  children: Persons,
  diet: Type.Array(AnswerDiet, { maxItems: DIETS.length, uniqueItems: true }),
  dietNote: Nullable(Type.String({ maxLength: DIET_NOTE_MAX })),
  comment: Nullable(Type.String({ maxLength: COMMENT_MAX })),
};

export const AnswerBody = Type.Object(AnswerFields, { additionalProperties: false });
export type AnswerBody = Static<typeof AnswerBody>;

/** The answer page's address: /svar/<token>. */
export const AnswerPageParams = Type.Object({ token: Type.String({ maxLength: 64 }) });
export type AnswerPageParams = Static<typeof AnswerPageParams>;
