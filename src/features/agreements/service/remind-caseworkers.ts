import { inTenant, type TenantContext } from '../../../db/tenant.js';
import { staffText } from '../../../i18n/staff.js';
import type { Deps } from '../../../server/deps.js';
import { audit } from '../../audit/index.js';
import * as q from '../queries.js';

export type ReminderDeps = Pick<Deps, 'db' | 'mailer'> & { config: Pick<Deps['config'], 'publicUrl'> };

const day = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/**
 * E-mails the network's caseworkers that the agreement ends soon, once: the agreement is marked
 * first, and a failed e-mail rolls the mark back so that tomorrow's run tries again.
 */
export function remindCaseworkers(
  deps: ReminderDeps,
  agreement: { id: string; municipalityId: number },
): Promise<boolean> {
  const ctx: TenantContext = { municipalityId: agreement.municipalityId, userId: null, ip: null };
  return inTenant(deps.db, ctx, async (tx) => {
    if (!(await q.claimReminder(tx, ctx.municipalityId, agreement.id))) return false;
    const row = await q.findAgreement(tx, ctx.municipalityId, agreement.id);
    const network = row && (await q.ownNetwork(tx, ctx.municipalityId, row.networkId));
    if (!row || !network) return false;
    const to = await q.caseworkerAddresses(tx, ctx.municipalityId, row.networkId);
    const url = `${deps.config.publicUrl}/nettverk/${row.networkId}/oppdragsavtale`;
    for (const caseworker of to) {
      const values = { name: caseworker.firstName, network: network.name, endOn: day(row.endOn), url };
      await deps.mailer.send({
        to: caseworker.email,
        subject: staffText(caseworker.locale, 'agreements.reminderEmail.subject', values),
        text: staffText(caseworker.locale, 'agreements.reminderEmail.body', values),
      });
    }
    await audit(tx, ctx, {
      action: 'update',
      recordType: 'agreement',
      recordId: row.id,
      details: { change: 'reminded', caseworkers: to.length },
    });
    return true;
  });
}
