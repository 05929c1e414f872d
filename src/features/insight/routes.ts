import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TSchema, Type } from '@sinclair/typebox';
import { todayInOslo } from '../../domain/calendar.js';
import { termRange } from '../../domain/insight.js';
import { requireAuth, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { literals, Nullable, withErrors } from '../../server/schemas.js';
import { figureCsv, figureTable, figureXlsx } from './export.js';
import { FIGURES, readInsight } from './service.js';
import { seasonSummaryPdf } from '../../documents/season-report.js';

const Day = Type.String({ format: 'date' });
const Period = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);
const Count = Type.Union([Type.Integer(), Type.Object({ under: Type.Integer() })], {
  description: 'A count of households, or { under: 5 } where small counts are hidden',
});
const Share = Type.Object({
  count: Count,
  of: Count,
  share: Nullable(Type.Number()),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
});
const Verdict = literals(['too_thin', 'a_better', 'b_better'] as const);
const Group = Type.Object({
  rows: Type.Array(
    Type.Object({ group: Type.String(), events: Type.Integer(), invited: Count, came: Share }),
  ),
  comparison: Nullable(Type.Object({ a: Type.String(), b: Type.String(), verdict: Verdict })),
});
const dated = <T extends Record<string, TSchema>>(fields: T) =>
  Type.Object({ date: Type.String(), title: Type.String(), ...fields });

const InsightBody = Type.Object({
  from: Type.String(),
  to: Type.String(),
  municipality: Type.String(),
  hidden: Type.Boolean(),
  events: Type.Integer(),
  attendance: Type.Array(
    dated({ venue: Nullable(Type.String()), invited: Count, coming: Count, came: Count, firstTimers: Count }),
  ),
  returners: Type.Object({
    rows: Type.Array(dated({ firstTimers: Count, cameAgain: Count, medianDays: Nullable(Type.Number()) })),
    total: Type.Object({ cameAgain: Share, medianDays: Nullable(Type.Number()) }),
  }),
  everCame: Share,
  channels: Type.Object({
    rows: Type.Array(Type.Object({ channel: Type.String(), answered: Share, came: Share })),
    comparisons: Type.Array(
      Type.Object({
        a: Type.String(),
        b: Type.String(),
        measure: literals(['answered', 'came'] as const),
        verdict: Verdict,
      }),
    ),
  }),
  deadline: Group,
  venues: Group,
  weekdays: Group,
  travel: Group,
  feedback: Type.Object({
    rows: Type.Array(dated({ responses: Count, mean: Nullable(Type.Number()) })),
  }),
  topics: Type.Object({ rows: Type.Array(Type.Object({ topic: Type.String(), count: Count })) }),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * The insight pages (issue 8): aggregate figures of the municipality's cafés. The team sees exact
 * counts; anyone else with insight:read (a programme coordinator) sees counts under 5 as "under 5".
 */
export const insightRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const hidden = (request: Parameters<typeof tenantOf>[0]) =>
    !requireAuth(request).permissions.includes('events:manage');
  const checkPeriod = (period: { from?: string | undefined; to?: string | undefined }) => {
    if (period.from && period.to && period.from > period.to) {
      throw new AppError('validation.invalid', 400, [{ field: 'to', rule: 'minimum' }]);
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
        response: withErrors({ 200: InsightBody }),
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
          const insight = await readInsight(deps.db, tenantOf(request), request.query, hidden(request), {
            figure,
            format,
          });
          const table = figureTable(insight, figure);
          const body = format === 'xlsx' ? await figureXlsx(table, insight) : figureCsv(table);
          return reply
            .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
            .header(
              'content-disposition',
              attachment(`landsby-${figure}-${insight.from}-${insight.to}.${format}`),
            )
            .header('cache-control', 'no-store')
            .send(body);
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
        querystring: Type.Object(
          {
            term: literals(['spring', 'autumn'] as const),
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          },
          { additionalProperties: false },
        ),
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const { term, year } = request.query;
      const insight = await readInsight(deps.db, tenantOf(request), termRange(term, year), hidden(request), {
        figure: 'season',
        format: 'pdf',
      });
      const pdf = await seasonSummaryPdf(insight, { term, year }, todayInOslo());
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
