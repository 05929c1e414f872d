import { type Static, Type } from '@sinclair/typebox';
import { REGISTRATIONS } from '../../domain/event.js';
import { literals, Nullable, Uuid } from '../../server/schemas.js';
import { AnswerFields, AnswerResponse, AnswerStatus } from '../answers/contract.js';

/** One upcoming event a household of the logged-in person is invited to, with its answer. */
export const MyEvent = Type.Object({
  eventId: Type.String(),
  title: Type.String(),
  date: Type.String({ description: 'YYYY-MM-DD, Oslo' }),
  startTime: Type.String({ description: 'HH:MM, Oslo' }),
  endTime: Type.String(),
  venue: Nullable(
    Type.Object({
      name: Type.String(),
      addressLine: Nullable(Type.String()),
      postcode: Nullable(Type.String()),
      place: Nullable(Type.String()),
    }),
  ),
  programme: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.String(),
      minutes: Nullable(Type.Integer()),
      speaker: Nullable(Type.String()),
    }),
  ),
  hosts: Type.Array(Type.String(), { description: 'first names of the hosts' }),
  registration: literals(REGISTRATIONS),
  deadline: Nullable(Type.String()),
  household: Type.Object({ id: Type.String(), firstNames: Type.Array(Type.String()) }),
  answer: Nullable(
    Type.Object({
      response: AnswerResponse,
      adults: Type.Integer(),
      children: Type.Integer(),
      diet: Type.Array(Type.String()),
      dietNote: Nullable(Type.String()),
      comment: Nullable(Type.String()),
    }),
  ),
  status: Nullable(AnswerStatus),
  place: Nullable(Type.Integer({ description: 'place on the waiting list, 1 = next' })),
  /** The household may still answer or change its answer here (not started, deadline not passed). */
  canChange: Type.Boolean(),
});
export type MyEvent = Static<typeof MyEvent>;

export const MyEvents = Type.Array(MyEvent);
export type MyEvents = Static<typeof MyEvents>;

/** The answer from My page: `householdId` is needed only when more than one of theirs is invited. */
export const MyAnswerBody = Type.Object(
  { ...AnswerFields, householdId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type MyAnswerBody = Static<typeof MyAnswerBody>;

export const MyEventParams = Type.Object({ eventId: Uuid });
