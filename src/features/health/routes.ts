import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../server/deps.js';
import { Healthy, Unavailable } from './contract.js';
import { checkHealth } from './service.js';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Whether the server and its database answer (for a load balancer)',
        response: { 200: Healthy, 503: Unavailable },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(deps);
      return health.status === 'ok' ? health : reply.status(503).send(health);
    },
  );
};
