import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { parseSveveDeliveryReport } from '../../channels/sms.js';
import { CHANNEL_NAMES } from '../../channels/types.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { acceptForms, type FormFields, field } from '../../server/forms.js';
import { literals, Nullable, Uuid, withErrors } from '../../server/schemas.js';
import {
  getSending,
  lettersPdf,
  markLettersPrinted,
  retryFailed,
  scheduleSending,
  sendNow,
  setChannelForAll,
  setChannelForHousehold,
  smsDeliveryReport,
} from './service.js';

const manage = { permission: 'events:manage' as const };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['sending'];

const ChannelName = literals(CHANNEL_NAMES);
const Status = literals(['not_sent', 'queued', 'sending', 'sent', 'delivered', 'printed', 'failed'] as const);
const EventParams = Type.Object({ eventId: Uuid });
// The household is checked by the service (after the event), so another municipality's event
// answers 404 whatever the second id is.
const HouseholdParams = Type.Object({ eventId: Uuid, householdId: Type.String({ maxLength: 64 }) });

const CountFields = {
  households: Type.Integer(),
  not_sent: Type.Integer(),
  queued: Type.Integer(),
  sending: Type.Integer(),
  sent: Type.Integer(),
  delivered: Type.Integer(),
  printed: Type.Integer(),
  failed: Type.Integer(),
};

const SendingView = Type.Object({
  eventId: Type.String(),
  sendAt: Nullable(Type.String({ format: 'date-time' })),
  defaultSendAt: Type.String({ format: 'date-time' }),
  state: literals(['not_planned', 'scheduled', 'sending', 'done'] as const),
  channel: Nullable(ChannelName),
  counts: Type.Object(CountFields),
  byChannel: Type.Array(Type.Object({ channel: ChannelName, ...CountFields })),
  households: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      channel: ChannelName,
      choice: Nullable(ChannelName),
      usable: Type.Array(ChannelName),
      status: Status,
      reason: Nullable(Type.String()),
      sentAt: Nullable(Type.String()),
    }),
  ),
  lettersToPrint: Type.Integer(),
});

const ok = withErrors({ 200: SendingView });

export const sendingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/sending',
    {
      config: event,
      schema: {
        tags,
        summary:
          'The sending of the invitations: state, counts, each household (households=false: counts only)',
        params: EventParams,
        querystring: Type.Object({ households: Type.Optional(Type.Boolean()) }),
        response: ok,
      },
    },
    async (request) =>
      getSending(deps, tenantOf(request), request.params.eventId, { households: request.query.households }),
  );

  app.put(
    '/api/events/:eventId/sending/schedule',
    {
      config: event,
      schema: {
        tags,
        summary: 'Plans when the invitations go out (null: not planned)',
        params: EventParams,
        body: Type.Object({ sendAt: Nullable(Type.String({ format: 'date-time' })) }),
        response: ok,
      },
    },
    async (request) =>
      scheduleSending(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.body.sendAt ? new Date(request.body.sendAt) : null,
      ),
  );

  app.post(
    '/api/events/:eventId/sending/now',
    {
      config: event,
      schema: {
        tags,
        summary: 'Sends the invitations now (once per household)',
        params: EventParams,
        response: ok,
      },
    },
    async (request) => sendNow(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/sending/channel',
    {
      config: event,
      schema: {
        tags,
        summary: 'The channel for every household (null: each its own preference)',
        params: EventParams,
        body: Type.Object({ channel: Nullable(ChannelName) }),
        response: ok,
      },
    },
    async (request) =>
      setChannelForAll(deps, tenantOf(request), request.params.eventId, request.body.channel),
  );

  app.put(
    '/api/events/:eventId/sending/households/:householdId/channel',
    {
      config: event,
      schema: {
        tags,
        summary: 'The channel for one household (null: as the others)',
        params: HouseholdParams,
        body: Type.Object({ channel: Nullable(ChannelName) }),
        response: ok,
      },
    },
    async (request) =>
      setChannelForHousehold(
        deps,
        tenantOf(request),
        request.params.eventId,
        request.params.householdId,
        request.body.channel,
      ),
  );

  app.post(
    '/api/events/:eventId/sending/retry',
    {
      config: event,
      schema: {
        tags,
        summary: "Queues failed invitations again: one household's, one channel's, or all",
        params: EventParams,
        body: Type.Object({ householdId: Type.Optional(Uuid), channel: Type.Optional(ChannelName) }),
        response: ok,
      },
    },
    async (request) => retryFailed(deps, tenantOf(request), request.params.eventId, request.body),
  );

  app.get(
    '/api/events/:eventId/sending/letters.pdf',
    {
      config: event,
      schema: {
        tags,
        summary: 'One PDF of the letters for the print room, by postcode',
        params: EventParams,
        produces: ['application/pdf'],
        response: withErrors({ 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }),
      },
    },
    async (request, reply) => {
      const pdf = await lettersPdf(deps, tenantOf(request), request.params.eventId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="brev-til-utskrift.pdf"')
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/events/:eventId/sending/letters/printed',
    {
      config: event,
      schema: { tags, summary: 'Marks the letters as printed', params: EventParams, response: ok },
    },
    async (request) => markLettersPrinted(deps, tenantOf(request), request.params.eventId),
  );

  await app.register(deliveryReportRoutes, { deps });
};

/** Sveve calls back with GET parameters or a POST form, as configured in its account. */
const deliveryReportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  const expected = deps.config.sveveDlrKey ? Buffer.from(deps.config.sveveDlrKey) : undefined;
  const handler = async (request: {
    params: { key: string };
    query: Record<string, string>;
    body?: unknown;
  }) => {
    const given = Buffer.from(request.params.key);
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError('not_found', 404);
    }
    const form = (request.body as FormFields | undefined) ?? {};
    const params = {
      ...request.query,
      ...Object.fromEntries(Object.keys(form).map((k) => [k, field(form, k) ?? ''])),
    };
    const report = parseSveveDeliveryReport(params);
    // Not a delivery report (an incoming SMS), or one for a message we do not know: nothing to do.
    if (report) await smsDeliveryReport(deps, report);
    return { ok: true };
  };
  const options = {
    config: { public: true, csrfExempt: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: "Sveve's delivery report (see INTEGRATIONS.md §1.4)",
      params: Type.Object({ key: Type.String({ maxLength: 200 }) }),
      querystring: Type.Record(Type.String(), Type.String({ maxLength: 500 })),
      response: withErrors({ 200: Type.Object({ ok: Type.Boolean() }) }),
    },
  };
  app.get('/api/channels/sveve/dlr/:key', options, handler);
  app.post('/api/channels/sveve/dlr/:key', options, handler);
};
