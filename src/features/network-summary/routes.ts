import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  CommentInput,
  DescriptionInput,
  HalfYearQuery,
  SummaryList,
  SummaryView,
  TeamHalfYearParams,
  TeamSummaryParams,
} from './contract.js';
import { getMySummary, listSubmitted, mySummaryPdf, teamSummaryPdf } from './service/show-summary.js';
import { comment, saveDraft, submit } from './service/write-summary.js';

const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });
const own = { permission: 'network:own' as const };
const team = { permission: 'networks:supervise' as const, tenantObject: 'network' as const };
const tags = ['network-summary'];

const sendPdf = (reply: FastifyReply, halfYear: string, pdf: Uint8Array) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="erfaringer-${halfYear}.pdf"`)
    .header('cache-control', 'no-store')
    .send(Buffer.from(pdf));

/** The caseworkers' side of the half-year summary (docs/supervision-api.md). */
export const networkSummaryRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/networks/:networkId/summaries',
    {
      config: team,
      schema: {
        tags,
        summary: "The resource family's submitted half-year summaries, with comments",
        params: TeamSummaryParams,
        response: withErrors({ 200: SummaryList }),
      },
    },
    async (request) => listSubmitted(deps, tenantOf(request), request.params.networkId),
  );

  app.post(
    '/api/networks/:networkId/summaries/:halfYear/comments',
    {
      config: team,
      schema: {
        tags,
        summary: 'Comments on a submitted half-year summary',
        params: TeamHalfYearParams,
        body: CommentInput,
        response: withErrors({ 201: SummaryView }),
      },
    },
    async (request, reply) => {
      const { networkId, halfYear } = request.params;
      return reply
        .status(201)
        .send(await comment(deps, tenantOf(request), networkId, halfYear, request.body));
    },
  );

  app.get(
    '/api/networks/:networkId/summaries/:halfYear/pdf',
    {
      config: team,
      schema: {
        tags,
        summary: 'A submitted half-year summary as an A4 PDF',
        params: TeamHalfYearParams,
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const { networkId, halfYear } = request.params;
      const { view, pdf } = await teamSummaryPdf(deps, tenantOf(request), networkId, halfYear);
      return sendPdf(reply, view.halfYear, pdf);
    },
  );
};

/** The resource family's side: write, save, submit, download (docs/supervision-api.md). */
export const myNetworkSummaryRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/my-network/summary',
    {
      config: own,
      schema: {
        tags,
        summary: "The half-year summary (this half-year's unless named), drafted from the log",
        querystring: HalfYearQuery,
        response: withErrors({ 200: SummaryView }),
      },
    },
    async (request) => getMySummary(deps, tenantOf(request), request.query.halfYear),
  );

  app.put(
    '/api/my-network/summary',
    {
      config: own,
      schema: {
        tags,
        summary: "Saves the draft's general description",
        body: DescriptionInput,
        response: withErrors({ 200: SummaryView }),
      },
    },
    async (request) => saveDraft(deps, tenantOf(request), request.body),
  );

  app.post(
    '/api/my-network/summary/submit',
    {
      config: own,
      schema: {
        tags,
        summary: 'Submits the half-year summary to the municipality (once)',
        body: DescriptionInput,
        response: withErrors({ 200: SummaryView }),
      },
    },
    async (request) => submit(deps, tenantOf(request), request.body),
  );

  app.get(
    '/api/my-network/summary/pdf',
    {
      config: own,
      schema: {
        tags,
        summary: 'The half-year summary as an A4 PDF',
        querystring: HalfYearQuery,
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const { view, pdf } = await mySummaryPdf(deps, tenantOf(request), request.query.halfYear);
      return sendPdf(reply, view.halfYear, pdf);
    },
  );
};
