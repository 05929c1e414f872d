import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { AnswerBody } from '../answers/contract.js';
import { NotedAnswer, Overview, OverviewHouseholdParams, OverviewParams } from './contract.js';
import { getOverview, noteAnswer } from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['overview'];

export const overviewRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/overview',
    {
      config: event,
      schema: {
        tags,
        summary: "The team's overview of the answers: counts, food, channels, each household",
        params: OverviewParams,
        response: withErrors({ 200: Overview }),
      },
    },
    async (request) => getOverview(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/answers/:householdId',
    {
      config: event,
      schema: {
        tags,
        summary: "The team notes a household's answer (a phone call)",
        params: OverviewHouseholdParams,
        body: AnswerBody,
        response: withErrors({ 200: NotedAnswer }),
      },
    },
    async (request) =>
      noteAnswer(deps, tenantOf(request), request.params.eventId, request.params.householdId, request.body),
  );
};
