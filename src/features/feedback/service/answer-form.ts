import { asSystem, inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { AppError, invalid } from '../../../server/errors.js';
import { findEvent } from '../../events/index.js';
import * as q from '../queries.js';
import { CODE_PATTERN, TEXT_ANSWER_MAX } from '../service.js';

// The public page (/t/<code>): the form a short link names, and an anonymous household's answer.

/** The form a short link names, as the public page shows it; undefined for a wrong link. */
export async function publicForm(deps: Deps, code: string) {
  if (!CODE_PATTERN.test(code)) return undefined;
  const found = await asSystem(deps.db, (tx) => q.formOfCode(tx, code));
  if (!found) return undefined;
  // No user and no address: nothing about the respondent reaches the database, not even the log.
  const ctx: TenantContext = { municipalityId: found.municipalityId, userId: null, ip: null };
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await findEvent(tx, ctx.municipalityId, found.eventId);
    const form = await q.findForm(tx, ctx.municipalityId, found.eventId);
    if (!event || !form) return undefined;
    return {
      ctx,
      code,
      event: { id: event.id, title: event.title, date: event.date },
      form,
      open: event.status === 'planned' && form.closesAt.getTime() > Date.now(),
    };
  });
}

export type PublicForm = NonNullable<Awaited<ReturnType<typeof publicForm>>>;

/** The posted fields (q_<id> → values) → the answers as stored; a value the form cannot give → 400. */
function checkResponse(form: q.FormRow, fields: Record<string, string[]>): Record<string, q.AnswerValue> {
  const answers: Record<string, q.AnswerValue> = {};
  const notAnOption = () => invalid([{ field: 'answers', rule: 'enum' }]);
  for (const question of form.questions) {
    const values = (fields[`q_${question.id}`] ?? []).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    if (question.type === 'scale') {
      const score = Number(values[0]);
      if (values.length > 1 || !Number.isInteger(score) || score < 1 || score > 5) throw notAnOption();
      answers[question.id] = score;
    } else if (question.type === 'text') {
      const text = (values[0] ?? '').trim();
      if (values.length > 1 || [...text].length > TEXT_ANSWER_MAX) throw notAnOption();
      answers[question.id] = text;
    } else {
      const ids = new Set((question.options ?? []).map((o) => o.id));
      const chosen = [...new Set(values)];
      if (chosen.some((c) => !ids.has(c))) throw notAnOption();
      if (question.type === 'single') {
        if (chosen.length > 1) throw notAnOption();
        answers[question.id] = chosen[0] as string;
      } else answers[question.id] = chosen;
    }
  }
  if (Object.keys(answers).length === 0) throw new AppError('feedback.empty', 400);
  return answers;
}

/** Stores an anonymous response. Nothing is audited: there is no one to audit. */
export async function saveResponse(
  deps: Deps,
  data: PublicForm,
  language: string,
  fields: Record<string, string[]>,
): Promise<void> {
  if (!data.open) throw new AppError('feedback.closed', 409);
  const answers = checkResponse(data.form, fields);
  await inTenant(deps.db, data.ctx, (tx) =>
    q.insertResponse(tx, data.ctx.municipalityId, data.event.id, language, answers),
  );
}
