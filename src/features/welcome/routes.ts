import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  WelcomeCall,
  WelcomeCallBody,
  WelcomeCallParams,
  WelcomeList,
  WelcomeListParams,
} from './contract.js';
import { getWelcomeList, noteCall } from './service.js';

const tags = ['welcome'];

export const welcomeRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/welcome-list',
    {
      config: { permission: 'events:manage', tenantObject: 'event' },
      schema: {
        tags,
        summary:
          'Households invited to at least 3 earlier events that never came, ranked by how likely a phone call helps',
        params: WelcomeListParams,
        response: withErrors({ 200: WelcomeList }),
      },
    },
    async (request) => getWelcomeList(deps, tenantOf(request), request.params.eventId),
  );

  app.post(
    '/api/households/:householdId/welcome-calls',
    {
      config: { permission: 'events:manage', tenantObject: 'household' },
      schema: {
        tags,
        summary: 'Notes a phone call to a household of the welcome list and how it went',
        params: WelcomeCallParams,
        body: WelcomeCallBody,
        response: withErrors({ 201: WelcomeCall }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await noteCall(deps, tenantOf(request), request.params.householdId, request.body)),
  );
};
