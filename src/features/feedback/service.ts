import { randomInt } from 'node:crypto';
import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { feedbackSheet, qrPng, qrSvg } from '../../documents/qr-sheet.js';
import { dateFormat } from '../../domain/calendar.js';
import { CHOICE_TYPES, FORM_LANGUAGES } from '../../domain/feedback.js';
import { householdWords } from '../../i18n/household/index.js';
import type { Deps } from '../../server/deps.js';
import { AppError, notFound } from '../../server/errors.js';
import { audit } from '../audit/index.js';
import { type EventRow, findEvent } from '../events/index.js';
import type { FeedbackForm, FeedbackQuestion, FeedbackResults } from './contract.js';
import * as q from './queries.js';
import { DEFAULT_LANGUAGES, defaultQuestions } from './service/default-form.js';

// --- The form ----------------------------------------------------------------------------------------------

/** The short link's code: 8 of these, from crypto random. No 0/o, 1/l/i: read aloud or typed from paper. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 8;
export const CODE_PATTERN = /^[a-z0-9]{6,16}$/;

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export const TEXT_ANSWER_MAX = 1000;
/** The form takes answers until this long after the event ends, unless the team sets otherwise. */
const DEFAULT_OPEN_DAYS = 7;
/** …and at most this long. */
const MAX_OPEN_DAYS = 90;
const DAY = 86_400_000;

export const defaultClosesAt = (endsAt: Date | string) =>
  new Date(new Date(endsAt).getTime() + DEFAULT_OPEN_DAYS * DAY);

const feedbackUrl = (deps: Deps, code: string) => `${deps.config.publicUrl.replace(/\/$/, '')}/t/${code}`;

export interface FormInput {
  questions: FeedbackQuestion[];
  languages: string[];
  closesAt: string;
  /** The version the team edited (0 or absent: the default form); another save since → 409. */
  version?: number;
}

/** The event's feedback form's short link, for the thank-you after the café; null before the form is saved. */
export async function feedbackLinkOf(
  tx: Queryable,
  municipalityId: number,
  eventId: string,
  publicUrl: string,
): Promise<string | null> {
  const form = await q.findForm(tx, municipalityId, eventId);
  return form ? `${publicUrl.replace(/\/$/, '')}/t/${form.code}` : null;
}

/** The event, or 404: every use case of the team's side starts here. */
export async function eventOf(tx: Queryable, municipalityId: number, eventId: string) {
  const event = await findEvent(tx, municipalityId, eventId);
  if (!event) throw notFound();
  return event;
}

/** The form as the team's page shows it, with its short link and how many have answered. */
async function present(
  deps: Deps,
  tx: Queryable,
  ctx: TenantContext,
  event: EventRow,
): Promise<FeedbackForm> {
  const form = await q.findForm(tx, ctx.municipalityId, event.id);
  const responses = form ? await q.countResponses(tx, ctx.municipalityId, event.id) : 0;
  return {
    eventId: event.id,
    saved: form !== undefined,
    code: form?.code ?? null,
    url: form ? feedbackUrl(deps, form.code) : null,
    questions: form?.questions ?? defaultQuestions(),
    languages: form?.languages ?? [...DEFAULT_LANGUAGES],
    closesAt: (form?.closesAt ?? defaultClosesAt(event.endsAt)).toISOString(),
    defaultClosesAt: defaultClosesAt(event.endsAt).toISOString(),
    open: form ? form.closesAt.getTime() > Date.now() && event.status === 'planned' : false,
    version: form?.version ?? 0,
    responses,
  };
}

/** The event's form, or the default form (not yet saved, no link) when the team has not saved one. */
export function getFeedbackForm(deps: Deps, ctx: TenantContext, eventId: string): Promise<FeedbackForm> {
  return inTenant(deps.db, ctx, async (tx) =>
    present(deps, tx, ctx, await eventOf(tx, ctx.municipalityId, eventId)),
  );
}

/**
 * Checks what TypeBox cannot: every question and option has its text in each of the form's
 * languages, ids are unique, choice questions have options. Options of scale and text questions
 * are dropped, texts trimmed. 400 feedback.form_invalid names each place that is wrong.
 */
function checkForm(input: Pick<FormInput, 'questions' | 'languages'>): q.FormInput['questions'] {
  const problems: { field: string; rule: string }[] = [];
  const languages = input.languages;
  if (new Set(languages).size !== languages.length) problems.push({ field: 'languages', rule: 'unique' });
  for (const [i, language] of languages.entries()) {
    if (!(FORM_LANGUAGES as readonly string[]).includes(language))
      problems.push({ field: `languages.${i}`, rule: 'enum' });
  }
  const ids = new Set<string>();
  const texts = (text: Record<string, string | undefined>, field: string) => {
    const out: Record<string, string> = {};
    for (const [language, value] of Object.entries(text)) {
      const trimmed = value?.trim();
      if (trimmed) out[language] = trimmed;
    }
    for (const language of languages) {
      if (!out[language]) problems.push({ field: `${field}.${language}`, rule: 'required' });
    }
    return out;
  };
  const questions = input.questions.map((question, i) => {
    if (ids.has(question.id)) problems.push({ field: `questions.${i}.id`, rule: 'unique' });
    ids.add(question.id);
    const checked: FeedbackQuestion = {
      id: question.id,
      type: question.type,
      text: texts(question.text, `questions.${i}.text`),
    };
    if (CHOICE_TYPES.includes(question.type)) {
      const options = question.options ?? [];
      if (options.length < 2) problems.push({ field: `questions.${i}.options`, rule: 'minItems' });
      const optionIds = new Set<string>();
      checked.options = options.map((option, j) => {
        if (optionIds.has(option.id))
          problems.push({ field: `questions.${i}.options.${j}.id`, rule: 'unique' });
        optionIds.add(option.id);
        return { id: option.id, text: texts(option.text, `questions.${i}.options.${j}.text`) };
      });
    }
    return checked;
  });
  if (problems.length > 0) throw new AppError('feedback.form_invalid', 400, problems);
  return questions;
}

/** Saves the event's form; the first save makes its short link. */
export async function saveFeedbackForm(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  input: FormInput,
): Promise<FeedbackForm> {
  const questions = checkForm(input);
  const closesAt = new Date(input.closesAt);
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOf(tx, ctx.municipalityId, eventId);
    if (event.status !== 'planned') throw new AppError('feedback.event_cancelled', 409);
    if (closesAt.getTime() <= new Date(event.startsAt).getTime())
      throw new AppError('feedback.closes_too_early', 400, {
        startsAt: new Date(event.startsAt).toISOString(),
      });
    if (closesAt.getTime() > new Date(event.endsAt).getTime() + MAX_OPEN_DAYS * DAY)
      throw new AppError('feedback.closes_too_late', 400, { days: MAX_OPEN_DAYS });
    const form: q.FormInput = { questions, languages: input.languages, closesAt };
    const before = await q.findForm(tx, ctx.municipalityId, eventId, true);
    if (before) {
      if (input.version !== undefined && input.version !== before.version)
        throw new AppError('feedback.conflict', 409);
      await q.updateForm(tx, ctx.municipalityId, eventId, form, ctx.userId);
    } else {
      if (input.version) throw new AppError('feedback.conflict', 409);
      // A code another form has (in any municipality) makes the insert do nothing: draw again.
      let inserted = false;
      for (let attempt = 0; attempt < 10 && !inserted; attempt++) {
        inserted = await q.insertForm(tx, ctx.municipalityId, eventId, newCode(), form, ctx.userId);
        if (!inserted && (await q.findForm(tx, ctx.municipalityId, eventId)))
          throw new AppError('feedback.conflict', 409);
      }
      if (!inserted) throw new Error('no free feedback code after 10 tries');
    }
    await audit(tx, ctx, {
      action: before ? 'update' : 'create',
      recordType: 'feedback_form',
      recordId: eventId,
      details: {
        eventId,
        questions: questions.map((question) => question.type),
        languages: input.languages,
        closesAt: closesAt.toISOString(),
      },
    });
    return present(deps, tx, ctx, event);
  });
}

/** The saved form, for the QR code and the sheet; 409 feedback.not_saved before the first save. */
async function savedForm(deps: Deps, ctx: TenantContext, eventId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOf(tx, ctx.municipalityId, eventId);
    const form = await q.findForm(tx, ctx.municipalityId, eventId);
    if (!form) throw new AppError('feedback.not_saved', 409);
    return { event, form, url: feedbackUrl(deps, form.code) };
  });
}

export async function feedbackQr(deps: Deps, ctx: TenantContext, eventId: string, type: 'png' | 'svg') {
  const { url } = await savedForm(deps, ctx, eventId);
  return type === 'png' ? qrPng(url) : qrSvg(url);
}

export function eventDate(date: string, language: string): string {
  const locale = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB', ar: 'ar' }[language] ?? 'nb-NO';
  return dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
    ...(language === 'ar' ? { numberingSystem: 'latn' } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The printable A4 sheet for the tables. */
export async function feedbackSheetPdf(deps: Deps, ctx: TenantContext, eventId: string): Promise<Uint8Array> {
  const { event, form, url } = await savedForm(deps, ctx, eventId);
  const first = form.languages[0] ?? 'nb';
  return feedbackSheet({
    title: event.title,
    date: eventDate(event.date, first),
    url,
    lines: form.languages.map((language) => ({
      language,
      text: householdWords(language).feedback.sheetLine,
    })),
  });
}

// --- Results ------------------------------------------------------------------------------------------------

/** Per question: counts per option, the scale's mean and distribution, the free texts; and N. */
export async function feedbackResults(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
): Promise<FeedbackResults> {
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOf(tx, ctx.municipalityId, eventId);
    const form = await q.findForm(tx, ctx.municipalityId, eventId);
    const rows = form ? await q.responses(tx, ctx.municipalityId, eventId) : [];
    const questions: FeedbackResults['questions'] = (form?.questions ?? []).map((question) => {
      const values = rows.map((r) => r.answers[question.id]).filter((v) => v !== undefined && v !== null);
      const base = { id: question.id, type: question.type, text: question.text };
      if (question.type === 'scale') {
        const scores = values.filter((v): v is number => typeof v === 'number' && v >= 1 && v <= 5);
        const distribution = [1, 2, 3, 4, 5].map((n) => scores.filter((s) => s === n).length);
        const mean = scores.length
          ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10
          : null;
        return { ...base, answered: scores.length, mean, distribution };
      }
      if (question.type === 'text') {
        const texts = values.filter((v): v is string => typeof v === 'string');
        return { ...base, answered: texts.length, texts };
      }
      const chosen = values.map((v) => [v].flat().map(String));
      const options = (question.options ?? []).map((option) => ({
        id: option.id,
        text: option.text,
        count: chosen.filter((c) => c.includes(option.id)).length,
      }));
      // "Which topics next time" is a wish list: the most wished first.
      if (question.type === 'topics') options.sort((a, b) => b.count - a.count);
      return { ...base, answered: chosen.filter((c) => c.length > 0).length, options };
    });
    return { eventId, responses: rows.length, languages: form?.languages ?? [], questions };
  });
}
