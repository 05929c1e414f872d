import { inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { forbidden, invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { CohortView, PartnerAttendanceInput } from '../contract.js';
import * as j from '../queries/joint.js';
import { listSessions } from '../queries.js';
import { cohortOrNotFound, cohortView } from '../service.js';

/**
 * The host adds a partner municipality to its cohort: a fellow member of the cohort's programme
 * (the programme is the cooperation the municipalities have agreed on). The partner then sees the
 * cohort and adds its own new foster homes. Adding one twice changes nothing.
 */
export async function addPartner(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  municipalityId: number,
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const cohort = await cohortOrNotFound(tx, ctx, cohortId);
    if (cohort.municipalityId !== ctx.municipalityId) throw forbidden();
    const choices = cohort.programmeId
      ? await j.partnerChoices(tx, ctx.municipalityId, cohortId, cohort.programmeId)
      : [];
    const partners = await j.listPartners(tx, cohortId);
    if (!partners.some((p) => p.id === municipalityId)) {
      if (!choices.some((c) => c.id === municipalityId))
        throw invalid([{ field: 'municipalityId', rule: cohort.programmeId ? 'unknown' : 'no_programme' }]);
      await j.insertPartner(tx, ctx.municipalityId, cohortId, municipalityId, ctx.userId);
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'cohort_partner',
        recordId: cohortId,
        details: { municipalityId },
      });
    }
    return cohortView(tx, ctx, cohortId);
  });
}

/**
 * The host's contact person marks a partner's household present or not at a held session. The
 * tap lands on the partner's own session (its attendance, its audit log) through joint_cohort_mark;
 * the host logs it in its own audit log too.
 */
export async function markPartnerAttendance(
  deps: Deps,
  ctx: TenantContext,
  cohortId: string,
  tap: PartnerAttendanceInput,
): Promise<CohortView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const cohort = await cohortOrNotFound(tx, ctx, cohortId);
    if (cohort.municipalityId !== ctx.municipalityId) throw forbidden();
    const household = (await j.partnerHouseholds(tx, cohortId)).find(
      (h) => h.householdId === tap.householdId,
    );
    if (!household) throw notFound();
    const session = (await listSessions(tx, ctx.municipalityId, cohortId)).find((s) => s.theme === tap.theme);
    if (!session?.held) throw invalid([{ field: 'theme', rule: 'not_held' }]);
    if (await j.markPartnerHousehold(tx, cohortId, tap))
      await audit(tx, ctx, {
        action: 'update',
        recordType: 'attendance',
        recordId: cohortId,
        subjectId: tap.householdId,
        details: { theme: tap.theme, present: tap.present, partner: household.municipality },
      });
    return cohortView(tx, ctx, cohortId);
  });
}
