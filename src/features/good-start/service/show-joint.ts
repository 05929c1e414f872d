import type { Queryable } from '../../../db/connection.js';
import type { TenantContext } from '../../../db/tenant.js';
import { THEMES } from '../../../domain/good-start.js';
import { auditListRead } from '../../audit/index.js';
import type { CohortView } from '../contract.js';
import * as j from '../queries/joint.js';
import type { CohortRow, SessionRow } from '../queries.js';

type JointParts = Pick<
  CohortView,
  'role' | 'host' | 'partners' | 'partnerChoices' | 'partnerHouseholds' | 'others'
>;

/**
 * What a cohort page shows of the cohort's other municipalities (migrations/0031): who hosts it and
 * who takes part; for the host, the partners' households by first names and municipality (to take
 * attendance of everyone, logged in both municipalities' audit logs) and the programme's members
 * it may add; for everyone, the other municipalities' households as counts per session.
 */
export async function showJoint(
  tx: Queryable,
  ctx: TenantContext,
  cohort: CohortRow,
  sessions: SessionRow[],
): Promise<JointParts> {
  const role = cohort.municipalityId === ctx.municipalityId ? 'host' : 'partner';
  const partners = await j.listPartners(tx, cohort.id);
  const parts: JointParts = {
    role,
    host: await j.municipalityName(tx, cohort.municipalityId),
    partners: partners.map((p) => p.name),
    partnerChoices:
      role === 'host' && cohort.programmeId
        ? await j.partnerChoices(tx, ctx.municipalityId, cohort.id, cohort.programmeId)
        : [],
    partnerHouseholds: [],
    others: [],
  };
  if (partners.length === 0) return parts;

  const counts = (await j.attendanceCounts(tx, cohort.id)).filter(
    (c) => c.municipalityId !== ctx.municipalityId,
  );
  for (const c of counts) {
    let other = parts.others.find((o) => o.municipality === c.name);
    if (!other) {
      other = { municipality: c.name, members: c.members, present: [] };
      parts.others.push(other);
    }
    other.present[c.theme - 1] = c.present;
  }

  if (role === 'host') {
    const households = (await j.partnerHouseholds(tx, cohort.id)).sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality, 'nb') ||
        a.firstNames.join().localeCompare(b.firstNames.join(), 'nb'),
    );
    const held = new Set(sessions.filter((s) => s.held).map((s) => s.theme));
    parts.partnerHouseholds = households.map((h) => ({
      householdId: h.householdId,
      firstNames: h.firstNames,
      municipality: h.municipality,
      attendance: THEMES.map((theme) => ({
        theme,
        mark: h.presentThemes.includes(theme) ? 'present' : held.has(theme) ? 'absent' : null,
      })),
    }));
    const ids = households.map((h) => h.householdId);
    await auditListRead(tx, ctx, 'household', ids);
    await j.auditPartnerRead(tx, cohort.id, ids);
  }
  return parts;
}
