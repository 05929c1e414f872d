import type { Queryable } from '../../../db/connection.js';
import type { TenantContext } from '../../../db/tenant.js';
import type { Round } from '../../../domain/good-start.js';
import { inQuietHours, outsideQuietHours } from '../../../domain/reminders.js';
import { audit } from '../../audit/index.js';
import { type QuestionnaireMessage, queueByHouseholdChannel } from '../queries/follow-up.js';
import { holdReminders } from '../queries/message.js';

/**
 * The evaluation questionnaire of En god start (features/evaluation, in its transaction), or its
 * one reminder: a message of the round on each given invitation to the round's session, by the household's
 * channel as the café's notices go (e-mail or SMS, else the invitation's letter or digital mail),
 * never twice. Asked for in quiet hours (20:00–09:00 Oslo), they go at 09:00. The caller starts
 * the sending at `at` once the transaction has committed.
 */
export async function queueQuestionnaire(
  tx: Queryable,
  ctx: TenantContext,
  eventId: string,
  invitationIds: string[],
  round: Round,
  now: Date,
  message: QuestionnaireMessage = 'questionnaire',
): Promise<{ queued: number; at: Date }> {
  const at = outsideQuietHours(now);
  const purpose = `${message}:${round}` as const;
  const queued = await queueByHouseholdChannel(tx, ctx.municipalityId, eventId, invitationIds, purpose);
  if (queued > 0 && inQuietHours(now)) await holdReminders(tx, ctx.municipalityId, eventId, purpose, at);
  await audit(tx, ctx, { action: 'create', recordType: 'message', details: { eventId, [purpose]: queued } });
  return { queued, at };
}
