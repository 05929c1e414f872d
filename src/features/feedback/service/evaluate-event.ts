import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { AppError } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { Evaluation, PreviousEvaluation } from '../contract.js';
import { presentEvaluation } from '../present.js';
import * as q from '../queries.js';
import { eventOf } from '../service.js';

// The team's evaluation of an event: what went well, what to change, read again before the next.

export function getEvaluation(deps: Deps, ctx: TenantContext, eventId: string): Promise<Evaluation> {
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOf(tx, ctx.municipalityId, eventId);
    return presentEvaluation(eventId, await q.findEvaluation(tx, ctx.municipalityId, eventId));
  });
}

const clean = (text: string | null | undefined) => text?.trim() || null;

/** Saves the team's evaluation if nobody else saved since `version` (0: the first); else 409. */
export function saveEvaluation(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
  input: q.EvaluationFields & { version: number },
): Promise<Evaluation> {
  const fields: q.EvaluationFields = {
    wentWell: clean(input.wentWell),
    changeNext: clean(input.changeNext),
    attendanceNote: clean(input.attendanceNote),
    programmeNote: clean(input.programmeNote),
  };
  return inTenant(deps.db, ctx, async (tx) => {
    await eventOf(tx, ctx.municipalityId, eventId);
    const saved = await q.saveEvaluation(tx, ctx.municipalityId, eventId, fields, input.version, ctx.userId);
    if (!saved) throw new AppError('evaluation.conflict', 409);
    await audit(tx, ctx, {
      action: input.version === 0 ? 'create' : 'update',
      recordType: 'event_evaluation',
      recordId: eventId,
      details: {
        eventId,
        filled: Object.entries(fields)
          .filter(([, value]) => value !== null)
          .map(([key]) => key),
      },
    });
    return presentEvaluation(eventId, await q.findEvaluation(tx, ctx.municipalityId, eventId));
  });
}

/** The last evaluation before this event (same kind), to read when planning it; null when none. */
export function getPreviousEvaluation(
  deps: Deps,
  ctx: TenantContext,
  eventId: string,
): Promise<PreviousEvaluation> {
  return inTenant(deps.db, ctx, async (tx) => {
    const event = await eventOf(tx, ctx.municipalityId, eventId);
    const row = await q.previousEvaluation(tx, ctx.municipalityId, event);
    return {
      previous: row
        ? {
            event: { id: row.eventId, title: row.title, date: row.date },
            evaluation: presentEvaluation(row.eventId, row),
          }
        : null,
    };
  });
}
