import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { isIsoDate } from '../../../domain/calendar.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import { requireSolid } from '../../courses/index.js';
import { findHousehold } from '../../registry/index.js';
import type { CandidateInput, CandidateList, CandidateView } from '../contract.js';
import * as q from '../queries.js';
import { solidByHome } from './propose-network.js';

// The short list of resource-family candidates (seed 003: recruited "ved direkte henvendelser"):
// one row per household, its status and date, and the team's suitability notes (staff only).

async function views(
  tx: Queryable,
  municipalityId: number,
  rows: q.CandidateRow[],
): Promise<CandidateView[]> {
  const solid = await solidByHome(
    tx,
    municipalityId,
    rows.map((r) => r.householdId),
  );
  return rows.map((r) => ({ ...r, solid: solid(r.householdId) }));
}

export function listCandidates(deps: Deps, ctx: TenantContext): Promise<CandidateList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await q.candidates(tx, ctx.municipalityId);
    await auditListRead(
      tx,
      ctx,
      'household',
      rows.map((r) => r.householdId),
    );
    return { candidates: await views(tx, ctx.municipalityId, rows) };
  });
}

/**
 * Puts a household on the short list or changes its status, date and note. "Accepted" (recruited)
 * is refused without Solid (409 courses.solid_required, the course register's gate).
 */
export function saveCandidate(
  deps: Deps,
  ctx: TenantContext,
  householdId: string,
  input: CandidateInput,
): Promise<CandidateView> {
  if (!isIsoDate(input.statusOn)) throw invalid([{ field: 'statusOn', rule: 'date' }]);
  const note = input.suitabilityNote?.trim() || null;
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const household = await findHousehold(tx, m, householdId);
    if (!household || household.archivedAt) throw notFound();
    // Recruited: it is to become a resource family, which Solid is the prerequisite of (seed 003).
    if (input.status === 'accepted') await requireSolid(tx, m, householdId);
    const before = await q.candidate(tx, m, householdId);
    await q.upsertCandidate(tx, m, householdId, { ...input, suitabilityNote: note }, ctx.userId);
    await audit(tx, ctx, {
      action: before ? 'update' : 'create',
      recordType: 'resource_family_candidate',
      recordId: householdId,
      subjectId: householdId,
      details: { status: input.status, note: note !== null },
    });
    const row = await q.candidate(tx, m, householdId);
    if (!row) throw notFound();
    const [view] = await views(tx, m, [row]);
    if (!view) throw notFound();
    return view;
  });
}

export function removeCandidate(deps: Deps, ctx: TenantContext, householdId: string): Promise<void> {
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.deleteCandidate(tx, ctx.municipalityId, householdId))) throw notFound();
    await audit(tx, ctx, {
      action: 'delete',
      recordType: 'resource_family_candidate',
      recordId: householdId,
      subjectId: householdId,
    });
  });
}
