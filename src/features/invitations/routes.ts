import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { Uuid, withErrors } from '../../server/schemas.js';
import { getTemplate, preview, saveTemplate } from './service.js';

const manage = { permission: 'events:manage' as const };
// The path names a language code (nb, nn, en, ar, …), not an object: the template read or
// written is always the user's own municipality's, so there is no other tenant's id to guess.
const byLanguage = { ...manage, referenceData: true };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['invitations'];

const LanguageParams = Type.Object({
  language: Type.String({ minLength: 2, maxLength: 8, description: 'Language code: nb, nn, en, ar, …' }),
});

const TemplateInput = Type.Object({
  subject: Type.String({ maxLength: 200 }),
  body: Type.String({ maxLength: 5000 }),
  sms: Type.String({ maxLength: 320 }),
});

const Template = Type.Object({
  language: Type.String(),
  direction: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  subject: Type.String(),
  body: Type.String(),
  sms: Type.String(),
  custom: Type.Boolean(),
  version: Type.Union([Type.Integer(), Type.Null()]),
});

// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
const PreviewParams = Type.Object({ eventId: Uuid, householdId: Type.String({ maxLength: 64 }) });

export const invitationRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/invitation-templates/:language',
    {
      config: byLanguage,
      schema: {
        tags,
        summary: "The municipality's invitation template in a language (the default when none is saved)",
        params: LanguageParams,
        response: withErrors({ 200: Template }),
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
        params: LanguageParams,
        body: TemplateInput,
        response: withErrors({ 200: Template }),
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
        querystring: Type.Object({
          channel: Type.Union([Type.Literal('email'), Type.Literal('sms'), Type.Literal('letter')], {
            default: 'email',
          }),
        }),
        response: withErrors({
          200: Type.Union([
            Type.Object({
              language: Type.String(),
              direction: Type.String(),
              subject: Type.String(),
              text: Type.String(),
              html: Type.String(),
            }),
            Type.Object({
              language: Type.String(),
              text: Type.String(),
              length: Type.Integer(),
              parts: Type.Integer(),
              encoding: Type.String(),
            }),
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
