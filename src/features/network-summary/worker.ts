import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../../channels/email.js';
import type { Database } from '../../db/connection.js';
import { asSystem, inTenant } from '../../db/tenant.js';
import { todayInOslo } from '../../domain/calendar.js';
import { halfYearOf, halfYearRange, reminderDay } from '../../domain/half-year.js';
import { staffText } from '../../i18n/staff.js';
import type { Config } from '../../server/config.js';
import { audit } from '../audit/index.js';
import * as q from './queries.js';

/** Daily at 08:00 Oslo time. */
export const SUMMARY_REMINDER_CRON = '0 8 * * *';

const day = (date: string) => `${Number(date.slice(8, 10))}.${Number(date.slice(5, 7))}.${date.slice(0, 4)}`;

/**
 * From two weeks before a half-year ends until its last day: e-mails the resource family's
 * accounts of each network whose summary is not submitted, once per network and half-year (the
 * reminder row is claimed in the transaction that sends, so a failed send is tried again the
 * next day and two runs never both send). Returns the networks reminded.
 */
export async function sendSummaryReminders(
  deps: {
    db: Database;
    mailer: Mailer;
    config: Pick<Config, 'publicUrl'>;
    log?: Pick<FastifyBaseLogger, 'error'>;
  },
  today: string = todayInOslo(),
): Promise<number> {
  const halfYear = halfYearOf(today);
  if (today < reminderDay(halfYear)) return 0;
  const { from, to } = halfYearRange(halfYear);
  let reminded = 0;
  for (const municipalityId of await asSystem(deps.db, q.municipalityIds)) {
    const ctx = { municipalityId, userId: null, ip: null };
    const networks = await inTenant(deps.db, ctx, (tx) => q.networksToRemind(tx, municipalityId, from));
    for (const network of networks) {
      try {
        const sent = await inTenant(deps.db, ctx, async (tx) => {
          const emails = await q.resourceFamilyEmails(tx, municipalityId, network.id);
          // No account yet: nothing to send, and one linked later still gets the reminder.
          if (emails.length === 0 || !(await q.claimReminder(tx, municipalityId, network.id, from)))
            return false;
          await audit(tx, ctx, {
            action: 'create',
            recordType: 'network_summary_reminder',
            recordId: network.id,
            details: { halfYear, recipients: emails.length },
          });
          for (const email of emails) {
            await deps.mailer.send({
              to: email,
              subject: staffText('nb', 'networkSummary.email.subject', { to: day(to) }),
              text: staffText('nb', 'networkSummary.email.body', {
                network: network.name,
                to: day(to),
                url: `${deps.config.publicUrl}/mitt-nettverk/erfaringer`,
              }),
            });
          }
          return true;
        });
        if (sent) reminded++;
      } catch (error) {
        deps.log?.error({ err: error, municipalityId }, 'half-year summary reminder failed');
      }
    }
  }
  return reminded;
}
