import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { staffText } from '../../i18n/staff.js';
import { localeOf, tenantOf } from '../../server/context.js';
import type { Deps } from '../../server/deps.js';
import { acceptForms, type FormFields, field } from '../../server/forms.js';
import { htmlReply, publicErrorHandler } from '../../server/public-page.js';
import { withErrors } from '../../server/schemas.js';
import { programmeCsv, programmeXlsx } from '../programmes/index.js';
import { limitGuessing } from '../security/index.js';
import { questionnairePath } from '../sending/index.js';
import {
  CohortParams,
  EvaluationResults,
  LinkList,
  LinksInput,
  PageParams,
  ProgrammeParams,
  ProgrammeResults,
  QuestionnaireInput,
  QuestionnaireReminding,
  QuestionnaireSending,
  QuestionnaireView,
} from './contract.js';
import { badLinkPage, busyPage, questionnaireHtml } from './page.js';
import { programmeResultsTable, resultsCsv } from './render.js';
import {
  getLinks,
  getProgrammeResults,
  getQuestionnaire,
  getResults,
  makeLinks,
  questionnairePage,
  remindQuestionnaire,
  saveByLink,
  saveQuestionnaire,
  sendQuestionnaire,
} from './service.js';

const manage = { permission: 'events:manage' as const };
const cohort = { ...manage, tenantObject: 'cohort' as const };
const tags = ['evaluation'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary' });

export const evaluationRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/evaluation/questionnaire',
    {
      config: manage,
      schema: {
        tags,
        summary:
          "En god start's questionnaire: the same questions before the first session and after the last",
        response: withErrors({ 200: QuestionnaireView }),
      },
    },
    async (request) => getQuestionnaire(deps, tenantOf(request)),
  );

  app.put(
    '/api/evaluation/questionnaire',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Saves the questionnaire (with the version it was read at; 0 for the defaults)',
        body: QuestionnaireInput,
        response: withErrors({ 200: QuestionnaireView }),
      },
    },
    async (request) => saveQuestionnaire(deps, tenantOf(request), request.body),
  );

  app.get(
    '/api/cohorts/:cohortId/evaluation-links',
    {
      config: cohort,
      schema: {
        tags,
        summary: "The households' personal questionnaire links of the cohort, and which are answered",
        params: CohortParams,
        response: withErrors({ 200: LinkList }),
      },
    },
    async (request) => getLinks(deps, tenantOf(request), request.params.cohortId),
  );

  app.post(
    '/api/cohorts/:cohortId/evaluation-links',
    {
      config: cohort,
      schema: {
        tags,
        summary: 'Makes a personal link of the round (before or after) for every household of the cohort',
        params: CohortParams,
        body: LinksInput,
        response: withErrors({ 200: LinkList }),
      },
    },
    async (request) => makeLinks(deps, tenantOf(request), request.params.cohortId, request.body.round),
  );

  app.post(
    '/api/cohorts/:cohortId/evaluation-links/sending',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          "Sends the round's questionnaire (before or after) to every household of the cohort in this municipality, by its channel and once",
        params: CohortParams,
        body: LinksInput,
        response: withErrors({ 200: QuestionnaireSending }),
      },
    },
    async (request) =>
      sendQuestionnaire(deps, tenantOf(request), request.params.cohortId, request.body.round),
  );

  app.post(
    '/api/cohorts/:cohortId/evaluation-links/reminder',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          'Reminds, once, the households whose questionnaire of the round has gone and that have not answered (at 09:00 when asked in quiet hours)',
        params: CohortParams,
        body: LinksInput,
        response: withErrors({ 200: QuestionnaireReminding }),
      },
    },
    async (request) =>
      remindQuestionnaire(deps, tenantOf(request), request.params.cohortId, request.body.round),
  );

  app.get(
    '/api/cohorts/:cohortId/evaluation',
    {
      config: cohort,
      schema: {
        tags,
        summary:
          'Before and after side by side, the mean paired change with its 95 % interval (5 pairs or more)',
        params: CohortParams,
        response: withErrors({ 200: EvaluationResults }),
      },
    },
    async (request) => getResults(deps, tenantOf(request), request.params.cohortId),
  );

  app.get(
    '/api/cohorts/:cohortId/evaluation.csv',
    {
      config: cohort,
      schema: {
        tags,
        summary: 'The results as CSV (semicolon separated, UTF-8 with BOM): aggregates only',
        params: CohortParams,
        produces: ['text/csv'],
        response: withErrors({ 200: Type.String() }),
      },
    },
    async (request, reply) => {
      const results = await getResults(deps, tenantOf(request), request.params.cohortId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="en-god-start-evaluering.csv"')
        .send(resultsCsv(results, localeOf(request)));
    },
  );

  app.get(
    '/api/evaluation/programmes/:programmeId',
    {
      config: { permission: 'aggregates:read' as const, tenantObject: 'programme' as const },
      schema: {
        tags,
        summary:
          "The coordinator's results of En god start pooled over the programme: aggregates, counts under 5 hidden",
        params: ProgrammeParams,
        response: withErrors({ 200: ProgrammeResults }),
      },
    },
    async (request) => getProgrammeResults(deps, tenantOf(request), request.params.programmeId),
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/evaluation/programmes/:programmeId/results.${format}`,
      {
        config: { permission: 'aggregates:read' as const, tenantObject: 'programme' as const },
        schema: {
          tags,
          summary: `The coordinator's pooled results as ${format === 'xlsx' ? 'an Excel file' : 'CSV (semicolon, UTF-8 with BOM)'}: counts under 5 hidden`,
          params: ProgrammeParams,
          produces: [format === 'xlsx' ? XLSX : 'text/csv'],
          response: withErrors({ 200: Binary }),
        },
      },
      async (request, reply) => {
        const table = programmeResultsTable(
          await getProgrammeResults(deps, tenantOf(request), request.params.programmeId),
        );
        return reply
          .type(format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="landsby-evaluering.${format}"`)
          .header('cache-control', 'no-store')
          .send(
            format === 'xlsx'
              ? await programmeXlsx(table, staffText('nb', 'programmes.export.evaluationNote'))
              : programmeCsv(table),
          );
      },
    );
  }
};

// Only against floods, per process (as the answer page).
const limited = { rateLimit: { max: 3000, timeWindow: '1 minute' } };

/**
 * The household's questionnaire at /sporreskjema/<token>: no login, no cookie, no JavaScript. The
 * token is the only key, so guessing is limited with the answer links' budget (features/security).
 */
export const questionnairePageRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  acceptForms(app);
  publicErrorHandler(app, { busy: busyPage, badLink: badLinkPage }, 'questionnaire page');
  limitGuessing(app, deps, 'answer_link', busyPage);
  const schema = { hide: true, params: PageParams };

  app.get('/sporreskjema/:token', { config: limited, schema }, async (request, reply) => {
    const { token } = request.params;
    const data = await questionnairePage(deps, token, request.ip);
    if (!data) return htmlReply(reply, 404, badLinkPage());
    const saved = (request.query as { lagret?: string }).lagret === '1';
    return htmlReply(reply, 200, questionnaireHtml(data, questionnairePath(token), { saved }));
  });

  app.post('/sporreskjema/:token', { config: limited, schema }, async (request, reply) => {
    const { token } = request.params;
    const form = (request.body as FormFields | undefined) ?? {};
    const values = Object.fromEntries(Object.keys(form).map((name) => [name, field(form, name)]));
    const result = await saveByLink(deps, token, request.ip, values);
    if (!result) return htmlReply(reply, 404, badLinkPage());
    if (result.missing.length > 0)
      return htmlReply(
        reply,
        400,
        questionnaireHtml(result.data, questionnairePath(token), { missing: result.missing, values }),
      );
    // Post, redirect, get: reloading the page does not send the answers again.
    return reply.redirect(`${questionnairePath(token)}?lagret=1`, 303);
  });
};
