import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  HouseholdHistory,
  HouseholdInput,
  HouseholdList,
  HouseholdListQuery,
  HouseholdUpdate,
  HouseholdView,
  HouseholdParams as Params,
  PostcodeParams,
  PostcodePlace,
} from './contract.js';
import {
  createHousehold,
  findPlace,
  getHousehold,
  householdHistory,
  listHouseholds,
  setHouseholdArchived,
  updateHousehold,
} from './service.js';

const read = { permission: 'registry:read' as const };
const write = { permission: 'registry:write' as const };
const one = { tenantObject: 'household' as const };

export const registryRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/households',
    {
      config: read,
      schema: {
        tags: ['registry'],
        summary: 'Households of the municipality: search, filter, sort, page',
        querystring: HouseholdListQuery,
        response: withErrors({ 200: HouseholdList }),
      },
    },
    async (request) => {
      const { sort, dir, limit, offset, ...filter } = request.query;
      return listHouseholds(deps, tenantOf(request), filter, { sort, dir }, { limit, offset });
    },
  );

  app.get(
    '/api/households/:householdId',
    {
      config: { ...read, ...one },
      schema: {
        tags: ['registry'],
        summary: 'One household, as its form shows it',
        params: Params,
        response: withErrors({ 200: HouseholdView }),
      },
    },
    async (request) => getHousehold(deps, tenantOf(request), request.params.householdId),
  );

  app.post(
    '/api/households',
    {
      config: write,
      schema: {
        tags: ['registry'],
        summary: 'Creates a household; sending the same id again returns the first (200) instead of a copy',
        body: HouseholdInput,
        response: withErrors({ 200: HouseholdView, 201: HouseholdView }),
      },
    },
    async (request, reply) => {
      const { household, created } = await createHousehold(deps, tenantOf(request), request.body);
      return reply.status(created ? 201 : 200).send(household);
    },
  );

  app.put(
    '/api/households/:householdId',
    {
      config: { ...write, ...one },
      schema: {
        tags: ['registry'],
        summary: 'Replaces a household; 409 registry.conflict when `version` is not the stored one',
        params: Params,
        body: HouseholdUpdate,
        response: withErrors({ 200: HouseholdView }),
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return updateHousehold(deps, tenantOf(request), request.params.householdId, input, version);
    },
  );

  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/api/households/:householdId/${path}`,
      {
        config: { ...write, ...one },
        schema: {
          tags: ['registry'],
          summary: archived
            ? 'Archives a household: kept, no longer invited'
            : 'Takes a household back from the archive',
          params: Params,
          response: withErrors({ 200: HouseholdView }),
        },
      },
      async (request) => setHouseholdArchived(deps, tenantOf(request), request.params.householdId, archived),
    );
  }

  app.get(
    '/api/households/:householdId/history',
    {
      config: { ...read, ...one },
      schema: {
        tags: ['registry'],
        summary: 'What changed in a household, newest first',
        params: Params,
        response: withErrors({ 200: HouseholdHistory }),
      },
    },
    async (request) => ({
      entries: await householdHistory(deps, tenantOf(request), request.params.householdId),
    }),
  );

  app.get(
    '/api/postcodes/:postcode',
    {
      config: { ...read, referenceData: true },
      schema: {
        tags: ['registry'],
        summary: 'The place of a Norwegian postcode',
        params: PostcodeParams,
        response: withErrors({ 200: PostcodePlace }),
      },
    },
    async (request) => ({
      postcode: request.params.postcode,
      place: await findPlace(deps, tenantOf(request), request.params.postcode),
    }),
  );
};
