import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../../server/context.js';
import type { Deps } from '../../../server/deps.js';
import { withErrors } from '../../../server/schemas.js';
import { AgreementInput, AgreementParams, AgreementSent, AgreementView, KsRates } from '../contract.js';
import { agreementPdfOf, getAgreement, saveAgreement, sendAgreement } from '../service/edit-agreement.js';
import { getKsRates, saveKsRates } from '../service/keep-ks-rates.js';

const team = { permission: 'networks:supervise' as const };
const network = { ...team, tenantObject: 'network' as const };
const tags = ['agreements'];
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });

/** The resource family's agreement and the KS rates (docs/agreements-api.md). */
export const agreementRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/ks-rates',
    {
      config: team,
      schema: {
        tags,
        summary: "The municipality's KS rates per year",
        response: withErrors({ 200: KsRates }),
      },
    },
    async (request) => getKsRates(deps, tenantOf(request)),
  );

  app.put(
    '/api/ks-rates',
    {
      config: team,
      schema: {
        tags,
        summary: 'Replaces the KS rate table (a year at most once)',
        body: KsRates,
        response: withErrors({ 200: KsRates }),
      },
    },
    async (request) => saveKsRates(deps, tenantOf(request), request.body),
  );

  app.get(
    '/api/networks/:networkId/agreement',
    {
      config: network,
      schema: {
        tags,
        summary: "The network's current agreement with its signing status",
        params: AgreementParams,
        response: withErrors({ 200: AgreementView }),
      },
    },
    async (request) => getAgreement(deps, tenantOf(request), request.params.networkId),
  );

  app.put(
    '/api/networks/:networkId/agreement',
    {
      config: network,
      schema: {
        tags,
        summary: 'Saves the terms of the draft (or starts a new agreement)',
        params: AgreementParams,
        body: AgreementInput,
        response: withErrors({ 200: AgreementView }),
      },
    },
    async (request) => saveAgreement(deps, tenantOf(request), request.params.networkId, request.body),
  );

  app.post(
    '/api/networks/:networkId/agreement/send',
    {
      config: network,
      schema: {
        tags,
        summary: 'Sends the agreement for signing: a personal link per adult, e-mailed',
        params: AgreementParams,
        response: withErrors({ 200: AgreementSent }),
      },
    },
    async (request) => sendAgreement(deps, tenantOf(request), request.params.networkId),
  );

  app.get(
    '/api/networks/:networkId/agreement.pdf',
    {
      config: network,
      schema: {
        tags,
        summary: 'The current agreement as an A4 PDF with who has signed',
        params: AgreementParams,
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const pdf = await agreementPdfOf(deps, tenantOf(request), request.params.networkId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="oppdragsavtale.pdf"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );
};
