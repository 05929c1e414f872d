import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { Attendance, EventParams, TapInput, TapResult, WalkInInput } from './contract.js';
import { getAttendance, tap, walkIn } from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['checkin'];

const TapAnswer = withErrors({ 200: TapResult });

export const checkinRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/attendance',
    {
      config: event,
      schema: {
        tags,
        summary: "The evening's attendance list: invited households and walk-ins, by name, with counts",
        params: EventParams,
        response: withErrors({ 200: Attendance }),
      },
    },
    async (request) => getAttendance(deps, tenantOf(request), request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/attendance',
    {
      config: event,
      schema: {
        tags,
        summary: 'One tap: checked in or not. The same tapId again changes nothing; the later tappedAt wins',
        params: EventParams,
        body: TapInput,
        response: TapAnswer,
      },
    },
    async (request) => tap(deps, tenantOf(request), request.params.eventId, request.body),
  );

  app.post(
    '/api/events/:eventId/walk-ins',
    {
      config: event,
      schema: {
        tags,
        summary:
          'Someone who came without answering: a household of the registry, or a new one (id = tapId), checked in',
        params: EventParams,
        body: WalkInInput,
        response: TapAnswer,
      },
    },
    async (request) => walkIn(deps, tenantOf(request), request.params.eventId, request.body),
  );
};
