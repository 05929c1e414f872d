import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { invalid } from '../../server/errors.js';
import { withErrors } from '../../server/schemas.js';
import { FIGURES, InsightFigures, Period, SeasonQuery } from './contract.js';
import { exportFigure, readInsight, seasonReport } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * The insight pages: aggregate figures of the municipality's cafés. The team sees exact
 * counts; anyone else with insight:read (a programme coordinator) sees counts under 5 as "under 5".
 */
export const insightRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const hidden = (request: Parameters<typeof tenantOf>[0]) =>
    !requireAuth(request).permissions.includes('events:manage');
  const checkPeriod = (period: { from?: string | undefined; to?: string | undefined }) => {
    if (period.from && period.to && period.from > period.to) {
      throw invalid([{ field: 'to', rule: 'minimum' }]);
    }
  };

  app.get(
    '/api/insight',
    {
      config: { permission: 'insight:read' },
      schema: {
        tags: ['insight'],
        summary: 'Every figure of the insight page for the cafés held in a period (default: all up to today)',
        querystring: Period,
        response: withErrors({ 200: InsightFigures }),
      },
    },
    async (request) => {
      checkPeriod(request.query);
      return readInsight(deps.db, tenantOf(request), request.query, hidden(request), {
        figure: 'all',
        format: 'json',
      });
    },
  );

  for (const figure of FIGURES) {
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/insight/${figure}.${format}`,
        {
          config: { permission: 'insight:read' },
          schema: {
            tags: ['insight'],
            summary: `The data of the figure "${figure}" as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}`,
            querystring: Period,
            produces: [format === 'xlsx' ? XLSX : 'text/csv'],
            response: withErrors({ 200: Binary }),
          },
        },
        async (request, reply) => {
          checkPeriod(request.query);
          const file = await exportFigure(
            deps,
            tenantOf(request),
            request.query,
            hidden(request),
            figure,
            format,
          );
          return reply
            .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
            .header('content-disposition', attachment(`landsby-${figure}-${file.from}-${file.to}.${format}`))
            .header('cache-control', 'no-store')
            .send(file.body);
        },
      );
    }
  }

  app.get(
    '/api/insight/season.pdf',
    {
      config: { permission: 'insight:read' },
      schema: {
        tags: ['insight'],
        summary: "One A4 page for the leader: the season's key figures and charts",
        querystring: SeasonQuery,
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const { term, year } = request.query;
      const pdf = await seasonReport(deps, tenantOf(request), { term, year }, hidden(request));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(`landsby-kafe-${term === 'spring' ? 'var' : 'host'}-${year}.pdf`),
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );
};
