import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../../server/context.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import {
  EventInput,
  EventList,
  EventListQuery,
  EventParams,
  EventUpdate,
  EventView,
  HostList,
} from '../contract.js';
import { cancelEvent, createEvent, updateEvent } from '../service/edit-events.js';
import { getEvent, listEvents, listHosts } from '../service/show-events.js';

const manage = { permission: 'events:manage' as const };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['cafe'];

/** The events (cafés and gatherings) and the staff who may host them. */
export const eventRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/cafe/hosts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Caseworkers and team leaders who may host an event',
        response: withErrors({ 200: HostList }),
      },
    },
    async (request) => listHosts(deps, tenantOf(request)),
  );

  app.get(
    '/api/events',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Events between two days',
        querystring: EventListQuery,
        response: withErrors({ 200: EventList }),
      },
    },
    async (request) => listEvents(deps, tenantOf(request), request.query),
  );

  app.post(
    '/api/events',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Creates an event; sending the same id again returns the first (200) instead of a copy',
        body: EventInput,
        response: withErrors({ 200: EventView, 201: EventView }),
      },
    },
    async (request, reply) => {
      const { event: created, created: isNew } = await createEvent(deps, tenantOf(request), request.body);
      return reply.status(isNew ? 201 : 200).send(created);
    },
  );

  app.get(
    '/api/events/:eventId',
    {
      config: event,
      schema: { tags, summary: 'One event', params: EventParams, response: withErrors({ 200: EventView }) },
    },
    async (request) => getEvent(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId',
    {
      config: event,
      schema: {
        tags,
        summary:
          'Replaces an event; 409 cafe.conflict when `version` is not the stored one. More capacity moves waiting households up, in order, and tells them',
        params: EventParams,
        body: EventUpdate,
        response: withErrors({ 200: EventView }),
      },
    },
    async (request) => {
      const { version, id: _id, ...input } = request.body;
      return updateEvent(deps, tenantOf(request), request.params.eventId, input, version);
    },
  );

  app.post(
    '/api/events/:eventId/cancel',
    {
      config: event,
      schema: {
        tags,
        summary: 'Cancels an event',
        params: EventParams,
        response: withErrors({ 200: EventView }),
      },
    },
    async (request) => cancelEvent(deps, tenantOf(request), request.params.eventId),
  );
};
