import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { withErrors } from '../../server/schemas.js';
import { HouseholdListFilter } from '../registry/contract.js';
import {
  ErasureResult,
  HouseholdParams,
  PostcodesReplaced,
  TravelTimes,
  TravelTimesReplaced,
} from './contract.js';
import { exportHouseholdData } from './service/answer-access-request.js';
import {
  EXPORT_MAX,
  eraseHousehold,
  exportHouseholds,
  replacePostcodeRegister,
  replaceTravelTimes,
  travelTimes,
} from './service.js';

/**
 * The uploaded files arrive as the raw request body (no multipart, no JSON) and are read as bytes:
 * the service finds out their encoding. No body schema, as a schema cannot describe bytes.
 */
const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];
const UPLOAD_LIMIT = 2 * 1024 * 1024;
const uploaded = (body: unknown): Buffer => {
  if (!Buffer.isBuffer(body)) throw new AppError('request.unsupported_media_type', 415);
  return body;
};

const day = () => new Date().toISOString().slice(0, 10);
const attachment = (name: string) => `attachment; filename="${name}"`;

/** The registry's data in and out: exports, a person's data on request, erasure, reference tables. */
export const registryDataRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Only inside this plugin: the uploads below take the file's bytes as they are.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/households.${format}`,
      {
        config: { permission: 'registry:read' },
        schema: {
          tags: ['registry'],
          summary:
            format === 'xlsx'
              ? 'The household list as an Excel file, with the filters and order of GET /api/households'
              : 'The household list as CSV (semicolon separated, UTF-8 with BOM), with the filters of GET /api/households',
          description: `At most ${EXPORT_MAX} households (400 registry.export_too_large). Each one exported is audited.`,
          querystring: HouseholdListFilter,
          produces: [
            format === 'xlsx'
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv',
          ],
          response: withErrors({ 200: Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' }) }),
        },
      },
      async (request, reply) => {
        const { sort, dir, ...filter } = request.query;
        const { body } = await exportHouseholds(deps, tenantOf(request), filter, { sort, dir }, format);
        return reply
          .type(
            format === 'xlsx'
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv; charset=utf-8',
          )
          .header('content-disposition', attachment(`landsby-husstander-${day()}.${format}`))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }

  app.get(
    '/api/households/:householdId/export',
    {
      // A request for access is answered by the team leader, and the file holds the audit trail.
      config: { permission: 'approvals:decide', tenantObject: 'household' },
      schema: {
        tags: ['registry'],
        summary: 'Everything Landsby holds about a household and its people (GDPR art. 15), as a JSON file',
        params: HouseholdParams,
        produces: ['application/json'],
        response: withErrors({
          200: Type.Unknown({ description: 'landsby.household-export, see docs/registry-api.md' }),
        }),
      },
    },
    async (request, reply) => {
      const document = await exportHouseholdData(deps, tenantOf(request), request.params.householdId);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(`landsby-innsyn-${request.params.householdId}.json`))
        .header('cache-control', 'no-store')
        .send(JSON.stringify(document, null, 2));
    },
  );

  app.post(
    '/api/households/:householdId/erase',
    {
      config: { permission: 'approvals:decide', tenantObject: 'household' },
      schema: {
        tags: ['registry'],
        summary:
          'Erases an archived household whose placements have ended, keeping its placements without personal data',
        description:
          'A second call changes nothing and answers 200 with alreadyErased: true. ' +
          '409 registry.erase_not_archived, 409 registry.erase_open_placements, ' +
          '409 registry.erase_resource_family.',
        params: HouseholdParams,
        response: withErrors({ 200: ErasureResult }),
      },
    },
    async (request) => eraseHousehold(deps, tenantOf(request), request.params.householdId),
  );

  app.get(
    '/api/registry/travel-times',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: "The municipality's travel times from the office, by postcode",
        response: withErrors({ 200: TravelTimes }),
      },
    },
    async (request) => travelTimes(deps, tenantOf(request)),
  );

  app.post(
    '/api/registry/travel-times',
    {
      config: { permission: 'registry:write' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['registry'],
        summary:
          "Replaces the municipality's travel-time table with a CSV file (postcode;minutes), all or nothing",
        description:
          `The file is the request body (up to ${UPLOAD_LIMIT / 1024 / 1024} MiB). ` +
          'Semicolon or comma separated, header line optional, UTF-8 or Windows-1252. Households whose travel ' +
          'time comes from the table get the new values; typed-in ones stay. 400 registry.travel_times_invalid ' +
          'with details {problems: [{line, rule, value}], total}.',
        consumes: UPLOAD_TYPES,
        response: withErrors({ 200: TravelTimesReplaced }),
      },
    },
    async (request) => replaceTravelTimes(deps, tenantOf(request), uploaded(request.body)),
  );

  app.post(
    '/api/registry/postcodes',
    {
      config: { permission: 'settings:manage' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: ['registry'],
        summary:
          "Replaces the installation's postcode table with Posten's register file (Postnummerregister)",
        description:
          `The file is the request body (up to ${UPLOAD_LIMIT / 1024 / 1024} MiB). ` +
          'Tab separated, Windows-1252 ("ANSI") or UTF-8: postnummer, poststed, kommunenummer, kommunenavn, ' +
          'kategori. 400 registry.postcodes_invalid {problems, total}; 400 registry.postcodes_too_few {rows, min}.',
        consumes: UPLOAD_TYPES,
        response: withErrors({ 200: PostcodesReplaced }),
      },
    },
    async (request) => replacePostcodeRegister(deps, tenantOf(request), uploaded(request.body)),
  );
};
