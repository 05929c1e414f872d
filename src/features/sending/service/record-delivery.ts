import type { SmsDeliveryReport } from '../../../channels/sms.js';
import { asSystem, inTenant, type TenantContext } from '../../../db/tenant.js';
import type { Deps } from '../../../server/deps.js';
import { audit } from '../../audit/index.js';
import * as messagesSql from '../queries/message.js';

/**
 * Sveve's delivery report. It names our message id (ref), so the municipality is found from the
 * message itself; a report for a message we do not know is ignored (and answered 200, so Sveve
 * does not keep trying).
 */
export async function smsDeliveryReport(deps: Deps, report: SmsDeliveryReport): Promise<boolean> {
  const messageId = report.ref;
  if (!messageId || !/^[0-9a-f-]{36}$/i.test(messageId)) return false;
  const municipalityId = await asSystem(deps.db, (tx) => messagesSql.messageMunicipality(tx, messageId));
  if (municipalityId === undefined) return false;
  const ctx: TenantContext = { municipalityId, userId: null, ip: null };
  return inTenant(deps.db, ctx, async (tx) => {
    const updated = await messagesSql.applySmsDeliveryReport(tx, municipalityId, messageId, {
      status: report.status,
      reason: report.reason ?? null,
    });
    if (!updated) return false;
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'household',
      recordId: updated.householdId,
      subjectId: updated.householdId,
      details: { eventId: updated.eventId, messageId, delivery: report.status },
    });
    return true;
  });
}
