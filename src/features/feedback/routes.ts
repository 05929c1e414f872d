import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { acceptForms, type FormFields, field } from '../../server/forms.js';
import { browserLanguage, htmlReply, publicErrorHandler } from '../../server/public-page.js';
import { withErrors } from '../../server/schemas.js';
import { limitGuessing } from '../security/index.js';
import {
  CodeParams,
  Evaluation,
  EvaluationBody,
  EventParams,
  FeedbackForm,
  FeedbackFormBody,
  FeedbackResults,
  PreviousEvaluation,
} from './contract.js';
import { alreadyPage, badLinkPage, busyPage, closedPage, formPage, thanksPage } from './page.js';
import { type PublicForm, publicForm, saveResponse } from './service/answer-form.js';
import { getEvaluation, getPreviousEvaluation, saveEvaluation } from './service/evaluate-event.js';
import {
  feedbackQr,
  feedbackResults,
  feedbackSheetPdf,
  getFeedbackForm,
  saveFeedbackForm,
} from './service.js';

const event = { permission: 'events:manage' as const, tenantObject: 'event' as const };
const tags = ['feedback'];

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** The team's side: the form, its QR code and sheet, the results, and the evaluation. */
export const feedbackRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events/:eventId/feedback',
    {
      config: event,
      schema: {
        tags,
        summary: "The event's feedback form, or the default form when none is saved",
        params: EventParams,
        response: withErrors({ 200: FeedbackForm }),
      },
    },
    async (request) => getFeedbackForm(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/feedback',
    {
      config: event,
      schema: {
        tags,
        summary: 'Saves the feedback form (the first save makes the short link)',
        params: EventParams,
        body: FeedbackFormBody,
        response: withErrors({ 200: FeedbackForm }),
      },
    },
    async (request) => saveFeedbackForm(deps, tenantOf(request), request.params.eventId, request.body),
  );

  const download = (reply: FastifyReply, type: string, name: string, body: Buffer | string) =>
    reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(body);

  app.get(
    '/api/events/:eventId/feedback/qr.png',
    {
      config: event,
      schema: {
        tags,
        summary: "The QR code of the form's short link (PNG)",
        params: EventParams,
        produces: ['image/png'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) =>
      download(
        reply,
        'image/png',
        'tilbakemelding-qr.png',
        (await feedbackQr(deps, tenantOf(request), request.params.eventId, 'png')) as Buffer,
      ),
  );

  app.get(
    '/api/events/:eventId/feedback/qr.svg',
    {
      config: event,
      schema: {
        tags,
        summary: "The QR code of the form's short link (SVG)",
        params: EventParams,
        produces: ['image/svg+xml'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) => {
      const svg = Buffer.from(
        (await feedbackQr(deps, tenantOf(request), request.params.eventId, 'svg')) as string,
      );
      // Shown in the page (<img>) as well as downloaded: inline unless ?download=1.
      const inline = (request.query as { download?: string }).download !== '1';
      return inline
        ? reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store').send(svg)
        : download(reply, 'image/svg+xml', 'tilbakemelding-qr.svg', svg);
    },
  );

  app.get(
    '/api/events/:eventId/feedback/sheet.pdf',
    {
      config: event,
      schema: {
        tags,
        summary: 'A printable A4 sheet for the tables: title, date, QR code, short link',
        params: EventParams,
        produces: ['application/pdf'],
        response: withErrors({ 200: Binary }),
      },
    },
    async (request, reply) =>
      download(
        reply,
        'application/pdf',
        'tilbakemelding-a4.pdf',
        Buffer.from(await feedbackSheetPdf(deps, tenantOf(request), request.params.eventId)),
      ),
  );

  app.get(
    '/api/events/:eventId/feedback/results',
    {
      config: event,
      schema: {
        tags,
        summary: 'The answers so far: counts per option, scale means, free texts, the number of responses',
        params: EventParams,
        response: withErrors({ 200: FeedbackResults }),
      },
    },
    async (request) => feedbackResults(deps, tenantOf(request), request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/evaluation',
    {
      config: event,
      schema: {
        tags,
        summary: "The team's evaluation of the event (version 0: none yet)",
        params: EventParams,
        response: withErrors({ 200: Evaluation }),
      },
    },
    async (request) => getEvaluation(deps, tenantOf(request), request.params.eventId),
  );

  app.put(
    '/api/events/:eventId/evaluation',
    {
      config: event,
      schema: {
        tags,
        summary: "Saves the team's evaluation (409 evaluation.conflict when someone saved first)",
        params: EventParams,
        body: EvaluationBody,
        response: withErrors({ 200: Evaluation }),
      },
    },
    async (request) =>
      saveEvaluation(deps, tenantOf(request), request.params.eventId, {
        wentWell: request.body.wentWell ?? null,
        changeNext: request.body.changeNext ?? null,
        attendanceNote: request.body.attendanceNote ?? null,
        programmeNote: request.body.programmeNote ?? null,
        version: request.body.version,
      }),
  );

  app.get(
    '/api/events/:eventId/previous-evaluation',
    {
      config: event,
      schema: {
        tags,
        summary: 'The evaluation of the last earlier event of the same kind, or null',
        params: EventParams,
        response: withErrors({ 200: PreviousEvaluation }),
      },
    },
    async (request) => getPreviousEvaluation(deps, tenantOf(request), request.params.eventId),
  );
};

// --- The public form at /t/<code> ---------------------------------------------------------------------------

/**
 * The short link is printed on the tables; codes that open nothing count as guesses per network
 * (features/security), so no one walks the codes of other cafés. This limit is only against
 * floods, per process: at a café everyone sits behind the venue's one Wi-Fi address and answers in
 * the same few minutes (each answer is three requests).
 */
const limited = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

/** ?lang= when the form has it, else the browser's, else the form's first language. */
function languageOf(request: FastifyRequest, data: PublicForm, asked?: string): string {
  const languages = data.form.languages;
  if (asked && languages.includes(asked)) return asked;
  return browserLanguage(request.headers['accept-language'], languages) ?? languages[0] ?? 'nb';
}

const cookieName = (code: string) => `fb_${code}`;

export const feedbackPageRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  publicErrorHandler(app, { busy: busyPage, badLink: badLinkPage }, 'feedback page');
  limitGuessing(app, deps, 'feedback_link', busyPage);
  const schema = { hide: true, params: CodeParams };

  app.get('/t/:code', { config: limited, schema }, async (request, reply) => {
    const data = await publicForm(deps, request.params.code);
    if (!data) return htmlReply(reply, 404, badLinkPage());
    const query = request.query as { lang?: string; takk?: string };
    const language = languageOf(request, data, query.lang);
    if (query.takk === '1') return htmlReply(reply, 200, thanksPage(data, language));
    if (request.cookies[cookieName(data.code)] === '1')
      return htmlReply(reply, 200, alreadyPage(data, language));
    if (!data.open) return htmlReply(reply, 200, closedPage(data, language));
    return htmlReply(reply, 200, formPage(data, language));
  });

  app.post('/t/:code', { config: limited, schema }, async (request, reply) => {
    const data = await publicForm(deps, request.params.code);
    if (!data) return htmlReply(reply, 404, badLinkPage());
    const fields = (request.body as FormFields | undefined) ?? {};
    const language = languageOf(request, data, field(fields, 'lang'));
    // One response per device: this phone has answered. Nothing is stored.
    if (request.cookies[cookieName(data.code)] === '1')
      return htmlReply(reply, 409, alreadyPage(data, language));
    if (!data.open) return htmlReply(reply, 409, closedPage(data, language));
    try {
      await saveResponse(deps, data, language, fields);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'feedback.closed') return htmlReply(reply, 409, closedPage(data, language));
      const kind = error.code === 'feedback.empty' ? 'empty' : 'invalid';
      return htmlReply(reply, 400, formPage(data, language, { values: fields, error: kind }));
    }
    // Says "this phone has answered" and nothing else; gone when the form closes.
    reply.setCookie(cookieName(data.code), '1', {
      path: `/t/${data.code}`,
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.production,
      maxAge: Math.max(1, Math.ceil((data.form.closesAt.getTime() - Date.now()) / 1000)),
    });
    // Post, redirect, get: reloading the thanks page does not send the answer again.
    return reply.redirect(`/t/${data.code}?lang=${encodeURIComponent(language)}&takk=1`, 303);
  });
};
