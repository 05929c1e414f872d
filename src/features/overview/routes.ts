import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CHANNEL_NAMES } from '../../channels/types.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import { DIETS } from '../answers/queries.js';
import {
  getOverview,
  noteAnswer,
  REMINDER_DAYS,
  REMINDER_GROUPS,
  remindNow,
  setReminderDays,
} from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['overview'];

const EventParams = Type.Object({ eventId: Uuid });
// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
const HouseholdParams = Type.Object({ eventId: Uuid, householdId: Type.String({ maxLength: 64 }) });

const ChannelName = literals(CHANNEL_NAMES);
const Response = literals(['coming', 'not_coming', 'maybe'] as const);
const Diet = literals(DIETS);

const Overview = Type.Object({
  eventId: Type.String(),
  capacity: Nullable(Type.Integer()),
  free: Nullable(Type.Integer()),
  reminders: Type.Array(Type.Integer()),
  remindersSent: Type.Array(
    Type.Object({ key: Type.String(), households: Type.Integer(), at: Type.String({ format: 'date-time' }) }),
  ),
  counts: Type.Object({
    invited: Type.Integer(),
    answered: Type.Integer(),
    coming: Type.Object({ households: Type.Integer(), adults: Type.Integer(), children: Type.Integer() }),
    notComing: Type.Integer(),
    maybe: Type.Integer(),
    silent: Type.Integer(),
    waiting: Type.Object({ households: Type.Integer(), persons: Type.Integer() }),
  }),
  food: Type.Object({
    served: Type.Boolean(),
    persons: Type.Integer(),
    adults: Type.Integer(),
    children: Type.Integer(),
    diets: Type.Array(Type.Object({ diet: Diet, households: Type.Integer(), persons: Type.Integer() })),
    notes: Type.Array(Type.String()),
  }),
  byChannel: Type.Array(
    Type.Object({
      channel: ChannelName,
      invited: Type.Integer(),
      answered: Type.Integer(),
      coming: Type.Integer(),
    }),
  ),
  households: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      channel: ChannelName,
      response: Nullable(Response),
      adults: Type.Integer(),
      children: Type.Integer(),
      diet: Type.Array(Diet),
      dietNote: Nullable(Type.String()),
      comment: Nullable(Type.String()),
      place: Nullable(Type.Integer()),
      firstTime: Type.Boolean(),
      answeredBy: Nullable(literals(['household', 'team'] as const)),
    }),
  ),
});

const AnswerBody = Type.Object(
  {
    response: Response,
    adults: Type.Integer({ minimum: 0, maximum: 20 }),
    children: Type.Integer({ minimum: 0, maximum: 20 }),
    diet: Type.Array(Diet, { maxItems: 9, uniqueItems: true }),
    dietNote: Nullable(Type.String({ maxLength: 300 })),
    comment: Nullable(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const overviewRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/overview',
    {
      config: event,
      schema: {
        tags,
        summary: "The team's overview of the answers: counts, food, channels, each household",
        params: EventParams,
        response: withErrors({ 200: Overview }),
      },
    },
    async (request) => getOverview(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/reminders',
    {
      config: event,
      schema: {
        tags,
        summary: 'When reminders go: days before the event, at 10:00 Oslo time (empty: none)',
        params: EventParams,
        body: Type.Object(
          {
            days: Type.Array(Type.Unsafe<number>({ type: 'integer', enum: [...REMINDER_DAYS] }), {
              maxItems: 9,
            }),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: Type.Object({ reminders: Type.Array(Type.Integer()) }) }),
      },
    },
    async (request) => setReminderDays(deps, tenantOf(request), request.params.eventId, request.body.days),
  );

  app.post(
    '/api/events/:eventId/reminders/now',
    {
      config: event,
      schema: {
        tags,
        summary: 'A reminder now to one group: silent, coming or maybe (once per double click)',
        params: EventParams,
        body: Type.Object({ group: literals(REMINDER_GROUPS) }, { additionalProperties: false }),
        response: withErrors({
          200: Type.Object({ queued: Type.Integer(), at: Type.String({ format: 'date-time' }) }),
        }),
      },
    },
    async (request) => remindNow(deps, tenantOf(request), request.params.eventId, request.body.group),
  );

  app.put(
    '/api/events/:eventId/answers/:householdId',
    {
      config: event,
      schema: {
        tags,
        summary: "The team notes a household's answer (a phone call)",
        params: HouseholdParams,
        body: AnswerBody,
        response: withErrors({
          200: Type.Object({
            status: literals(['confirmed', 'waiting', 'not_coming', 'maybe'] as const),
            place: Nullable(Type.Integer()),
          }),
        }),
      },
    },
    async (request) =>
      noteAnswer(deps, tenantOf(request), request.params.eventId, request.params.householdId, request.body),
  );
};
