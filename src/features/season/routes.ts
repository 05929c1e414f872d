import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { SeasonAccept, SeasonAccepted, SeasonPlan, SeasonPlanQuery } from './contract.js';
import { acceptSeason, seasonPlan } from './service.js';

const manage = { permission: 'events:manage' as const };
const tags = ['cafe'];

/** The season plan: proposed café dates, and accepting them. */
export const seasonRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/cafe/season-plan',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Proposed café dates of a season, with the events already planned kept',
        querystring: SeasonPlanQuery,
        response: withErrors({ 200: SeasonPlan }),
      },
    },
    async (request) => seasonPlan(deps, tenantOf(request), request.query.season, request.query.year),
  );

  app.post(
    '/api/cafe/season-plan/accept',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Creates one café per date, all or nothing; a date with a planned café gives that one',
        body: SeasonAccept,
        response: withErrors({ 201: SeasonAccepted }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await acceptSeason(deps, tenantOf(request), request.body.dates)),
  );
};
