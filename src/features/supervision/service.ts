import type { Queryable } from '../../db/connection.js';
import { inTenant, type TenantContext } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import { daysOverdue, nextTalkDue } from '../../domain/supervision.js';
import type { Deps } from '../../server/deps.js';
import { invalid, notFound } from '../../server/errors.js';
import { audit, auditListRead } from '../audit/index.js';
import type {
  IntervalInput,
  SupervisedList,
  SupervisionDue,
  SupervisionView,
  TalkInput,
} from './contract.js';
import * as q from './queries.js';

// Supervision talks (veiledning): when the next is due, the short log of talks, the interval.
// Every read and change is audited with the resource family's household as its subject.

function dueOf(row: q.SupervisedRow, today: string): SupervisionDue {
  const nextDueOn = nextTalkDue(row.lastTalkOn, row.startedOn, row.intervalDays);
  return {
    intervalDays: row.intervalDays,
    startedOn: row.startedOn,
    lastTalkOn: row.lastTalkOn,
    nextDueOn,
    daysOverdue: daysOverdue(nextDueOn, today),
  };
}

async function supervised(tx: Queryable, ctx: TenantContext, networkId: string): Promise<q.SupervisedRow> {
  const row = await q.findSupervised(tx, ctx.municipalityId, networkId);
  if (!row) throw notFound();
  return row;
}

async function viewOf(tx: Queryable, ctx: TenantContext, row: q.SupervisedRow): Promise<SupervisionView> {
  return {
    networkId: row.id,
    due: dueOf(row, todayInOslo()),
    caseworkers: await q.caseworkersOf(tx, ctx.municipalityId, row.id),
    adults: await q.adultsOf(tx, ctx.municipalityId, row.resourceFamilyHouseholdId),
    talks: await q.talksOf(tx, ctx.municipalityId, row.id),
  };
}

/** The network's supervision: next due, the people who can take part, the log with its notes. */
export function getSupervision(deps: Deps, ctx: TenantContext, networkId: string): Promise<SupervisionView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await supervised(tx, ctx, networkId);
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'supervision',
      recordId: row.id,
      subjectId: row.resourceFamilyHouseholdId,
    });
    return viewOf(tx, ctx, row);
  });
}

/** Logs a talk held (not in the future), with at least one participant of this network. */
export function logTalk(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  input: TalkInput,
): Promise<SupervisionView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await supervised(tx, ctx, networkId);
    const caseworkers = new Set((await q.caseworkersOf(tx, ctx.municipalityId, row.id)).map((c) => c.id));
    const adults = new Set(
      (await q.adultsOf(tx, ctx.municipalityId, row.resourceFamilyHouseholdId)).map((a) => a.id),
    );
    const caseworkerIds = [...new Set(input.caseworkerIds)];
    const adultIds = [...new Set(input.adultIds)];
    const errors = [];
    if (input.heldOn > todayInOslo()) errors.push({ field: 'heldOn', rule: 'future' });
    if (caseworkerIds.some((id) => !caseworkers.has(id)) || adultIds.some((id) => !adults.has(id)))
      errors.push({ field: 'participants', rule: 'unknown' });
    else if (caseworkerIds.length + adultIds.length === 0)
      errors.push({ field: 'participants', rule: 'required' });
    if (errors.length) throw invalid(errors);
    const note = input.note?.trim() || null;
    const logged = await q.insertTalk(tx, ctx.municipalityId, {
      id: input.id,
      networkId: row.id,
      heldOn: input.heldOn,
      note,
      caseworkerIds,
      adultIds,
      createdBy: ctx.userId,
    });
    if (logged) {
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'supervision_talk',
        recordId: input.id,
        subjectId: row.resourceFamilyHouseholdId,
        details: {
          networkId: row.id,
          heldOn: input.heldOn,
          participants: caseworkerIds.length + adultIds.length,
        },
      });
    } else if ((await q.talkNetwork(tx, ctx.municipalityId, input.id)) !== row.id) {
      throw invalid([{ field: 'id', rule: 'taken' }]);
    }
    return viewOf(tx, ctx, (await q.findSupervised(tx, ctx.municipalityId, row.id)) ?? row);
  });
}

/** Sets how often the talks are to be held (days); the next due day follows from it. */
export function changeInterval(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  input: IntervalInput,
): Promise<SupervisionView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await supervised(tx, ctx, networkId);
    await q.saveInterval(tx, ctx.municipalityId, row.id, input.days, ctx.userId);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'supervision_interval',
      recordId: row.id,
      subjectId: row.resourceFamilyHouseholdId,
      details: { from: row.intervalDays, to: input.days },
    });
    return viewOf(tx, ctx, { ...row, intervalDays: input.days });
  });
}

/** The networks the user supervises, with the next talk due: the caseworker's start page. */
export function listSupervised(deps: Deps, ctx: TenantContext): Promise<SupervisedList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = ctx.userId ? await q.supervisedBy(tx, ctx.municipalityId, ctx.userId) : [];
    await auditListRead(
      tx,
      ctx,
      'household',
      rows.map((r) => r.resourceFamilyHouseholdId),
    );
    const today = todayInOslo();
    return { networks: rows.map((r) => ({ networkId: r.id, name: r.name, due: dueOf(r, today) })) };
  });
}
