import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CHANNELS, END_REASONS, HOUSEHOLD_KINDS, RELATIONS } from '../../domain/household.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import {
  createHousehold,
  findPlace,
  getHousehold,
  householdHistory,
  listHouseholds,
  setHouseholdArchived,
  updateHousehold,
} from './service.js';

// Dates are checked by the domain with the rest of the form, so every problem is reported at once.
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const ShortText = (maxLength: number) => Type.String({ maxLength });

const Kind = literals(HOUSEHOLD_KINDS);
const Relation = literals(RELATIONS);
const Channel = literals(CHANNELS);
const EndReason = literals(END_REASONS);

const HouseholdInput = Type.Object({
  id: Type.Optional(Uuid),
  kind: Kind,
  relation: Relation,
  externalRef: Type.Optional(Nullable(ShortText(100))),
  address: Type.Optional(
    Type.Object({
      line: Type.Optional(Nullable(ShortText(200))),
      postcode: Type.Optional(Nullable(ShortText(10))),
    }),
  ),
  travelMinutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))),
  adults: Type.Array(
    Type.Object({
      id: Type.Optional(Uuid),
      firstName: ShortText(100),
      lastName: ShortText(100),
      email: Type.Optional(Nullable(ShortText(254))),
      mobile: Type.Optional(Nullable(ShortText(30))),
      preferredLanguage: Type.Optional(Nullable(ShortText(12))),
      preferredChannels: Type.Optional(Nullable(Type.Array(Channel, { maxItems: 4 }))),
    }),
    { minItems: 1, maxItems: 4 },
  ),
  children: Type.Optional(
    Type.Array(Type.Object({ id: Type.Optional(Uuid), firstName: ShortText(100), birthDate: Day }), {
      maxItems: 20,
    }),
  ),
  placements: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.Optional(Uuid),
        childIndex: Type.Integer({ minimum: 0, maximum: 19 }),
        startDate: Day,
        endDate: Type.Optional(Nullable(Day)),
        endReason: Type.Optional(Nullable(EndReason)),
        careMunicipality: Type.Optional(Nullable(ShortText(100))),
      }),
      { maxItems: 40 },
    ),
  ),
});

const Household = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  relation: Type.String(),
  externalRef: Nullable(Type.String()),
  address: Type.Object({
    line: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    place: Nullable(Type.String()),
  }),
  travelMinutes: Nullable(Type.Integer()),
  travelSource: Nullable(Type.String()),
  adults: Type.Array(
    Type.Object({
      id: Type.String(),
      firstName: Type.String(),
      lastName: Type.String(),
      email: Nullable(Type.String()),
      mobile: Nullable(Type.String()),
      preferredLanguage: Type.String(),
      preferredChannels: Type.Array(Type.String()),
    }),
  ),
  children: Type.Array(
    Type.Object({ id: Type.String(), firstName: Type.String(), birthDate: Type.String() }),
  ),
  placements: Type.Array(
    Type.Object({
      id: Type.String(),
      childId: Type.String(),
      startDate: Type.String(),
      endDate: Nullable(Type.String()),
      endReason: Nullable(Type.String()),
      careMunicipality: Nullable(Type.String()),
    }),
  ),
  archivedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

const HouseholdSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  relation: Type.String(),
  travelMinutes: Nullable(Type.Integer()),
  postcode: Nullable(Type.String()),
  place: Nullable(Type.String()),
  languages: Type.Array(Type.String()),
  childrenCount: Type.Integer(),
  archived: Type.Boolean(),
  updatedAt: Type.String(),
});

/** The list's filters and order, shared by the list and its exports (features/registry-data). */
export const HouseholdListFilter = Type.Object({
  q: Type.Optional(ShortText(200)),
  kind: Type.Optional(Type.Array(Kind, { maxItems: 4 })),
  relation: Type.Optional(Relation),
  language: Type.Optional(ShortText(12)),
  maxTravel: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440 })),
  neverAttended: Type.Optional(Type.Boolean({ description: 'Accepted; filters once events exist' })),
  archived: Type.Union([Type.Literal('false'), Type.Literal('true'), Type.Literal('all')], {
    default: 'false',
  }),
  sort: Type.Union(
    [Type.Literal('name'), Type.Literal('kind'), Type.Literal('travel'), Type.Literal('updated')],
    {
      default: 'name',
    },
  ),
  dir: Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' }),
});

const Params = Type.Object({ householdId: Uuid });
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
        querystring: Type.Composite([
          HouseholdListFilter,
          Type.Object({
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          }),
        ]),
        response: withErrors({
          200: Type.Object({ total: Type.Integer(), households: Type.Array(HouseholdSummary) }),
        }),
      },
    },
    async (request) => {
      const { sort, dir, limit, offset, neverAttended: _later, ...filter } = request.query;
      return listHouseholds(deps, tenantOf(request), filter, { sort, dir }, { limit, offset });
    },
  );

  app.get(
    '/api/households/:householdId',
    {
      config: { ...read, ...one },
      schema: { tags: ['registry'], params: Params, response: withErrors({ 200: Household }) },
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
        response: withErrors({ 200: Household, 201: Household }),
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
        body: Type.Intersect([HouseholdInput, Type.Object({ version: Type.Integer({ minimum: 1 }) })]),
        response: withErrors({ 200: Household }),
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
        schema: { tags: ['registry'], params: Params, response: withErrors({ 200: Household }) },
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
        params: Params,
        response: withErrors({
          200: Type.Object({
            entries: Type.Array(
              Type.Object({
                at: Type.String(),
                actorName: Nullable(Type.String()),
                action: Type.String(),
                changes: Type.Array(
                  Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() }),
                ),
              }),
            ),
          }),
        }),
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
        params: Type.Object({ postcode: Type.String({ pattern: '^[0-9]{4}$' }) }),
        response: withErrors({ 200: Type.Object({ postcode: Type.String(), place: Type.String() }) }),
      },
    },
    async (request) => ({
      postcode: request.params.postcode,
      place: await findPlace(deps, tenantOf(request), request.params.postcode),
    }),
  );
};
