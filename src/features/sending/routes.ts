import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseSveveDeliveryReport } from '../../channels/sms.js';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { acceptForms, type FormFields, field } from '../../server/forms.js';
import { withErrors } from '../../server/schemas.js';
import {
  AfterCafeBody,
  AfterCafeView,
  ChannelBody,
  DeliveryReportParams,
  DeliveryReportQuery,
  DeliveryReportReply,
  LettersPdf,
  ReminderDays,
  ReminderDaysBody,
  RemindNowBody,
  RemindNowResult,
  RetryBody,
  ScheduleBody,
  SendingHouseholdParams,
  SendingParams,
  SendingQuery,
  SendingView,
} from './contract.js';
import {
  getSending,
  retryFailed,
  scheduleSending,
  sendNow,
  setChannelForAll,
  setChannelForHousehold,
} from './service/plan-sending.js';
import { lettersPdf, markLettersPrinted } from './service/print-letters.js';
import { smsDeliveryReport } from './service/record-delivery.js';
import { remindNow, setReminderDays } from './service/remind-households.js';
import { getAfterCafe, sendAfterCafe } from './service/thank-households.js';

const manage = { permission: 'events:manage' as const };
const event = { ...manage, tenantObject: 'event' as const };
const tags = ['sending'];

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
        params: SendingParams,
        querystring: SendingQuery,
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
        params: SendingParams,
        body: ScheduleBody,
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
        params: SendingParams,
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
        params: SendingParams,
        body: ChannelBody,
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
        params: SendingHouseholdParams,
        body: ChannelBody,
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
        params: SendingParams,
        body: RetryBody,
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
        params: SendingParams,
        produces: ['application/pdf'],
        response: withErrors({ 200: LettersPdf }),
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
      schema: { tags, summary: 'Marks the letters as printed', params: SendingParams, response: ok },
    },
    async (request) => markLettersPrinted(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/reminders',
    {
      config: event,
      schema: {
        tags: ['reminders'],
        summary: 'When reminders go: days before the event, at 10:00 Oslo time (empty: none)',
        params: SendingParams,
        body: ReminderDaysBody,
        response: withErrors({ 200: ReminderDays }),
      },
    },
    async (request) => setReminderDays(deps, tenantOf(request), request.params.eventId, request.body.days),
  );

  app.post(
    '/api/events/:eventId/reminders/now',
    {
      config: event,
      schema: {
        tags: ['reminders'],
        summary: 'A reminder now to one group: silent, coming or maybe (once per double click)',
        params: SendingParams,
        body: RemindNowBody,
        response: withErrors({ 200: RemindNowResult }),
      },
    },
    async (request) => remindNow(deps, tenantOf(request), request.params.eventId, request.body.group),
  );

  app.get(
    '/api/events/:eventId/after-cafe',
    {
      config: event,
      schema: {
        tags,
        summary:
          'After the café: households that came and that said yes and did not, and how many have had their message',
        params: SendingParams,
        response: withErrors({ 200: AfterCafeView }),
      },
    },
    async (request) => getAfterCafe(deps, tenantOf(request), request.params.eventId),
  );

  app.post(
    '/api/events/:eventId/after-cafe',
    {
      config: event,
      schema: {
        tags,
        summary:
          'Sends the thank-you (with the feedback link) to those who came and/or "we missed you" to those who said yes and did not, once per household; 409 sending.not_held before the café has ended, sending.no_feedback_form for a thank-you without a saved feedback form',
        params: SendingParams,
        body: AfterCafeBody,
        response: withErrors({ 200: AfterCafeView }),
      },
    },
    async (request) => sendAfterCafe(deps, tenantOf(request), request.params.eventId, request.body),
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
      params: DeliveryReportParams,
      querystring: DeliveryReportQuery,
      response: withErrors({ 200: DeliveryReportReply }),
    },
  };
  app.get('/api/channels/sveve/dlr/:key', options, handler);
  app.post('/api/channels/sveve/dlr/:key', options, handler);
};
