import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import { CostComparison, CostQuery, CostSettingsInput } from './contract.js';
import { exportCosts, readCosts, saveCosts } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const tags = ['family-homes'];

/**
 * The cost page (kostnader): aggregate figures without personal data, so anyone with insight
 * may read them; the team leader, who reports to the council, sets the unit costs.
 */
export const familyHomeCostRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/family-home-costs',
    {
      config: { permission: 'insight:read' },
      schema: {
        tags,
        summary: 'Cost per youth per year of a family home, a group home and an institution, side by side',
        querystring: CostQuery,
        response: withErrors({ 200: CostComparison }),
      },
    },
    async (request) => readCosts(deps, tenantOf(request), request.query.year),
  );

  app.put(
    '/api/family-home-costs',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: "Sets a year's unit costs (NOK per year)",
        body: CostSettingsInput,
        response: withErrors({ 200: CostComparison }),
      },
    },
    async (request) => saveCosts(deps, tenantOf(request), request.body),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/family-home-costs.${format}`,
      {
        config: { permission: 'insight:read' },
        schema: {
          tags,
          summary: `The cost comparison of a year as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}`,
          querystring: CostQuery,
          produces: [format === 'xlsx' ? XLSX : 'text/csv'],
          response: withErrors({ 200: Binary }),
        },
      },
      async (request, reply) => {
        const file = await exportCosts(deps, tenantOf(request), request.query.year, format);
        return reply
          .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="landsby-kostnader-familiehjem-${file.year}.${format}"`,
          )
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  }
};
