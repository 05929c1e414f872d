import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { VenueInput, VenueList, VenueListQuery, VenueParams, VenueUpdate, VenueView } from './contract.js';
import { archiveVenue, createVenue, listVenues, updateVenue } from './service.js';

const manage = { permission: 'events:manage' as const };
const venue = { ...manage, tenantObject: 'venue' as const };
const tags = ['cafe'];

/** The venues (lokaler) the cafés are held at. */
export const venueRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/venues',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Venues of the municipality',
        querystring: VenueListQuery,
        response: withErrors({ 200: VenueList }),
      },
    },
    async (request) => listVenues(deps, tenantOf(request), request.query.archived),
  );

  app.post(
    '/api/venues',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Registers a venue',
        body: VenueInput,
        response: withErrors({ 201: VenueView }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createVenue(deps, tenantOf(request), request.body)),
  );

  app.put(
    '/api/venues/:venueId',
    {
      config: venue,
      schema: {
        tags,
        summary: 'Replaces a venue; 409 cafe.conflict when `version` is not the stored one',
        params: VenueParams,
        body: VenueUpdate,
        response: withErrors({ 200: VenueView }),
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return updateVenue(deps, tenantOf(request), request.params.venueId, input, version);
    },
  );

  app.post(
    '/api/venues/:venueId/archive',
    {
      config: venue,
      schema: {
        tags,
        summary: 'Archives a venue',
        params: VenueParams,
        response: withErrors({ 200: VenueView }),
      },
    },
    async (request) => archiveVenue(deps, tenantOf(request), request.params.venueId),
  );
};
