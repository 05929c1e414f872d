import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  HousingStatusChange,
  HousingUnitDetail,
  HousingUnitInput,
  HousingUnitList,
  HousingUnitParams,
  HousingUnitUpdate,
} from './contract.js';
import {
  changeHousingStatus,
  createHousingUnit,
  listHousingUnits,
  readHousingUnit,
  updateHousingUnit,
} from './service.js';

const read = { permission: 'registry:read' as const };
const write = { permission: 'registry:write' as const };
const tenantObject = 'housingUnit' as const;
const tags = ['family-homes'];

/** The housing units (boliger) the municipality arranges for its family homes. */
export const housingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/housing-units',
    {
      config: read,
      schema: {
        tags,
        summary: 'Housing units with the summary: ready, searching, family homes without a unit',
        response: withErrors({ 200: HousingUnitList }),
      },
    },
    async (request) => listHousingUnits(deps, tenantOf(request)),
  );

  app.post(
    '/api/housing-units',
    {
      config: write,
      schema: {
        tags,
        summary: 'Registers a housing unit; it starts as searching today',
        body: HousingUnitInput,
        response: withErrors({ 201: HousingUnitDetail }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createHousingUnit(deps, tenantOf(request), request.body)),
  );

  app.get(
    '/api/housing-units/:unitId',
    {
      config: { ...read, tenantObject },
      schema: {
        tags,
        summary: 'A housing unit with the history of its status',
        params: HousingUnitParams,
        response: withErrors({ 200: HousingUnitDetail }),
      },
    },
    async (request) => readHousingUnit(deps, tenantOf(request), request.params.unitId),
  );

  app.put(
    '/api/housing-units/:unitId',
    {
      config: { ...write, tenantObject },
      schema: {
        tags,
        summary: "Replaces a unit's facts; 409 housing.conflict when `version` is not the stored one",
        params: HousingUnitParams,
        body: HousingUnitUpdate,
        response: withErrors({ 200: HousingUnitDetail }),
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return updateHousingUnit(deps, tenantOf(request), request.params.unitId, input, version);
    },
  );

  app.post(
    '/api/housing-units/:unitId/status',
    {
      config: { ...write, tenantObject },
      schema: {
        tags,
        summary:
          'Moves a unit to another status on a day; 409 housing.transition_not_allowed when it cannot go there',
        params: HousingUnitParams,
        body: HousingStatusChange,
        response: withErrors({ 200: HousingUnitDetail }),
      },
    },
    async (request) => changeHousingStatus(deps, tenantOf(request), request.params.unitId, request.body),
  );
};
