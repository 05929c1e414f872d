import { randomUUID } from 'node:crypto';
import { inTenant } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { COUNSELLOR_HOME_LIMIT, counsellorHasRoom } from '../../../domain/family-home.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { CounsellorInput, FamilyHomeView, FollowUpInput, YouthInput } from '../contract.js';
import { counsellorFull, notCounsellor, overrideForbidden } from '../errors.js';
import * as q from '../queries.js';
import { homeOrNotFound, homeView } from './show-homes.js';
import { isUuid, type Viewer } from './viewer.js';

/** A youth's fields as stored: the name trimmed, the languages trimmed and each once. */
function youthFields(input: YouthInput): q.YouthFields {
  const today = todayInOslo();
  const errors = [
    ...(input.birthDate > today ? [{ field: 'birthDate', rule: 'future' }] : []),
    ...(input.arrivalDate < input.birthDate ? [{ field: 'arrivalDate', rule: 'before_birth' }] : []),
  ];
  if (errors.length > 0) throw invalid(errors);
  const languages = [...new Set(input.languages.map((language) => language.trim()).filter(Boolean))];
  return {
    firstName: input.firstName.trim(),
    birthDate: input.birthDate,
    arrivalDate: input.arrivalDate,
    languages,
  };
}

/** Adds a youth to the home (the team). */
export function addYouth(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  input: YouthInput,
): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const id = randomUUID();
    await q.insertYouth(tx, viewer.ctx.municipalityId, home.id, {
      id,
      ...youthFields(input),
      createdBy: viewer.ctx.userId,
    });
    await audit(tx, viewer.ctx, {
      action: 'create',
      recordType: 'family_home_youth',
      recordId: id,
      subjectId: home.id,
    });
    return homeView(tx, viewer, home);
  });
}

/** Changes a youth's first name, dates or languages (the team). */
export function editYouth(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  youthId: string,
  input: YouthInput,
): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const m = viewer.ctx.municipalityId;
    if (!isUuid(youthId) || !(await q.findYouth(tx, m, home.id, youthId))) throw notFound();
    await q.updateYouth(tx, m, youthId, youthFields(input));
    await audit(tx, viewer.ctx, {
      action: 'update',
      recordType: 'family_home_youth',
      recordId: youthId,
      subjectId: home.id,
    });
    return homeView(tx, viewer, home);
  });
}

/** Removes a youth who has moved out of the home: nothing of them is kept. */
export function removeYouth(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  youthId: string,
): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const m = viewer.ctx.municipalityId;
    if (!isUuid(youthId) || !(await q.findYouth(tx, m, home.id, youthId))) throw notFound();
    await q.deleteYouth(tx, m, youthId);
    await audit(tx, viewer.ctx, {
      action: 'delete',
      recordType: 'family_home_youth',
      recordId: youthId,
      subjectId: home.id,
    });
    return homeView(tx, viewer, home);
  });
}

/**
 * Makes a family counsellor follow the home. A counsellor follows one or two homes: a third is
 * refused unless a team leader (`canOverride`) gives a reason, which is kept and audited.
 */
export function assignCounsellor(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  input: CounsellorInput,
  canOverride: boolean,
): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const m = viewer.ctx.municipalityId;
    if (!(await q.counsellors(tx, m)).some((counsellor) => counsellor.id === input.userId))
      throw notCounsellor();
    const reason = input.overrideReason?.trim() || null;
    if (reason && !canOverride) throw overrideForbidden();
    const followed = await q.homesFollowedBy(tx, m, input.userId, home.id);
    const overridden = !counsellorHasRoom(followed);
    if (overridden && !reason) throw counsellorFull(COUNSELLOR_HOME_LIMIT);
    await q.setCounsellor(tx, m, home.id, {
      userId: input.userId,
      overrideReason: overridden ? reason : null,
      assignedBy: viewer.ctx.userId,
    });
    await audit(tx, viewer.ctx, {
      action: 'update',
      recordType: 'family_home_counsellor',
      recordId: home.id,
      subjectId: home.id,
      details: { userId: input.userId, ...(overridden ? { override: true, reason, followed } : {}) },
    });
    return homeView(tx, viewer, { ...home, ...(await q.findHome(tx, m, home.id, viewer.scope)) });
  });
}

/** The home has no family counsellor any more. */
export function unassignCounsellor(deps: Deps, viewer: Viewer, householdId: string): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    await q.removeCounsellor(tx, viewer.ctx.municipalityId, home.id);
    await audit(tx, viewer.ctx, {
      action: 'delete',
      recordType: 'family_home_counsellor',
      recordId: home.id,
      subjectId: home.id,
      details: { userId: home.counsellorId },
    });
    return homeView(tx, viewer, { ...home, counsellorId: null, counsellorName: null, overrideReason: null });
  });
}

/** Logs a home visit, a call or a meeting with the home (the team or the home's counsellor). */
export function logFollowUp(
  deps: Deps,
  viewer: Viewer,
  householdId: string,
  input: FollowUpInput,
): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    if (input.date > todayInOslo()) throw invalid([{ field: 'date', rule: 'future' }]);
    const id = randomUUID();
    await q.insertFollowUp(tx, viewer.ctx.municipalityId, home.id, {
      id,
      date: input.date,
      kind: input.kind,
      note: input.note?.trim() || null,
      createdBy: viewer.ctx.userId,
    });
    await audit(tx, viewer.ctx, {
      action: 'create',
      recordType: 'family_home_follow_up',
      recordId: id,
      subjectId: home.id,
      details: { kind: input.kind },
    });
    return homeView(tx, viewer, home);
  });
}
