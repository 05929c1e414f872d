import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  BudgetInput,
  BudgetParams,
  BudgetView,
  NETWORK_FIGURES,
  NetworkInsight,
  NetworkInsightQuery,
} from './contract.js';
import { exportNetworkFigure, readNetworkInsight, setNetworkBudget } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const supervise = { permission: 'networks:supervise' as const };
const tags = ['insight'];

/** /innsikt/nettverk: the team's figures on its networks, their downloads, and each network's budget. */
export const networkInsightRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/insight/networks',
    {
      config: supervise,
      schema: {
        tags,
        summary: "The networks' figures for a year (default this year): contacts, gatherings, budget",
        querystring: NetworkInsightQuery,
        response: withErrors({ 200: NetworkInsight }),
      },
    },
    async (request) => readNetworkInsight(deps, tenantOf(request), request.query.year),
  );

  for (const figure of NETWORK_FIGURES) {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/insight/networks/${figure}.${format}`,
        {
          config: supervise,
          schema: {
            tags,
            summary: `The networks' figure "${figure}" as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}`,
            querystring: NetworkInsightQuery,
            produces: [format === 'xlsx' ? XLSX : 'text/csv'],
            response: withErrors({ 200: Binary }),
          },
        },
        async (request, reply) => {
          const file = await exportNetworkFigure(deps, tenantOf(request), request.query.year, figure, format);
          return reply
            .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="landsby-nettverk-${figure}-${file.year}.${format}"`,
            )
            .header('cache-control', 'no-store')
            .send(file.body);
        },
      );
    }
  }

  app.put(
    '/api/network-budgets/:networkId',
    {
      config: { ...supervise, tenantObject: 'network' },
      schema: {
        tags,
        summary:
          "Sets a network's yearly budget (kroner) that its approved expense claims are measured against",
        params: BudgetParams,
        body: BudgetInput,
        response: withErrors({ 200: BudgetView }),
      },
    },
    async (request) => setNetworkBudget(deps, tenantOf(request), request.params.networkId, request.body),
  );
};
