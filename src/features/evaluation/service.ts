import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/connection.js';
import { inTenant, inTenantOfLink, type TenantContext } from '../../db/tenant.js';
import {
  DEFAULT_QUESTIONS,
  MIN_PAIRS,
  pairedChange,
  type Question,
  type Round,
} from '../../domain/good-start.js';
import { SMALL_COUNT, suppress } from '../../domain/statistics.js';
import { evaluationLanguage } from '../../i18n/household/index.js';
import type { Deps } from '../../server/deps.js';
import { conflict, type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import { cohortHouseholds, findCohort } from '../good-start/index.js';
import { questionnaireToken, questionnaireUrl, queueQuestionnaire, tokenHash } from '../sending/index.js';
import type {
  EvaluationResults,
  LinkList,
  ProgrammeResults,
  QuestionnaireInput,
  QuestionnaireReminding,
  QuestionnaireSending,
  QuestionnaireView,
} from './contract.js';
import * as q from './queries.js';

async function questionnaireOf(tx: Queryable, municipalityId: number): Promise<QuestionnaireView> {
  return (await q.findQuestionnaire(tx, municipalityId)) ?? { questions: DEFAULT_QUESTIONS, version: 0 };
}

export async function getQuestionnaire(deps: Deps, ctx: TenantContext): Promise<QuestionnaireView> {
  return inTenant(deps.db, ctx, (tx) => questionnaireOf(tx, ctx.municipalityId));
}

/** The team edits the questions; an id stays with its question, so before and after still pair. */
export async function saveQuestionnaire(
  deps: Deps,
  ctx: TenantContext,
  input: QuestionnaireInput,
): Promise<QuestionnaireView> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const questions: Question[] = input.questions.map((question, i) => {
    if (seen.has(question.id)) errors.push({ field: `questions.${i}.id`, rule: 'unique' });
    seen.add(question.id);
    const text = { nb: question.text.nb.trim(), nn: question.text.nn.trim(), en: question.text.en.trim() };
    for (const language of ['nb', 'nn', 'en'] as const)
      if (!text[language]) errors.push({ field: `questions.${i}.text.${language}`, rule: 'required' });
    return { id: question.id, type: question.type, text };
  });
  if (errors.length > 0) throw invalid(errors);
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.saveQuestionnaire(tx, ctx.municipalityId, questions, input.version, ctx.userId)))
      throw conflict('evaluation.changed');
    await audit(tx, ctx, { action: 'update', recordType: 'evaluation_questionnaire' });
    return questionnaireOf(tx, ctx.municipalityId);
  });
}

async function linkList(deps: Deps, tx: Queryable, ctx: TenantContext, cohortId: string): Promise<LinkList> {
  const links = await q.listLinks(tx, ctx.municipalityId, cohortId);
  await auditListRead(tx, ctx, 'household', [...new Set(links.map((l) => l.householdId))]);
  return {
    links: links.map((l) => ({
      householdId: l.householdId,
      name: l.name,
      round: l.round,
      language: l.language,
      url: questionnaireUrl(deps.config.publicUrl, questionnaireToken(deps.config.secretKey, l.id)),
      answered: l.answered,
      sent: l.sent,
    })),
  };
}

export async function getLinks(deps: Deps, ctx: TenantContext, cohortId: string): Promise<LinkList> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await findCohort(tx, ctx.municipalityId, cohortId))) throw notFound();
    return linkList(deps, tx, ctx, cohortId);
  });
}

/** A personal link of the round for every household of the cohort that has none yet; the households. */
async function ensureLinks(deps: Deps, tx: Queryable, ctx: TenantContext, cohortId: string, round: Round) {
  const members = await cohortHouseholds(tx, ctx.municipalityId, cohortId);
  if (!members) throw notFound();
  const householdIds = members.map((m) => m.householdId);
  const languages = new Map(
    (await q.householdLanguages(tx, ctx.municipalityId, householdIds)).map((r) => [
      r.householdId,
      r.language,
    ]),
  );
  for (const householdId of householdIds) {
    const id = randomUUID();
    await q.ensureLink(tx, ctx.municipalityId, {
      id,
      cohortId,
      householdId,
      round,
      tokenHash: tokenHash(questionnaireToken(deps.config.secretKey, id)),
      language: evaluationLanguage(languages.get(householdId) ?? 'nb'),
    });
  }
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'evaluation_link',
    recordId: cohortId,
    details: { round },
  });
  return householdIds;
}

/** A personal link of the round for every household of the cohort that has none yet. */
export async function makeLinks(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  round: Round,
): Promise<LinkList> {
  return inTenant(deps.db, ctx, async (tx) => {
    await ensureLinks(deps, tx, ctx, cohortId, round);
    return linkList(deps, tx, ctx, cohortId);
  });
}

/** The session a round's questionnaire goes with: before the first, after the last. */
const ROUND_THEME: Record<Round, number> = { before: 1, after: 6 };

/**
 * «Send spørreskjema»: every household of the cohort in this municipality gets its personal link
 * of the round through the sending engine, on its invitation to the round's session (by its
 * channel, in its language), once however often the team clicks (the engine's UNIQUE per
 * invitation and purpose). A household not invited to that session has nothing to send by and
 * is counted, not sent. Refused when the municipality has no such session (evaluation.no_session).
 */
export async function sendQuestionnaire(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  round: Round,
  now: Date = new Date(),
): Promise<QuestionnaireSending> {
  const { view, eventId, queued, at } = await inTenant(deps.db, ctx, async (tx) => {
    const householdIds = await ensureLinks(deps, tx, ctx, cohortId, round);
    const eventId = await q.sessionOfTheme(tx, ctx.municipalityId, cohortId, ROUND_THEME[round]);
    if (!eventId) throw conflict('evaluation.no_session');
    const invitations = await q.sessionInvitations(tx, ctx.municipalityId, eventId, householdIds);
    const ids = invitations.map((i) => i.id);
    const { queued, at } = await queueQuestionnaire(tx, ctx, eventId, ids, round, now);
    const view = {
      ...(await linkList(deps, tx, ctx, cohortId)),
      queued,
      notInvited: householdIds.length - new Set(invitations.map((i) => i.householdId)).size,
      at: at.toISOString(),
    };
    return { view, eventId, queued, at };
  });
  if (queued > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId }, at);
  return view;
}

/**
 * «Send påminnelse»: once, to the households whose questionnaire of the round has gone and that
 * have not answered, by the same way; in quiet hours it waits until 09:00. A second click queues
 * nothing (the engine's UNIQUE per invitation and purpose).
 */
export async function remindQuestionnaire(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  round: Round,
  now: Date = new Date(),
): Promise<QuestionnaireReminding> {
  const { view, eventId, queued, at } = await inTenant(deps.db, ctx, async (tx) => {
    if (!(await findCohort(tx, ctx.municipalityId, cohortId))) throw notFound();
    const eventId = await q.sessionOfTheme(tx, ctx.municipalityId, cohortId, ROUND_THEME[round]);
    if (!eventId) throw conflict('evaluation.no_session');
    const ids = (await q.unansweredInvitations(tx, ctx.municipalityId, cohortId, eventId, round)).map(
      (i) => i.id,
    );
    const { queued, at } = await queueQuestionnaire(
      tx,
      ctx,
      eventId,
      ids,
      round,
      now,
      'questionnaire-reminder',
    );
    const view = { ...(await linkList(deps, tx, ctx, cohortId)), queued, at: at.toISOString() };
    return { view, eventId, queued, at };
  });
  if (queued > 0) await deps.jobs.sendMessages({ municipalityId: ctx.municipalityId, eventId }, at);
  return view;
}

/** Before and after side by side, paired by household inside the database; free text for the team. */
export async function getResults(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
): Promise<EvaluationResults> {
  return inTenant(deps.db, ctx, async (tx) => {
    const cohort = await findCohort(tx, ctx.municipalityId, cohortId);
    if (!cohort) throw notFound();
    const { questions } = await questionnaireOf(tx, ctx.municipalityId);
    const rows = new Map((await q.evaluationChange(tx, cohortId)).map((r) => [r.questionId, r]));
    const counts = new Map(
      (await q.answeredCounts(tx, ctx.municipalityId, cohortId)).map((r) => [r.round, r.n]),
    );
    await audit(tx, ctx, { action: 'read', recordType: 'evaluation_results', recordId: cohortId });
    return {
      cohort: { id: cohort.id, name: cohort.name },
      minPairs: MIN_PAIRS,
      answered: { before: counts.get('before') ?? 0, after: counts.get('after') ?? 0 },
      scales: questions
        .filter((question) => question.type === 'scale')
        .map((question) => {
          const r = rows.get(question.id);
          const change = pairedChange(r?.pairs ?? 0, r?.changeMean ?? null, r?.changeSd ?? null);
          return {
            questionId: question.id,
            text: question.text,
            beforeN: r?.beforeN ?? 0,
            beforeMean: r?.beforeMean ?? null,
            afterN: r?.afterN ?? 0,
            afterMean: r?.afterMean ?? null,
            pairs: change.pairs,
            change: change.mean,
            low: change.low,
            high: change.high,
          };
        }),
      texts: await q.freeTexts(tx, ctx.municipalityId, cohortId),
    };
  });
}

/**
 * The programme coordinator's results: pooled over the programme's cohorts inside the database,
 * counts under 5 shown as "under 5" and the mean of so few left out (statistics.suppress); the
 * change only from MIN_PAIRS pairs. Question words are the defaults' where the id is one of them.
 */
export async function getProgrammeResults(
  deps: Deps,
  ctx: TenantContext,
  programmeId: string,
): Promise<ProgrammeResults> {
  return inTenant(deps.db, ctx, async (tx) => {
    if ((await q.programmeAccess(tx, programmeId)) !== 'coordinator') throw notFound();
    const rows = await q.programmeEvaluationChange(tx, programmeId);
    await audit(tx, ctx, { action: 'read', recordType: 'programme_evaluation', recordId: programmeId });
    const words = new Map(DEFAULT_QUESTIONS.map((question) => [question.id, question.text]));
    const mean = (n: number, value: number | null) => (n < SMALL_COUNT ? null : value);
    return {
      minPairs: MIN_PAIRS,
      scales: rows.map((r) => {
        const change = pairedChange(r.pairs, r.changeMean, r.changeSd);
        return {
          questionId: r.questionId,
          text: words.get(r.questionId) ?? { nb: r.questionId, nn: r.questionId, en: r.questionId },
          beforeN: suppress(r.beforeN, true),
          beforeMean: mean(r.beforeN, r.beforeMean),
          afterN: suppress(r.afterN, true),
          afterMean: mean(r.afterN, r.afterMean),
          pairs: suppress(r.pairs, true),
          change: change.mean,
          low: change.low,
          high: change.high,
        };
      }),
    };
  });
}

// --- The household's questionnaire page (no login) ---------------------------------------------

export interface PageData {
  round: Round;
  language: string;
  teamName: string;
  questions: Question[];
  answers: Map<string, number | string>;
  answered: boolean;
}

function findByToken(token: string) {
  return async (tx: Queryable) => {
    if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return undefined;
    const row = await q.findLinkTenant(tx, tokenHash(token));
    return row && { ctx: { municipalityId: row.municipalityId, userId: null, ip: null }, key: row.id };
  };
}

async function pageData(
  tx: Queryable,
  municipalityId: number,
  linkId: string,
): Promise<PageData | undefined> {
  const link = await q.findLink(tx, municipalityId, linkId);
  if (!link) return undefined;
  const { questions } = await questionnaireOf(tx, municipalityId);
  const answers = new Map<string, number | string>();
  for (const a of await q.linkAnswers(tx, municipalityId, linkId))
    answers.set(a.questionId, a.score ?? a.text ?? '');
  return {
    round: link.round,
    language: link.language,
    teamName: link.teamName,
    questions,
    answers,
    answered: link.answeredAt !== null,
  };
}

export async function questionnairePage(
  deps: Deps,
  token: string,
  ip: string,
): Promise<PageData | undefined> {
  return inTenantOfLink(deps.db, findByToken(token), async (tx, { ctx, key }) => {
    const data = await pageData(tx, ctx.municipalityId, key);
    const link = await q.findLink(tx, ctx.municipalityId, key);
    await audit(
      tx,
      { ...ctx, ip },
      { action: 'read', recordType: 'evaluation_link', recordId: key, subjectId: link?.householdId },
    );
    return data;
  });
}

/** The posted answers, checked: every scale question answered 1–5; free text optional. */
export function checkAnswers(questions: Question[], form: Record<string, string | undefined>) {
  const missing: string[] = [];
  const answers: { questionId: string; score: number | null; text: string | null }[] = [];
  for (const question of questions) {
    const value = form[question.id]?.trim() ?? '';
    if (question.type === 'scale') {
      if (!/^[1-5]$/.test(value)) missing.push(question.id);
      else answers.push({ questionId: question.id, score: Number(value), text: null });
    } else if (value) answers.push({ questionId: question.id, score: null, text: value.slice(0, 2000) });
  }
  return { missing, answers };
}

/** Saves the household's answers; undefined when the link opens nothing, else what was missing. */
export async function saveByLink(
  deps: Deps,
  token: string,
  ip: string,
  form: Record<string, string | undefined>,
): Promise<{ data: PageData; missing: string[] } | undefined> {
  return inTenantOfLink(deps.db, findByToken(token), async (tx, { ctx, key }) => {
    const data = await pageData(tx, ctx.municipalityId, key);
    if (!data) return undefined;
    const { missing, answers } = checkAnswers(data.questions, form);
    if (missing.length > 0) return { data, missing };
    await q.saveAnswers(tx, ctx.municipalityId, key, answers);
    const link = await q.findLink(tx, ctx.municipalityId, key);
    await audit(
      tx,
      { ...ctx, ip },
      { action: 'update', recordType: 'evaluation_answer', recordId: key, subjectId: link?.householdId },
    );
    return { data, missing };
  });
}
