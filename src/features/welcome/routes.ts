import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { WELCOME_REASONS } from '../../domain/welcome.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import { CALL_OUTCOMES } from './queries.js';
import { getWelcomeList, noteCall } from './service.js';

const tags = ['welcome'];

const Call = Type.Object({
  id: Type.String(),
  eventId: Nullable(Type.String()),
  outcome: literals(CALL_OUTCOMES),
  note: Nullable(Type.String()),
  calledAt: Type.String(),
  calledBy: Nullable(Type.String()),
});

export const welcomeRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/welcome-list',
    {
      config: { permission: 'events:manage', tenantObject: 'event' },
      schema: {
        tags,
        summary:
          'Households invited to at least 3 earlier events that never came, ranked by how likely a phone call helps',
        params: Type.Object({ eventId: Uuid }),
        response: withErrors({
          200: Type.Object({
            eventId: Type.String(),
            minInvitations: Type.Integer(),
            households: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                kind: Type.String(),
                rank: Type.Integer(),
                reason: literals(WELCOME_REASONS),
                languages: Type.Array(Type.String()),
                mobile: Nullable(Type.String()),
                mobileDisplay: Nullable(Type.String()),
                invitations: Type.Integer(),
                history: Type.Array(
                  Type.Object({
                    eventId: Type.String(),
                    date: Type.String(),
                    title: Type.String(),
                    channel: Nullable(Type.String()),
                    outcome: literals(['silent', 'failed', 'declined', 'maybe', 'no_show'] as const),
                  }),
                ),
                calls: Type.Array(Call),
              }),
            ),
          }),
        }),
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
        params: Type.Object({ householdId: Uuid }),
        body: Type.Object(
          {
            eventId: Type.Optional(Nullable(Uuid)),
            outcome: literals(CALL_OUTCOMES),
            note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: Call }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await noteCall(deps, tenantOf(request), request.params.householdId, request.body)),
  );
};
