import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../server/deps.js';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.transaction((tx) => tx.query('SELECT 1'));
        return { status: 'ok' as const, database: deps.db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: deps.db.kind });
      }
    },
  );
};
