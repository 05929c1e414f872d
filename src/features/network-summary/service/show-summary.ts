import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { networkSummaryPdf } from '../../../documents/network-summary.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { type HalfYear, halfYearOf, halfYearRange, previousHalfYear } from '../../../domain/half-year.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit, auditListRead } from '../../audit/index.js';
import type { SummaryContacts, SummaryList, SummaryView } from '../contract.js';
import * as q from '../queries.js';

// The half-year summary as the resource family writes it and the caseworkers read it: the
// figures are counted from the contact log and the gatherings each time it is shown.

/** The half-years from the network's start to today's, newest first (at most ten). */
export function halfYearsOf(network: q.NetworkRow, today: string): HalfYear[] {
  const first = halfYearOf(network.startedOn);
  const list = [halfYearOf(today)];
  while (list.length < 10 && (list.at(-1) as string) > first)
    list.push(previousHalfYear(list.at(-1) as string));
  return list;
}

/** A half-year the network has had (400 otherwise). */
export function checkedHalfYear(network: q.NetworkRow, halfYear: string | undefined): HalfYear {
  const today = todayInOslo();
  const chosen = halfYear ?? halfYearOf(today);
  if (!halfYearsOf(network, today).includes(chosen))
    throw invalid([{ field: 'halfYear', rule: 'out_of_range' }]);
  return chosen;
}

const KINDS = ['call', 'visit', 'message', 'gathering'] as const;

async function contactsOf(
  tx: Queryable,
  ctx: TenantContext,
  networkId: string,
  from: string,
  to: string,
): Promise<SummaryContacts[]> {
  const members = await q.members(tx, networkId);
  const counts = await q.contactCounts(tx, ctx.municipalityId, networkId, from, to);
  const inPeriod = members.filter(
    (m) =>
      (m.joinedOn !== null && m.joinedOn <= to && (m.leftOn === null || m.leftOn >= from)) ||
      counts.some((c) => c.householdId === m.householdId),
  );
  const seen = new Set<string>();
  return inPeriod
    .filter((m) => !seen.has(m.householdId) && seen.add(m.householdId))
    .map((m) => {
      const of = (kind: string) =>
        counts.find((c) => c.householdId === m.householdId && c.kind === kind)?.n ?? 0;
      const [call, visit, message, gathering] = KINDS.map(of) as [number, number, number, number];
      return {
        householdId: m.householdId,
        name: m.name,
        call,
        visit,
        message,
        gathering,
        total: call + visit + message + gathering,
      };
    });
}

/** The summary of the half-year (a draft when none is saved yet); audits the households shown. */
export async function summaryView(
  tx: Queryable,
  ctx: TenantContext,
  network: q.NetworkRow,
  halfYear: HalfYear,
): Promise<SummaryView> {
  const { from, to } = halfYearRange(halfYear);
  const saved = await q.findSummary(tx, ctx.municipalityId, network.id, from);
  const contacts = await contactsOf(tx, ctx, network.id, from, to);
  await auditListRead(
    tx,
    ctx,
    'household',
    contacts.map((c) => c.householdId),
  );
  const comments = saved ? await q.commentsOf(tx, ctx.municipalityId, saved.id) : [];
  return {
    networkId: network.id,
    networkName: network.name,
    halfYear,
    from,
    to,
    status: saved?.submittedAt ? 'submitted' : 'draft',
    description: saved?.description ?? '',
    updatedAt: saved ? new Date(saved.updatedAt).toISOString() : null,
    submittedAt: saved?.submittedAt ? new Date(saved.submittedAt).toISOString() : null,
    gatherings: await q.gatherings(tx, ctx.municipalityId, network.id, from, to),
    contacts,
    comments: comments.map((c) => ({ ...c, createdAt: new Date(c.createdAt).toISOString() })),
    halfYears: halfYearsOf(network, todayInOslo()),
  };
}

/** The resource family's network (404 for an account without one). */
export async function ownNetwork(tx: Queryable, ctx: TenantContext): Promise<q.NetworkRow> {
  const network = ctx.userId ? await q.networkOfUser(tx, ctx.municipalityId, ctx.userId) : undefined;
  if (!network) throw notFound();
  return network;
}

/** The network this municipality owns (404 for another municipality's, or a joint network's partner). */
export async function teamNetwork(
  tx: Queryable,
  ctx: TenantContext,
  networkId: string,
): Promise<q.NetworkRow> {
  const network = await q.ownedNetwork(tx, ctx.municipalityId, networkId);
  if (!network) throw notFound();
  return network;
}

/** The resource family's summary of a half-year (this one unless named). */
export function getMySummary(
  deps: Deps,
  ctx: TenantContext,
  halfYear: string | undefined,
): Promise<SummaryView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    return summaryView(tx, ctx, network, checkedHalfYear(network, halfYear));
  });
}

/** The summaries the resource family has submitted, for the network's caseworkers. */
export function listSubmitted(deps: Deps, ctx: TenantContext, networkId: string): Promise<SummaryList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await teamNetwork(tx, ctx, networkId);
    const summaries = [];
    for (const row of await q.submittedSummaries(tx, ctx.municipalityId, network.id)) {
      summaries.push(await summaryView(tx, ctx, network, halfYearOf(row.halfYearStart)));
    }
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'network_summary',
      recordId: network.id,
      subjectId: network.resourceFamilyHouseholdId,
      details: { summaries: summaries.length },
    });
    return { summaries };
  });
}

async function pdfOf(view: SummaryView): Promise<Uint8Array> {
  // The day it was submitted as an Oslo calendar day.
  const submittedAt = view.submittedAt ? todayInOslo(new Date(view.submittedAt)) : null;
  return networkSummaryPdf({ ...view, submittedAt, made: todayInOslo() });
}

/** The resource family's summary of the half-year as an A4 PDF. */
export async function mySummaryPdf(deps: Deps, ctx: TenantContext, halfYear: string | undefined) {
  const view = await inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const summary = await summaryView(tx, ctx, network, checkedHalfYear(network, halfYear));
    await audit(tx, ctx, { action: 'export', recordType: 'network_summary', recordId: network.id });
    return summary;
  });
  return { view, pdf: await pdfOf(view) };
}

/** A submitted summary as an A4 PDF, for the caseworkers (404 while it is a draft). */
export async function teamSummaryPdf(deps: Deps, ctx: TenantContext, networkId: string, halfYear: string) {
  const view = await inTenant(deps.db, ctx, async (tx) => {
    const network = await teamNetwork(tx, ctx, networkId);
    const chosen = checkedHalfYear(network, halfYear);
    const saved = await q.findSummary(tx, ctx.municipalityId, network.id, halfYearRange(chosen).from);
    if (!saved?.submittedAt) throw notFound();
    const summary = await summaryView(tx, ctx, network, chosen);
    await audit(tx, ctx, {
      action: 'export',
      recordType: 'network_summary',
      recordId: network.id,
      subjectId: network.resourceFamilyHouseholdId,
    });
    return summary;
  });
  return { view, pdf: await pdfOf(view) };
}
