import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Mailer } from '../channels/email.js';
import { AGREEMENT_REMINDER_CRON, remindEndingAgreements } from '../features/agreements/index.js';
import { MEETING_REMINDERS_CRON, sendMeetingReminders } from '../features/family-home-meetings/index.js';
import { tellCancelledSession } from '../features/good-start/index.js';
import { SUMMARY_REMINDER_CRON, sendSummaryReminders } from '../features/network-summary/index.js';
import { RETENTION_CRON, runRetentionEverywhere } from '../features/retention/index.js';
import {
  checkDigitalMailStatus,
  DIGITAL_MAIL_STATUS_CRON,
} from '../features/sending/service/check-digital-mail.js';
import {
  REMINDERS_CRON,
  type SendingDeps,
  sendDue,
  sendDueReminders,
  workLeft,
} from '../features/sending/worker.js';
import type { Jobs, SendJob } from '../server/deps.js';

/**
 * Sends one event's due messages (invitations, confirmations, reminders …): a SendJob. The
 * 'short' policy keeps one waiting job per singleton key (sendKey), so 500 answers to one café
 * wake its sending once or twice rather than 500 times; a job claims all that is due by then.
 */
const SEND_QUEUE = 'send-invitations';
const SEND_QUEUE_OPTIONS = { policy: 'short', retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;
/** SEND_QUEUE's jobs worked at once by a process: one café's burst never holds up another's send. */
const SEND_WORKERS = 4;
/** Finds events with work left (a stopped process, a planned time that has come) and queues them. */
const RESUME_QUEUE = 'resume-sending';
/** Asks SvarUt how the digital mail that is 'sent' is doing (every 10 minutes). */
const DIGITAL_MAIL_STATUS_QUEUE = 'digital-mail-status';
/** Queues the reminders that are due (every 15 minutes; nothing in quiet hours). */
const REMINDERS_QUEUE = 'event-reminders';
/** Removes or anonymises the personal data that has passed its retention period (daily). */
const RETENTION_QUEUE = 'retention';
/** E-mails the resource families whose half-year summary is due in two weeks, once (daily). */
const SUMMARY_REMINDERS_QUEUE = 'network-summary-reminders';
/** E-mails the caseworkers of an agreement that ends within 60 days, once (daily). */
const AGREEMENT_REMINDERS_QUEUE = 'agreement-reminders';
/** E-mails the staff taking part in tomorrow's meetings with a family home (hourly by day). */
const MEETING_REMINDERS_QUEUE = 'family-home-meeting-reminders';
/** Tells a partner's households of a joint cohort session its host cancelled (in the partner's tenant). */
const COHORT_CANCELLATION_QUEUE = 'cohort-session-cancelled';

/**
 * What makes two SendJobs the same while one waits (SEND_QUEUE's 'short' policy): the event, and
 * whether it prepares invitations (a wake-up for a confirmation must not swallow «Send nå»).
 * A job for later has its time in the key, so a retry waiting for an hour never swallows a
 * confirmation due now.
 */
function sendKey(job: SendJob, startAfter: Date | undefined): string {
  return [job.eventId, job.prepare ? 'prepare' : 'send', startAfter?.toISOString() ?? 'now'].join(':');
}

/**
 * pg-boss 10 on the app's own database, the embedded one included (through Database.executeSql).
 * Every app process works the queues; pg-boss's SKIP LOCKED hands each job to one of them, and
 * the sending claims messages with SKIP LOCKED too, so two processes never send the same one.
 */
export async function startJobs(
  deps: SendingDeps & { log: FastifyBaseLogger; mailer: Mailer },
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => deps.db.executeSql(text, values) },
    schema: 'pgboss',
    // A PGlite database is one connection: poll gently.
    maintenanceIntervalSeconds: 60,
  });
  boss.on('error', (error) => deps.log.error({ err: error }, 'job queue error'));
  await boss.start();
  await boss.createQueue(SEND_QUEUE, { name: SEND_QUEUE, ...SEND_QUEUE_OPTIONS });
  // A queue made before it was 'short' becomes so (createQueue leaves an existing queue as it is).
  await boss.updateQueue(SEND_QUEUE, { name: SEND_QUEUE, ...SEND_QUEUE_OPTIONS });
  await boss.createQueue(RESUME_QUEUE, { name: RESUME_QUEUE, policy: 'singleton' });
  await boss.createQueue(DIGITAL_MAIL_STATUS_QUEUE, { name: DIGITAL_MAIL_STATUS_QUEUE, policy: 'singleton' });
  await boss.createQueue(REMINDERS_QUEUE, { name: REMINDERS_QUEUE, policy: 'singleton' });
  await boss.createQueue(RETENTION_QUEUE, { name: RETENTION_QUEUE, policy: 'singleton' });
  await boss.createQueue(MEETING_REMINDERS_QUEUE, { name: MEETING_REMINDERS_QUEUE, policy: 'singleton' });

  const stop = { stopped: false };
  const send = async (job: SendJob, startAfter?: Date) => {
    const later = startAfter && startAfter.getTime() > Date.now() ? startAfter : undefined;
    await boss.send(SEND_QUEUE, job, {
      singletonKey: sendKey(job, later),
      ...(later ? { startAfter: later } : {}),
    });
  };

  // The events this process's workers are sending, each with whether a job came for it meanwhile.
  // Such a job is not worked beside the first (one café's burst would take every worker and hold
  // up the other cafés' sends) but queued again when the first is done, so nothing it was for waits.
  const busy = new Map<string, { again: boolean; prepare: boolean }>();
  for (let i = 0; i < SEND_WORKERS; i++) {
    await boss.work<SendJob>(SEND_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      const { municipalityId, eventId, prepare } = job.data;
      const running = busy.get(eventId);
      if (running) {
        running.again = true;
        running.prepare ||= prepare === true;
        return;
      }
      const mark = { again: false, prepare: false };
      busy.set(eventId, mark);
      try {
        const { sent, next } = await sendDue(deps, municipalityId, eventId, { prepare, stop });
        deps.log.info({ eventId, sent }, 'messages sent');
        if (next && !mark.again && !stop.stopped) await send({ municipalityId, eventId }, next);
      } finally {
        busy.delete(eventId);
        if (mark.again && !stop.stopped) {
          await send({ municipalityId, eventId, ...(mark.prepare ? { prepare: true } : {}) });
        }
      }
    });
  }
  await boss.work(RESUME_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
    for (const job of await workLeft(deps)) await send(job);
  });
  await boss.schedule(RESUME_QUEUE, '* * * * *');
  await boss.work(DIGITAL_MAIL_STATUS_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    await checkDigitalMailStatus(deps);
  });
  await boss.schedule(DIGITAL_MAIL_STATUS_QUEUE, DIGITAL_MAIL_STATUS_CRON);
  await boss.work(REMINDERS_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    const { queued } = await sendDueReminders({ db: deps.db, jobs: { sendMessages: send } });
    if (queued > 0) deps.log.info({ queued }, 'reminders queued');
  });
  await boss.schedule(REMINDERS_QUEUE, REMINDERS_CRON);
  await boss.work(RETENTION_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    await runRetentionEverywhere(deps);
  });
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: 'Europe/Oslo' });
  await boss.createQueue(AGREEMENT_REMINDERS_QUEUE, { name: AGREEMENT_REMINDERS_QUEUE, policy: 'singleton' });
  await boss.work(AGREEMENT_REMINDERS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    await remindEndingAgreements(deps);
  });
  await boss.schedule(AGREEMENT_REMINDERS_QUEUE, AGREEMENT_REMINDER_CRON, {}, { tz: 'Europe/Oslo' });
  await boss.work(MEETING_REMINDERS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const sent = await sendMeetingReminders(deps);
    if (sent > 0) deps.log.info({ sent }, 'meeting reminders sent');
  });
  await boss.schedule(MEETING_REMINDERS_QUEUE, MEETING_REMINDERS_CRON, {}, { tz: 'Europe/Oslo' });
  await boss.createQueue(SUMMARY_REMINDERS_QUEUE, { name: SUMMARY_REMINDERS_QUEUE, policy: 'singleton' });
  await boss.work(SUMMARY_REMINDERS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const reminded = await sendSummaryReminders(deps);
    if (reminded > 0) deps.log.info({ reminded }, 'half-year summary reminders sent');
  });
  await boss.schedule(SUMMARY_REMINDERS_QUEUE, SUMMARY_REMINDER_CRON, {}, { tz: 'Europe/Oslo' });
  await boss.createQueue(COHORT_CANCELLATION_QUEUE, { name: COHORT_CANCELLATION_QUEUE });
  await boss.work<{ municipalityId: number; eventId: string }>(
    COHORT_CANCELLATION_QUEUE,
    { pollingIntervalSeconds: 1 },
    async ([job]) => {
      if (!job) return;
      const { municipalityId, eventId } = job.data;
      if ((await tellCancelledSession(deps.db, municipalityId, eventId)) > 0)
        await send({ municipalityId, eventId });
    },
  );
  // What a stopped or killed process left behind is picked up now rather than in a minute.
  await boss.send(RESUME_QUEUE, {});

  return {
    sendMessages: send,
    async tellCohortCancellation(job) {
      await boss.send(COHORT_CANCELLATION_QUEUE, job);
    },
    async stop() {
      stop.stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    },
  };
}
