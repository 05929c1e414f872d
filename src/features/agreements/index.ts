// What other parts may call of agreements/: the daily reminder (src/app/jobs.ts).

export { AGREEMENT_REMINDER_CRON, remindEndingAgreements } from './worker.js';
