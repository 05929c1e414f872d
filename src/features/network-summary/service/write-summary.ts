import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { halfYearRange } from '../../../domain/half-year.js';
import type { Deps } from '../../../server/deps.js';
import { invalid, notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { CommentInput, DescriptionInput, SummaryView } from '../contract.js';
import { summarySubmitted } from '../errors.js';
import * as q from '../queries.js';
import { checkedHalfYear, ownNetwork, summaryView, teamNetwork } from './show-summary.js';

// The resource family writes the general description and submits the summary once; the
// network's caseworkers comment on what was submitted.

/** Saves the draft's description (409 summary.submitted once it is submitted). */
export function saveDraft(deps: Deps, ctx: TenantContext, input: DescriptionInput): Promise<SummaryView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const halfYear = checkedHalfYear(network, input.halfYear);
    const saved = await q.saveDescription(tx, ctx.municipalityId, {
      networkId: network.id,
      halfYearStart: halfYearRange(halfYear).from,
      description: input.description.trim(),
      userId: ctx.userId,
    });
    if (!saved) throw summarySubmitted();
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'network_summary',
      recordId: saved.id,
      details: { halfYear, characters: saved.description.length },
    });
    return summaryView(tx, ctx, network, halfYear);
  });
}

/**
 * Submits the summary to the municipality with this description. Once: a second submit (a
 * double click) answers with the summary as it was submitted and changes nothing.
 */
export function submit(deps: Deps, ctx: TenantContext, input: DescriptionInput): Promise<SummaryView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await ownNetwork(tx, ctx);
    const halfYear = checkedHalfYear(network, input.halfYear);
    const description = input.description.trim();
    const halfYearStart = halfYearRange(halfYear).from;
    const before = await q.findSummary(tx, ctx.municipalityId, network.id, halfYearStart);
    if (!before?.submittedAt && description === '')
      throw invalid([{ field: 'description', rule: 'required' }]);
    const { justSubmitted } = await q.submitSummary(tx, ctx.municipalityId, {
      networkId: network.id,
      halfYearStart,
      description,
      userId: ctx.userId,
    });
    if (justSubmitted) {
      await audit(tx, ctx, {
        action: 'submit',
        recordType: 'network_summary',
        recordId: network.id,
        details: { halfYear },
      });
    }
    return summaryView(tx, ctx, network, halfYear);
  });
}

/** A caseworker's comment on a submitted summary (404 while it is a draft). */
export function comment(
  deps: Deps,
  ctx: TenantContext,
  networkId: string,
  halfYear: string,
  input: CommentInput,
): Promise<SummaryView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const network = await teamNetwork(tx, ctx, networkId);
    const chosen = checkedHalfYear(network, halfYear);
    const saved = await q.findSummary(tx, ctx.municipalityId, network.id, halfYearRange(chosen).from);
    if (!saved?.submittedAt) throw notFound();
    const body = input.body.trim();
    if (body === '') throw invalid([{ field: 'body', rule: 'required' }]);
    const added = await q.insertComment(tx, ctx.municipalityId, {
      id: input.id,
      networkId: network.id,
      summaryId: saved.id,
      body,
      authorId: ctx.userId,
    });
    if (added) {
      await audit(tx, ctx, {
        action: 'create',
        recordType: 'network_summary_comment',
        recordId: input.id,
        subjectId: network.resourceFamilyHouseholdId,
        details: { halfYear: chosen },
      });
    }
    return summaryView(tx, ctx, network, chosen);
  });
}
