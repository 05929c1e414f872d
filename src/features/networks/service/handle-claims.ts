import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../db/connection.js';
import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { isIsoDate, todayInOslo } from '../../../domain/calendar.js';
import { BUDGET_PER_MEMBER_ORE, type ClaimStatus, receiptType } from '../../../domain/network.js';
import { staffTexts } from '../../../i18n/staff.js';
import { csvDocument } from '../../../server/csv.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { ClaimDecision, ClaimInput, ClaimList, ClaimView } from '../contract.js';
import { claimDecided, reasonRequired, receiptUnsupported } from '../errors.js';
import * as claimQ from '../queries/claims.js';
import * as q from '../queries/networks.js';
import { ownNetwork } from './my-network.js';

/** Each claim with whether its occasion's claims that year go over the budget (flagged, never refused). */
async function views(tx: Queryable, ctx: TenantContext, rows: claimQ.ClaimRow[]): Promise<ClaimView[]> {
  const over = new Map<string, boolean>();
  for (const row of rows) {
    if (!row.occasion) continue;
    const key = `${row.networkId}/${row.occasion}/${row.date.slice(0, 4)}`;
    if (!over.has(key)) {
      const members = (await q.memberContacts(tx, row.networkId)).filter(
        (m) => m.joinedOn && !m.leftOn,
      ).length;
      const claimed = await claimQ.claimedOre(
        tx,
        ctx.municipalityId,
        row.networkId,
        row.occasion,
        Number(row.date.slice(0, 4)),
      );
      over.set(key, claimed > members * BUDGET_PER_MEMBER_ORE);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    networkId: r.networkId,
    networkName: r.networkName,
    date: r.date,
    amountOre: r.amountOre,
    purpose: r.purpose,
    occasion: r.occasion,
    status: r.status,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    receipt: r.receiptType ? { contentType: r.receiptType, bytes: r.receiptBytes ?? 0 } : null,
    overBudget:
      r.occasion !== null &&
      r.status !== 'rejected' &&
      over.get(`${r.networkId}/${r.occasion}/${r.date.slice(0, 4)}`) === true,
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

async function claimView(tx: Queryable, ctx: TenantContext, claimId: string): Promise<ClaimView> {
  const row = await claimQ.findClaim(tx, ctx.municipalityId, claimId);
  if (!row) throw notFound();
  const [view] = await views(tx, ctx, [row]);
  return view as ClaimView;
}

// --- The resource family ---------------------------------------------------------------------------

export function myClaims(deps: Deps, ctx: TenantContext): Promise<ClaimList> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    return {
      claims: await views(tx, ctx, await claimQ.claimsOf(tx, ctx.municipalityId, { networkId: network.id })),
    };
  });
}

/** Submits a claim (the same id twice submits once); over the budget it is flagged, not refused. */
export function submitClaim(deps: Deps, ctx: TenantContext, input: ClaimInput): Promise<ClaimView> {
  if (!isIsoDate(input.date) || input.date > todayInOslo()) throw invalid([{ field: 'date', rule: 'date' }]);
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const id = input.id ?? randomUUID();
    const inserted = await claimQ.insertClaim(tx, ctx.municipalityId, {
      id,
      networkId: network.id,
      date: input.date,
      amountOre: input.amountOre,
      purpose: input.purpose.trim(),
      occasion: input.occasion ?? null,
      createdBy: ctx.userId,
    });
    const view = await claimView(tx, ctx, id);
    if (view.networkId !== network.id) throw notFound();
    if (inserted) {
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'expense_claim',
        recordId: id,
        details: { networkId: network.id, amountOre: input.amountOre, overBudget: view.overBudget },
      });
    }
    return view;
  });
}

/** The receipt's bytes (JPEG, PNG or PDF by their first bytes) on a claim not yet decided. */
export function storeReceipt(
  deps: Deps,
  ctx: TenantContext,
  claimId: string,
  body: unknown,
): Promise<ClaimView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const claim = await claimQ.findClaim(tx, ctx.municipalityId, claimId);
    if (claim?.networkId !== network.id) throw notFound();
    if (claim.status !== 'submitted') throw claimDecided();
    const bytes = Buffer.isBuffer(body) ? body : null;
    const type = bytes ? receiptType(bytes) : null;
    if (!bytes || !type) throw receiptUnsupported();
    await claimQ.setReceipt(tx, ctx.municipalityId, claimId, bytes, type);
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'expense_claim',
      recordId: claimId,
      details: { receipt: type },
    });
    return claimView(tx, ctx, claimId);
  });
}

// --- The team ---------------------------------------------------------------------------------------------

export function listClaims(deps: Deps, ctx: TenantContext, status?: ClaimStatus): Promise<ClaimList> {
  return inTenant(deps.db, ctx, async (tx) => ({
    claims: await views(tx, ctx, await claimQ.claimsOf(tx, ctx.municipalityId, status ? { status } : {})),
  }));
}

/** Approves, or rejects with a reason; a claim is decided once. */
export function decideClaim(
  deps: Deps,
  ctx: TenantContext,
  claimId: string,
  input: ClaimDecision,
): Promise<ClaimView> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'reject' && !reason) throw reasonRequired();
  return inTenant(deps.db, ctx, async (tx) => {
    const claim = await claimQ.findClaim(tx, ctx.municipalityId, claimId);
    if (!claim) throw notFound();
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    if (
      !(await claimQ.decideClaim(tx, ctx.municipalityId, claimId, { status, reason, decidedBy: ctx.userId }))
    ) {
      throw claimDecided();
    }
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'expense_claim',
      recordId: claimId,
      details: { status },
    });
    return claimView(tx, ctx, claimId);
  });
}

export function claimReceipt(deps: Deps, ctx: TenantContext, claimId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const receipt = await claimQ.findReceipt(tx, ctx.municipalityId, claimId);
    if (!receipt) throw notFound();
    await audit(tx, ctx, { action: 'read', recordType: 'expense_claim', recordId: claimId });
    return { bytes: Buffer.from(receipt.receipt), contentType: receipt.receiptType };
  });
}

/** Approved claims for the payroll/accounts office, as Norwegian Excel opens them. */
export function approvedClaimsCsv(
  deps: Deps,
  ctx: TenantContext,
  locale: string,
  range: { from?: string; to?: string },
): Promise<string> {
  return inTenant(deps.db, ctx, async (tx) => {
    const rows = await claimQ.claimsOf(tx, ctx.municipalityId, { status: 'approved', ...range });
    await audit(tx, ctx, { action: 'export', recordType: 'expense_claim', details: { rows: rows.length } });
    const head = staffTexts(locale, 'exports.claims');
    return csvDocument(
      [
        head.date ?? 'date',
        head.network ?? 'network',
        head.purpose ?? 'purpose',
        head.amount ?? 'amount',
        head.decidedAt ?? 'decidedAt',
      ],
      rows.map((r) => [
        r.date,
        r.networkName,
        r.purpose,
        (r.amountOre / 100).toFixed(2).replace('.', ','),
        r.decidedAt ? new Date(r.decidedAt).toISOString().slice(0, 10) : null,
      ]),
    );
  });
}
