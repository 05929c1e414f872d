import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { pamphletFileName, pamphletType } from '../../../domain/course.js';
import type { Deps } from '../../../server/deps.js';
import { notFound } from '../../../server/errors.js';
import { audit } from '../../audit/index.js';
import type { CompletionView } from '../contract.js';
import { pamphletBroken, pamphletNotIntro, pamphletUnsupported } from '../errors.js';
import { presentCompletion } from '../present.js';
import * as q from '../queries.js';

/**
 * Stores the pamphlet left with the resource family on an intro-course completion, replacing
 * any earlier one. Its type is read from its bytes, never from its name or the request's
 * content type; a cut-off file is refused as broken.
 */
export function storePamphlet(
  deps: Deps,
  ctx: TenantContext,
  completionId: string,
  bytes: Uint8Array | undefined,
): Promise<CompletionView> {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findCompletion(tx, ctx.municipalityId, completionId);
    if (!row) throw notFound();
    if (row.kind !== 'resource_family_intro') throw pamphletNotIntro();
    const type = bytes && bytes.length > 0 ? pamphletType(bytes) : null;
    if (type === 'broken') throw pamphletBroken();
    if (!bytes || !type) throw pamphletUnsupported();
    await q.setPamphlet(tx, ctx.municipalityId, completionId, { bytes, type });
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'course_completion',
      recordId: completionId,
      subjectId: row.householdId ?? row.userId,
      details: { pamphlet: type, bytes: bytes.length },
    });
    return presentCompletion(
      (await q.findCompletion(tx, ctx.municipalityId, completionId)) as q.CompletionRow,
    );
  });
}

/** The pamphlet's bytes for staff to download (audited). */
export function pamphletOf(deps: Deps, ctx: TenantContext, completionId: string) {
  return inTenant(deps.db, ctx, async (tx) => {
    const row = await q.findCompletion(tx, ctx.municipalityId, completionId);
    const pamphlet = row && (await q.findPamphlet(tx, ctx.municipalityId, completionId));
    if (!row || !pamphlet) throw notFound();
    await audit(tx, ctx, {
      action: 'read',
      recordType: 'course_pamphlet',
      recordId: completionId,
      subjectId: row.householdId ?? row.userId,
    });
    return {
      bytes: Buffer.from(pamphlet.bytes),
      fileName: pamphletFileName(pamphlet.type),
      contentType: pamphlet.type,
    };
  });
}
