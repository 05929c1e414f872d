import type { Queryable } from '../../../db/connection.js';
import { inTenant } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { COUNSELLOR_HOME_LIMIT } from '../../../domain/family-home.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import { completionsOf } from '../../courses/index.js';
import { housingUnitOf } from '../../housing/index.js';
import type { CounsellorList, FamilyHomeList, FamilyHomeView } from '../contract.js';
import * as q from '../queries.js';
import type { Viewer } from './viewer.js';

/** The family homes the viewer follows (the team: all of the municipality's). */
export function listFamilyHomes(deps: Deps, viewer: Viewer): Promise<FamilyHomeList> {
  const { ctx, scope } = viewer;
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await q.listHomes(tx, ctx.municipalityId, scope, todayInOslo());
    await auditListRead(
      tx,
      ctx,
      'family_home',
      rows.map((row) => row.id),
    );
    return {
      scope: scope.kind,
      homes: rows.map((row) => ({
        id: row.id,
        name: row.name,
        place: row.place,
        counsellor: row.counsellorId ? { id: row.counsellorId, name: row.counsellorName ?? '' } : null,
        youthCount: row.youthCount,
        lastFollowUpOn: row.lastFollowUpOn,
        nextMeetingOn: row.nextMeetingOn,
      })),
    };
  });
}

/** The home in the viewer's scope, or 404: another municipality's, another kind, or not theirs. */
export async function homeOrNotFound(tx: Queryable, viewer: Viewer, householdId: string): Promise<q.HomeRow> {
  const home = await q.findHome(tx, viewer.ctx.municipalityId, householdId, viewer.scope);
  if (!home) throw notFound();
  return home;
}

/** One home with its parents, youths, counsellor and follow-up log. */
export function getFamilyHome(deps: Deps, viewer: Viewer, householdId: string): Promise<FamilyHomeView> {
  return inTenant(deps.db, viewer.ctx, async (tx) => {
    const home = await homeOrNotFound(tx, viewer, householdId);
    const view = await homeView(tx, viewer, home);
    await audit(tx, viewer.ctx, {
      action: 'read',
      recordType: 'family_home',
      recordId: home.id,
      subjectId: home.id,
    });
    return view;
  });
}

export async function homeView(tx: Queryable, viewer: Viewer, home: q.HomeRow): Promise<FamilyHomeView> {
  const m = viewer.ctx.municipalityId;
  const [parents, youths, followUps] = [
    await q.parentsOf(tx, m, home.id),
    await q.youthsOf(tx, m, home.id),
    await q.followUpsOf(tx, m, home.id),
  ];
  // Training and courses of the parents: the one course register (features/courses), read audited.
  const completions = await completionsOf(
    tx,
    viewer.ctx,
    parents.map((parent) => parent.id),
  );
  const unit = await housingUnitOf(tx, m, home.id);
  return {
    id: home.id,
    name: home.name,
    address: { line: home.addressLine, postcode: home.postcode, place: home.place },
    parents: parents.map((parent) => ({
      ...parent,
      courses: completions
        .filter((completion) => completion.adultId === parent.id)
        .map((completion) => ({
          kind: completion.kind,
          completedOn: completion.completedOn,
          part: completion.part,
        })),
    })),
    youths,
    counsellor: home.counsellorId
      ? { id: home.counsellorId, name: home.counsellorName ?? '', overrideReason: home.overrideReason }
      : null,
    followUps,
    housingUnit: unit && { id: unit.id, address: unit.address, status: unit.status },
    scope: viewer.scope.kind,
  };
}

/** The municipality's family counsellors, each with the number of homes they follow. */
export function listCounsellors(deps: Deps, viewer: Viewer): Promise<CounsellorList> {
  return inTenant(deps.db, viewer.ctx, async (tx) => ({
    counsellors: await q.counsellors(tx, viewer.ctx.municipalityId),
    limit: COUNSELLOR_HOME_LIMIT,
  }));
}
