import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import { EMAIL } from '../../domain/household.js';
import { checkMobile } from '../../domain/phone.js';
import type { Deps } from '../../server/deps.js';
import { type FieldError, invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import {
  type CandidateInput,
  type CandidateList,
  type CandidateStageChange,
  type CandidateView,
  NEXT_STAGES,
} from './contract.js';
import { candidateChanged, stageDayOutOfOrder, stageNotAllowed } from './errors.js';
import { presentCandidate } from './present.js';
import * as q from './queries.js';

const RECORD = 'family_home_candidate';

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Checks the candidate form, every problem at once: a name, and a phone number or an e-mail address. */
function candidateData(input: CandidateInput): q.CandidateData {
  const errors: FieldError[] = [];
  const name = blank(input.name);
  if (!name) errors.push({ field: 'name', rule: 'required' });
  const typedPhone = blank(input.phone);
  const checked = typedPhone ? checkMobile(typedPhone) : null;
  if (checked && 'problem' in checked) errors.push({ field: 'phone', rule: checked.problem });
  const email = blank(input.email)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) errors.push({ field: 'email', rule: 'email' });
  if (!typedPhone && !email) errors.push({ field: 'phone', rule: 'required' });
  if (input.firstContactOn > todayInOslo()) errors.push({ field: 'firstContactOn', rule: 'maximum' });
  if (errors.length > 0) throw invalid(errors);
  const phone = checked && 'mobile' in checked ? checked.mobile : null;
  const languages = [...new Set(input.languages.map((l) => l.trim()).filter((l) => l !== ''))];
  return {
    name: name as string,
    phone,
    email,
    languages,
    firstContactOn: input.firstContactOn,
    notes: blank(input.notes),
  };
}

export async function listCandidates(deps: Deps, ctx: TenantContext): Promise<CandidateList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await q.listCandidates(tx, ctx.municipalityId);
    await auditListRead(
      tx,
      ctx,
      RECORD,
      rows.map((r) => r.id),
    );
    return { candidates: rows.map(presentCandidate) };
  });
}

async function candidateOrNotFound(
  tx: Queryable,
  ctx: TenantContext,
  candidateId: string,
): Promise<q.CandidateRow> {
  const row = await q.findCandidate(tx, ctx.municipalityId, candidateId);
  if (!row) throw notFound();
  return row;
}

async function shown(tx: Queryable, ctx: TenantContext, candidateId: string): Promise<CandidateView> {
  return presentCandidate(await candidateOrNotFound(tx, ctx, candidateId));
}

export async function readCandidate(
  deps: Deps,
  ctx: TenantContext,
  candidateId: string,
): Promise<CandidateView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const candidate = await shown(tx, ctx, candidateId);
    await audit(tx, ctx, { action: 'read', recordType: RECORD, recordId: candidateId });
    return candidate;
  });
}

export async function createCandidate(
  deps: Deps,
  ctx: TenantContext,
  input: CandidateInput,
): Promise<CandidateView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const id = await q.insertCandidate(tx, ctx.municipalityId, candidateData(input), ctx.userId);
    await audit(tx, ctx, { action: 'create', recordType: RECORD, recordId: id });
    return shown(tx, ctx, id);
  });
}

export async function updateCandidate(
  deps: Deps,
  ctx: TenantContext,
  candidateId: string,
  input: CandidateInput,
  version: number,
): Promise<CandidateView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await candidateOrNotFound(tx, ctx, candidateId);
    if (before.version !== version) throw candidateChanged();
    // The first contact comes before every later step.
    const nextStep = [before.assessmentOn, before.stoppedOn].filter((d): d is string => d !== null).sort()[0];
    if (nextStep && input.firstContactOn > nextStep) {
      throw invalid([{ field: 'firstContactOn', rule: 'after_next_step' }]);
    }
    if (!(await q.updateCandidate(tx, ctx.municipalityId, candidateId, candidateData(input), version))) {
      throw candidateChanged();
    }
    await audit(tx, ctx, { action: 'update', recordType: RECORD, recordId: candidateId });
    return shown(tx, ctx, candidateId);
  });
}

/** The last day a step was taken: a new step cannot be dated before it. */
const lastStepOn = (row: q.CandidateRow) =>
  [row.firstContactOn, row.assessmentOn, row.trainingOn]
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1) ?? row.firstContactOn;

/** Moves a candidate one step on (or to stopped, with a reason) on a day. */
export async function changeCandidateStage(
  deps: Deps,
  ctx: TenantContext,
  candidateId: string,
  change: CandidateStageChange,
): Promise<CandidateView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const before = await candidateOrNotFound(tx, ctx, candidateId);
    if (before.version !== change.version) throw candidateChanged();
    const stage = change.stage;
    if (stage === 'first_contact' || !NEXT_STAGES[before.stage].includes(stage)) throw stageNotAllowed();
    if (change.on < lastStepOn(before) || change.on > todayInOslo()) throw stageDayOutOfOrder();
    const reason = blank(change.reason);
    if (stage === 'stopped' && !reason) throw invalid([{ field: 'reason', rule: 'required' }]);
    const moved = await q.updateCandidateStage(
      tx,
      ctx.municipalityId,
      candidateId,
      { stage, on: change.on, reason: stage === 'stopped' ? reason : null },
      change.version,
    );
    if (!moved) throw candidateChanged();
    await audit(tx, ctx, {
      action: 'update',
      recordType: RECORD,
      recordId: candidateId,
      details: { from: before.stage, to: stage },
    });
    return shown(tx, ctx, candidateId);
  });
}

/** Removes a candidate and everything about them (least data: a candidate who is no more is not kept). */
export async function deleteCandidate(deps: Deps, ctx: TenantContext, candidateId: string): Promise<void> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.deleteCandidate(tx, ctx.municipalityId, candidateId))) throw notFound();
    await audit(tx, ctx, { action: 'delete', recordType: RECORD, recordId: candidateId });
  });
}
