import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { proposeNetwork, type ResourceFamilyOption, solidStatus } from '../../../domain/matching.js';
import { ageOn } from '../../../domain/network.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { auditListRead } from '../../audit/index.js';
import type { MatchingChildList, ProposalInput, Proposals } from '../contract.js';
import * as q from '../queries.js';

/** The children the team may pick, with their homes and recorded siblings. */
export function listChildren(deps: Deps, ctx: TenantContext): Promise<MatchingChildList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await q.childrenToPick(tx, ctx.municipalityId);
    const today = todayInOslo();
    await auditListRead(tx, ctx, 'household', [...new Set(rows.map((r) => r.householdId))]);
    return {
      children: rows.map((r) => ({
        id: r.id,
        firstName: r.firstName,
        age: ageOn(r.birthDate, today),
        householdId: r.householdId,
        householdName: r.householdName,
        siblingIds: rows
          .filter((s) => s.id !== r.id && r.siblingGroup !== null && s.siblingGroup === r.siblingGroup)
          .map((s) => s.id),
        inNetwork: r.inNetwork,
      })),
    };
  });
}

/** Solid of each home: its adults' completions and a team leader's override (as courses/ gates it). */
export async function solidByHome(tx: Queryable, municipalityId: number, householdIds: string[]) {
  const rows = await q.solidOf(tx, municipalityId, householdIds);
  const overridden = new Set(
    (await q.solidOverrides(tx, municipalityId, householdIds)).map((o) => o.householdId),
  );
  const byHome = new Map<string, q.SolidRow[]>();
  for (const row of rows) byHome.set(row.householdId, [...(byHome.get(row.householdId) ?? []), row]);
  return (id: string) => {
    const adults = byHome.get(id) ?? [];
    return {
      status: solidStatus(adults.filter((a) => a.completedOn !== null).length, overridden.has(id)),
      adults: adults.map((a) => ({ name: a.adultName, completedOn: a.completedOn })),
    };
  };
}

/**
 * Proposes members and a resource family for the picked children (domain/matching.ts), from the
 * own municipality's homes: members and suggestions among homes in no network yet, resource
 * families among the resource families and the short list's open candidates.
 */
export function proposeFor(deps: Deps, ctx: TenantContext, input: ProposalInput): Promise<Proposals> {
  return inTenant(deps.db, ctx, async (tx) => {
    const m = ctx.municipalityId;
    const all = await q.homes(tx, m);
    const children = await q.childrenOf(
      tx,
      m,
      all.map((h) => h.id),
    );
    const ids = new Set(input.childIds);
    const picked = children.filter((c) => ids.has(c.id));
    if (picked.length !== ids.size) throw notFound();
    const pickedHomes = new Set(picked.map((c) => c.householdId));
    const candidateIds = new Set((await q.openCandidateIds(tx, m)).map((c) => c.householdId));
    const withChildren = (h: q.HomeRow) => ({
      id: h.id,
      name: h.name,
      postcode: h.postcode,
      travelMinutes: h.travelMinutes,
      children: children.filter((c) => c.householdId === h.id),
    });
    const homes = all
      .filter((h) => h.kind !== 'resource_family' && (pickedHomes.has(h.id) || !h.inNetwork))
      .map(withChildren);
    const families = all.filter((h) => h.kind === 'resource_family' || candidateIds.has(h.id));
    const solid = await solidByHome(
      tx,
      m,
      families.map((h) => h.id),
    );
    const resourceFamilies: ResourceFamilyOption[] = families.map((h) => ({
      ...withChildren(h),
      solid: solid(h.id).status,
      candidate: h.kind !== 'resource_family',
    }));
    const meetings = await q.cafeMeetings(tx, m, [...pickedHomes]);
    const proposals = proposeNetwork({ today: todayInOslo(), picked, homes, resourceFamilies, meetings });
    await auditListRead(tx, ctx, 'household', [
      ...proposals.members.map((p) => p.householdId),
      ...proposals.suggestions.map((p) => p.householdId),
      ...proposals.resourceFamilies.map((p) => p.householdId),
    ]);
    return proposals;
  });
}
