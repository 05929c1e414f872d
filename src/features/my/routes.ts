import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import { DIETS } from '../answers/queries.js';
import { COMMENT_MAX, DIET_NOTE_MAX, MAX_PERSONS } from '../answers/service.js';
import { answerMyEvent, type Me, myEvents } from './service.js';

const tags = ['my page'];

const Response = literals(['coming', 'not_coming', 'maybe'] as const);
const Persons = Type.Integer({ minimum: 0, maximum: MAX_PERSONS });

const MyEvent = Type.Object({
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
  registration: literals(['none', 'optional', 'required'] as const),
  deadline: Nullable(Type.String()),
  household: Type.Object({ id: Type.String(), firstNames: Type.Array(Type.String()) }),
  answer: Nullable(
    Type.Object({
      response: Response,
      adults: Type.Integer(),
      children: Type.Integer(),
      diet: Type.Array(Type.String()),
      dietNote: Nullable(Type.String()),
      comment: Nullable(Type.String()),
    }),
  ),
  status: Nullable(literals(['confirmed', 'waiting', 'not_coming', 'maybe'] as const)),
  place: Nullable(Type.Integer({ description: 'place on the waiting list, 1 = next' })),
  canChange: Type.Boolean(),
});

const AnswerBody = Type.Object(
  {
    response: Response,
    adults: Persons,
    children: Persons,
    diet: Type.Array(literals(DIETS), { maxItems: DIETS.length, uniqueItems: true }),
    dietNote: Nullable(Type.String({ maxLength: DIET_NOTE_MAX })),
    comment: Nullable(Type.String({ maxLength: COMMENT_MAX })),
    householdId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/** The logged-in person as My page sees them: their municipality and their e-mail. */
function meOf(request: FastifyRequest): Me {
  return { ...tenantOf(request), email: requireAuth(request).email };
}

export const myRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/my/events',
    {
      config: { permission: 'self:read' },
      schema: {
        tags,
        summary: "Upcoming events the user's households are invited to, with their answers",
        response: withErrors({ 200: Type.Array(MyEvent) }),
      },
    },
    async (request) => myEvents(deps, meOf(request)),
  );

  app.put(
    '/api/my/events/:eventId/answer',
    {
      config: { permission: 'self:answer', tenantObject: 'event' },
      schema: {
        tags,
        summary: "Answers, or changes the answer to, an invitation of the user's household",
        params: Type.Object({ eventId: Uuid }),
        body: AnswerBody,
        response: withErrors({ 200: MyEvent }),
      },
    },
    async (request) => answerMyEvent(deps, meOf(request), request.params.eventId, request.body),
  );
};
