import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { MyAnswerBody, MyEvent, MyEventParams, MyEvents } from './contract.js';
import { answerMyEvent, type Me, myEvents } from './service.js';

const tags = ['my page'];

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
        response: withErrors({ 200: MyEvents }),
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
        params: MyEventParams,
        body: MyAnswerBody,
        response: withErrors({ 200: MyEvent }),
      },
    },
    async (request) => answerMyEvent(deps, meOf(request), request.params.eventId, request.body),
  );
};
