import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AnswerInput, Diet, Response } from '../../domain/answer.js';
import { calendarFile } from '../../domain/ics.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { acceptForms, type FormFields, field } from '../../server/forms.js';
import { htmlReply, publicErrorHandler } from '../../server/public-page.js';
import { limitGuessing } from '../security/index.js';
import { AnswerPageParams } from './contract.js';
import { answerPage, badLinkPage, busyPage, type FormState } from './page.js';
import { answerPageData, saveAnswerByLink } from './service.js';

/**
 * The household's answer page at /svar/<token>: no login, no cookie, no JavaScript. The token
 * is the only key, so guessing is limited (links that open nothing, per network: see
 * features/security), and the pages are never cached or indexed.
 */
// Only against floods, per process: one answer is about three requests, and a venue's Wi-Fi or a
// mobile carrier's NAT puts hundreds of families behind one address in the same minutes.
const limited = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

const number = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? 0 : Number(value);

/** The posted form → the answer's values (checked by the service). */
function answerFrom(form: FormFields): AnswerInput {
  return {
    response: (field(form, 'response') ?? '') as Response,
    adults: number(field(form, 'adults')),
    children: number(field(form, 'children')),
    diet: (form.diet ?? []) as Diet[],
    dietNote: field(form, 'dietNote') ?? null,
    comment: field(form, 'comment') ?? null,
  };
}

/** The service's refusal → which parts of the form to mark. */
function errorsOf(error: unknown): string[] | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'validation.invalid' && Array.isArray(error.details)) {
    return (error.details as { field: string }[]).map((d) => d.field);
  }
  if (error.code === 'answer.no_room') return ['no_room'];
  if (error.code === 'answer.deadline_passed') return ['deadline_passed'];
  if (error.code === 'answer.closed') return ['closed'];
  return undefined;
}

export const answerRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  publicErrorHandler(app, { busy: busyPage, badLink: badLinkPage }, 'answer page');
  limitGuessing(app, deps, 'answer_link', busyPage);
  const schema = { hide: true, params: AnswerPageParams };

  app.get('/svar/:token', { config: limited, schema }, async (request, reply) => {
    const data = await answerPageData(deps, request.params.token, request.ip);
    if (!data) return htmlReply(reply, 404, badLinkPage());
    const saved = (request.query as { lagret?: string }).lagret === '1';
    return htmlReply(reply, 200, answerPage(data, { saved }, `/svar/${request.params.token}`));
  });

  app.post('/svar/:token', { config: limited, schema }, async (request, reply) => {
    const { token } = request.params;
    const values = answerFrom((request.body as FormFields | undefined) ?? {});
    try {
      if (!(await saveAnswerByLink(deps, token, request.ip, values)))
        return htmlReply(reply, 404, badLinkPage());
    } catch (error) {
      const errors = errorsOf(error);
      if (!errors) throw error;
      // What was typed stays, with what is wrong said beside it.
      const state: FormState = { values, errors };
      const data = await answerPageData(deps, token, request.ip);
      if (!data) return htmlReply(reply, 404, badLinkPage());
      return htmlReply(
        reply,
        error instanceof AppError ? error.httpStatus : 400,
        answerPage(data, state, `/svar/${token}`),
      );
    }
    // Post, redirect, get: reloading the page does not send the answer again.
    return reply.redirect(`/svar/${token}?lagret=1`, 303);
  });

  app.get('/svar/:token/kafe.ics', { config: limited, schema }, async (request, reply) => {
    const data = await answerPageData(deps, request.params.token, request.ip);
    if (!data) return htmlReply(reply, 404, badLinkPage());
    // No place (yet): the answer page says where the household stands.
    if (!data.calendar) return reply.redirect(`/svar/${request.params.token}`, 303);
    const { event, venue } = data;
    const ics = calendarFile({
      uid: `${event.id}@landsby`,
      title: event.title,
      startsAt: new Date(event.startsAt),
      endsAt: new Date(event.endsAt),
      location: venue ? [venue.name, venue.addressLine, venue.place].filter(Boolean).join(', ') : null,
      description: event.title,
    });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="kafe.ics"')
      .header('cache-control', 'no-store')
      .send(ics);
  });
};
