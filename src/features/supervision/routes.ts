import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { IntervalInput, SupervisedList, SupervisionParams, SupervisionView, TalkInput } from './contract.js';
import { changeInterval, getSupervision, listSupervised, logTalk } from './service.js';

const team = { permission: 'networks:supervise' as const };
const network = { ...team, tenantObject: 'network' as const };
const tags = ['supervision'];

/** Supervision talks with the resource families (docs/supervision-api.md). Staff only. */
export const supervisionRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/supervision',
    {
      config: team,
      schema: {
        tags,
        summary: 'The networks the user supervises, with the next talk due',
        response: withErrors({ 200: SupervisedList }),
      },
    },
    async (request) => listSupervised(deps, tenantOf(request)),
  );

  app.get(
    '/api/networks/:networkId/supervision',
    {
      config: network,
      schema: {
        tags,
        summary: "A network's supervision: next talk due, the log of talks",
        params: SupervisionParams,
        response: withErrors({ 200: SupervisionView }),
      },
    },
    async (request) => getSupervision(deps, tenantOf(request), request.params.networkId),
  );

  app.post(
    '/api/networks/:networkId/supervision/talks',
    {
      config: network,
      schema: {
        tags,
        summary: 'Logs a supervision talk held with the resource family',
        params: SupervisionParams,
        body: TalkInput,
        response: withErrors({ 201: SupervisionView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logTalk(deps, tenantOf(request), request.params.networkId, request.body)),
  );

  app.put(
    '/api/networks/:networkId/supervision/interval',
    {
      config: network,
      schema: {
        tags,
        summary: 'Sets how many days may pass between supervision talks',
        params: SupervisionParams,
        body: IntervalInput,
        response: withErrors({ 200: SupervisionView }),
      },
    },
    async (request) => changeInterval(deps, tenantOf(request), request.params.networkId, request.body),
  );
};
