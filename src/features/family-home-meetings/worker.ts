import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../../channels/email.js';
import type { Database } from '../../db/connection.js';
import { asSystem, inTenant } from '../../db/tenant.js';
import { addDays, todayInOslo } from '../../domain/calendar.js';
import type { Config } from '../../server/config.js';
import { audit } from '../audit/index.js';
import * as q from './queries.js';
import { reminderEmail } from './render.js';

/** Every hour in the day (Oslo): the reminders for tomorrow's meetings go out in the morning run. */
export const MEETING_REMINDERS_CRON = '0 7-20 * * *';

/**
 * E-mails each participant of tomorrow's meetings a reminder, once: the participant is locked,
 * mailed and marked in one transaction, so a failed e-mail is tried again in the next run and a
 * second run (or process) skips what is sent or being sent.
 */
export async function sendMeetingReminders(
  deps: { db: Database; mailer: Mailer; config: Pick<Config, 'publicUrl'>; log: FastifyBaseLogger },
  now = new Date(),
): Promise<number> {
  const tomorrow = addDays(todayInOslo(now), 1);
  let sent = 0;
  for (const municipalityId of await asSystem(deps.db, q.municipalityIds)) {
    const ctx = { municipalityId, userId: null, ip: null };
    try {
      for (;;) {
        const done = await inTenant(deps.db, ctx, async (tx) => {
          const due = await q.nextDueReminder(tx, municipalityId, tomorrow);
          if (!due) return true;
          await deps.mailer.send(reminderEmail(due, deps.config.publicUrl));
          await q.markReminded(tx, municipalityId, due.meetingId, due.userId);
          await audit(tx, ctx, {
            action: 'send',
            recordType: 'family_home_meeting_reminder',
            recordId: due.meetingId,
            subjectId: due.householdId,
            details: { userId: due.userId },
          });
          return false;
        });
        if (done) break;
        sent += 1;
      }
    } catch (error) {
      deps.log.error({ err: error, municipalityId }, 'meeting reminders failed');
    }
  }
  return sent;
}
