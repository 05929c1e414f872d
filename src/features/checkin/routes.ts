import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Name, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import { getAttendance, tap, walkIn } from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['checkin'];

const EventParams = Type.Object({ eventId: Uuid });
const Persons = Type.Integer({ minimum: 0, maximum: 20 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

const AttendanceHousehold = Type.Object({
  id: Type.String(),
  name: Type.String(),
  response: Nullable(literals(['coming', 'not_coming', 'maybe'] as const)),
  adults: Type.Integer(),
  children: Type.Integer(),
  waiting: Type.Boolean(),
  firstTime: Type.Boolean(),
  present: Type.Boolean(),
  walkIn: Type.Boolean(),
});

const Counts = Type.Object({
  checkedIn: Type.Integer(),
  adults: Type.Integer(),
  children: Type.Integer(),
  expected: Type.Integer(),
});

const TapAnswer = withErrors({ 200: Type.Object({ household: AttendanceHousehold, counts: Counts }) });

export const checkinRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/attendance',
    {
      config: event,
      schema: {
        tags,
        summary: "The evening's attendance list: invited households and walk-ins, by name, with counts",
        params: EventParams,
        response: withErrors({
          200: Type.Object({
            event: Type.Object({
              id: Type.String(),
              title: Type.String(),
              date: Type.String(),
              startTime: Type.String(),
            }),
            households: Type.Array(AttendanceHousehold),
            counts: Counts,
          }),
        }),
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
        body: Type.Object(
          {
            tapId: Uuid,
            householdId: Uuid,
            present: Type.Boolean(),
            adults: Type.Optional(Persons),
            children: Type.Optional(Persons),
            tappedAt: Instant,
          },
          { additionalProperties: false },
        ),
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
        body: Type.Union([
          Type.Object(
            { tapId: Uuid, householdId: Uuid, tappedAt: Type.Optional(Instant) },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              tapId: Uuid,
              newHousehold: Type.Object(
                {
                  firstName: Name,
                  lastName: Name,
                  mobile: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
                },
                { additionalProperties: false },
              ),
              tappedAt: Type.Optional(Instant),
            },
            { additionalProperties: false },
          ),
        ]),
        response: TapAnswer,
      },
    },
    async (request) => walkIn(deps, tenantOf(request), request.params.eventId, request.body),
  );
};
