import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  EmailPreview,
  PreviewParams,
  PreviewQuery,
  SmsPreview,
  TemplateInput,
  TemplateLanguageParams,
  TemplateView,
} from './contract.js';
import { getTemplate, saveTemplate } from './service/edit-templates.js';
import { preview } from './service/preview-invitation.js';

const manage = { permission: 'events:manage' as const };
// The path names a language code (nb, nn, en, ar, …), not an object: the template read or
// written is always the user's own municipality's, so there is no other tenant's id to guess.
const byLanguage = { ...manage, referenceData: true };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['invitations'];

/**
 * The invitation templates (URL word: invitasjon, /kafe/:id/invitasjon) and one household's
 * invitation previewed on a channel. The invitations themselves are made by sending/.
 */
export const templateRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/invitation-templates/:language',
    {
      config: byLanguage,
      schema: {
        tags,
        summary: "The municipality's invitation template in a language (the default when none is saved)",
        params: TemplateLanguageParams,
        response: withErrors({ 200: TemplateView }),
      },
    },
    async (request) => getTemplate(deps, tenantOf(request), request.params.language),
  );

  app.put(
    '/api/invitation-templates/:language',
    {
      config: byLanguage,
      schema: {
        tags,
        summary: 'Saves the template; an unknown merge field is refused with 400 template.unknown_field',
        params: TemplateLanguageParams,
        body: TemplateInput,
        response: withErrors({ 200: TemplateView }),
      },
    },
    async (request) => saveTemplate(deps, tenantOf(request), request.params.language, request.body),
  );

  app.get(
    '/api/events/:eventId/invitations/preview/:householdId',
    {
      config: event,
      schema: {
        tags,
        summary:
          "One household's invitation as it will look: e-mail {subject, text, html}, SMS {text, length, parts}, or the letter as PDF",
        params: PreviewParams,
        produces: ['application/json', 'application/pdf'],
        querystring: PreviewQuery,
        response: withErrors({
          200: Type.Union([
            EmailPreview,
            SmsPreview,
            Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'channel=letter: the PDF' }),
          ]),
        }),
      },
    },
    async (request, reply) => {
      const result = await preview(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.query.channel,
      );
      if (result.channel === 'letter') {
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'inline; filename="invitasjon-forhandsvisning.pdf"')
          .header('cache-control', 'no-store')
          .send(Buffer.from(result.pdf));
      }
      const { channel: _channel, ...body } = result;
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
};
