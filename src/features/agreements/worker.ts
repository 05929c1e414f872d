import type { FastifyBaseLogger } from 'fastify';
import { asSystem } from '../../db/tenant.js';
import { REMINDER_DAYS_BEFORE_END } from '../../domain/agreement.js';
import { addDays, todayInOslo } from '../../domain/calendar.js';
import * as q from './queries.js';
import { type ReminderDeps, remindCaseworkers } from './service/remind-caseworkers.js';

/** Run by pg-boss once a day at 07:05 Oslo time (registered in src/app/jobs.ts). */
export const AGREEMENT_REMINDER_CRON = '5 7 * * *';

/**
 * The daily look for agreements that end within 60 days: each one's caseworkers get one e-mail
 * (the agreement is marked in the same transaction, so a second run or a second process sends
 * nothing more).
 */
export async function remindEndingAgreements(
  deps: ReminderDeps & { log: FastifyBaseLogger },
  now = new Date(),
): Promise<number> {
  const today = todayInOslo(now);
  const due = await asSystem(deps.db, (tx) =>
    q.endingAgreements(tx, today, addDays(today, REMINDER_DAYS_BEFORE_END)),
  );
  let reminded = 0;
  for (const agreement of due) {
    try {
      if (await remindCaseworkers(deps, agreement)) reminded += 1;
    } catch (error) {
      deps.log.error({ err: error, agreementId: agreement.id }, 'agreement reminder failed');
    }
  }
  if (reminded > 0) deps.log.info({ reminded }, 'agreement reminders sent');
  return reminded;
}
