import type { Queryable } from '../../../db/connection.js';
import type { TenantContext } from '../../../db/tenant.js';
import { todayInOslo } from '../../../domain/calendar.js';
import { audit } from '../../audit/index.js';
import { cancellationTargets, queueByHouseholdChannel, withdrawQueued } from '../queries/follow-up.js';

/**
 * The team cancels a café (events/ cancelEvent, in its transaction): what was still waiting to go
 * (invitations not yet sent, reminders, confirmations) is withdrawn, and the households are told
 * by their channel, each once. Before the answer deadline (or when the café has none) every
 * household whose invitation reached it and that has not said no hears it — it may still have
 * meant to come; after the deadline, only those who said they are coming, with a place or on the
 * waiting list. The caller starts the sending once the transaction has committed. Returns how
 * many notices were queued.
 */
export async function queueCancellation(
  tx: Queryable,
  ctx: TenantContext,
  event: { id: string; deadline: string | null },
): Promise<number> {
  const withdrawn = await withdrawQueued(tx, ctx.municipalityId, event.id);
  const everyone = event.deadline === null || todayInOslo() <= event.deadline;
  const targets = await cancellationTargets(tx, ctx.municipalityId, event.id, everyone);
  const queued = await queueByHouseholdChannel(tx, ctx.municipalityId, event.id, targets, 'cancellation');
  await audit(tx, ctx, {
    action: 'create',
    recordType: 'message',
    details: { eventId: event.id, cancellation: queued, withdrawn },
  });
  return queued;
}
