import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { DEFAULT_AUDIENCE_RULE } from '../../domain/audience.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { withErrors } from '../../server/schemas.js';
import {
  AudienceParams,
  AudiencePreviewQuery,
  AudienceRule,
  AudienceView,
  InviteeChoice,
  InviteeNote,
  InviteeParams,
} from './contract.js';
import { getAudience, saveAudienceRule, setInvitee, setInviteeNote } from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['cafe'];

/** An event's audience: the rule, and the households added or removed by hand with their notes. */
export const audienceRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/audience',
    {
      config: event,
      schema: {
        tags,
        summary: "An event's audience: its rule and the households it takes in",
        params: AudienceParams,
        response: withErrors({ 200: AudienceView }),
      },
    },
    async (request) => getAudience(deps, tenantOf(request), request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/audience/preview',
    {
      config: event,
      schema: {
        tags,
        summary: 'The audience under a rule, without saving it (a live count as the rule changes)',
        params: AudienceParams,
        querystring: AudiencePreviewQuery,
        response: withErrors({ 200: AudienceView }),
      },
    },
    async (request) => {
      const { maxTravel, care, oversight, kind } = request.query;
      return getAudience(deps, tenantOf(request), request.params.eventId, {
        maxTravel,
        care,
        oversight,
        kinds: kind ?? [...DEFAULT_AUDIENCE_RULE.kinds],
      });
    },
  );

  app.put(
    '/api/events/:eventId/audience/rule',
    {
      config: event,
      schema: {
        tags,
        summary: "Sets the rule for who an event's invitations go to",
        params: AudienceParams,
        body: AudienceRule,
        response: withErrors({ 200: AudienceView }),
      },
    },
    async (request) => saveAudienceRule(deps, tenantOf(request), request.params.eventId, request.body),
  );

  app.put(
    '/api/events/:eventId/audience/:householdId',
    {
      config: event,
      schema: {
        tags,
        summary: 'Adds (included: true) or removes (false) one household by hand',
        params: InviteeParams,
        body: InviteeChoice,
        response: withErrors({ 200: AudienceView }),
      },
    },
    async (request) =>
      setInvitee(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.body.included,
      ),
  );

  app.put(
    '/api/events/:eventId/audience/:householdId/note',
    {
      config: event,
      schema: {
        tags,
        summary: 'The personal one-line note for the household’s invitation (≤ 140 characters)',
        params: InviteeParams,
        body: InviteeNote,
        response: withErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await setInviteeNote(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.body.note,
      );
      return reply.status(204).send(null);
    },
  );
};
